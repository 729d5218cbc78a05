"""After Finish: who was inspected, absent, on leave or late, faults by item, who needs follow-up,
and the line-up sheet (built in the background as a PDF, then printed or opened)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.changes import ChangeLine
from inspector.domain.scoring import format_percent
from inspector.domain.summary import LineupSummary
from inspector.gui.context import AppContext
from inspector.gui.controllers.lineup_controller import LineupController
from inspector.gui.errors import show_error
from inspector.gui.i18n import current_language
from inspector.gui.models.lineup_summary_model import FaultCountsModel, FollowUpModel
from inspector.gui.pages.lineup_screen import LineupScreen
from inspector.gui.printing import PdfActions
from inspector.gui.widgets import status as look
from inspector.gui.widgets.build import add_all, heading, table_view, text_label
from inspector.gui.widgets.change_text import AMENDED_COLOUR, change_line
from inspector.gui.widgets.touch import TOUCH_HEIGHT, touch_button
from inspector.services.report_jobs import LINEUP_SHEET, ReportRequest, report_language

log = logging.getLogger(__name__)


def sheet_path(db_path: Path, summary: LineupSummary, lang: str = "zh") -> Path:
    """Where the line-up sheet goes: a folder beside the database, one file per line-up, named
    as every line-up sheet is (``services.report_jobs``)."""
    request = ReportRequest(lang=lang, lineup=summary.lineup)
    return db_path.parent / f"{db_path.stem}-sheets" / LINEUP_SHEET.file_name(request)


class LineupSummaryPage(LineupScreen):
    review_requested = Signal(int)  # a row of the line-up: show that person (to change a result)
    grid_requested = Signal()
    home_requested = Signal()
    recheck_requested = Signal()  # the re-check list of the line-up's day and site
    sheet_ready = Signal(Path)

    def __init__(
        self, context: AppContext, controller: LineupController, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, controller, parent)
        self.summary: LineupSummary | None = None
        self.changes: tuple[ChangeLine, ...] = ()  # after finishing, oldest first
        self.pdf = PdfActions(self)
        self.open_file: Callable[[Path], object] = self.pdf.open_file

        self.title = heading("summary_title", grow=4)
        self.subtitle = QLabel()
        # The headline: 合格率, people with no fault ÷ people inspected; the item ratio a detail.
        self.pass_rate = heading("summary_pass_rate", grow=10)
        self.pass_rate_detail = text_label("summary_pass_rate_detail", wrap=True)
        headline = QHBoxLayout()
        headline.addWidget(self.pass_rate)
        headline.addSpacing(16)
        headline.addWidget(self.pass_rate_detail, 1)
        self.tiles = QGridLayout()
        self._tile_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for n, key in enumerate(
            (
                "total",
                "inspected",
                "all_pass",
                "with_faults",
                "absent",
                "leave",
                "late",
                "not_inspected",
            )
        ):
            value, caption = QLabel("0"), QLabel()
            value.setObjectName(f"tile_{key}")
            value_font = value.font()
            value_font.setPointSize(value_font.pointSize() + 8)
            value_font.setBold(True)
            value.setFont(value_font)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box = QVBoxLayout()
            box.addWidget(value)
            box.addWidget(caption)
            self.tiles.addLayout(box, 0, n)
            self._tile_labels[key] = (value, caption)

        self.fault_model = FaultCountsModel(self)
        self.follow_model = FollowUpModel(self)
        self.faults_box = QGroupBox()
        self.faults_view = self._table(self.fault_model, FaultCountsModel.ITEM)
        QVBoxLayout(self.faults_box).addWidget(self.faults_view)
        self.follow_box = QGroupBox()
        self.follow_view = self._table(self.follow_model, FollowUpModel.FAULTS)
        self.follow_view.setObjectName("follow_up_view")
        self.follow_view.doubleClicked.connect(self._review_selected)
        self.follow_view.activated.connect(self._review_selected)
        QVBoxLayout(self.follow_box).addWidget(self.follow_view)
        tables = QHBoxLayout()
        tables.addWidget(self.faults_box, 2)
        tables.addWidget(self.follow_box, 3)
        # 修改记录: every change after finishing (shown only when there are some).
        self.changes_box = QGroupBox()
        self.changes_box.setObjectName("summary_changes_box")
        self.changes_list = QListWidget()
        self.changes_list.setObjectName("summary_changes")
        self.changes_list.setWordWrap(True)
        self.changes_list.setMaximumHeight(4 * TOUCH_HEIGHT // 2 + 8)
        self.changes_list.setStyleSheet(f"color:{AMENDED_COLOUR};")
        QVBoxLayout(self.changes_box).addWidget(self.changes_list)
        self.changes_box.hide()

        self.print_button = touch_button(
            primary=True, name="print_button", clicked=self.print_sheet
        )
        self.open_sheet_button = touch_button(name="open_sheet_button", clicked=self.open_sheet)
        self.pdf.printed.connect(self._sheet_printed)
        self.pdf.print_failed.connect(self._sheet_not_printed)
        self.review_button = touch_button(clicked=self._review_selected)
        self.grid_button = touch_button(clicked=self.grid_requested)
        self.home_button = touch_button(clicked=self.home_requested)
        self.recheck_button = touch_button(
            name="summary_recheck_button", clicked=self.recheck_requested
        )
        self.sheet_status = text_label(wrap=True)
        buttons = add_all(
            QHBoxLayout(),
            self.print_button,
            self.open_sheet_button,
            self.review_button,
            self.grid_button,
            self.recheck_button,
            self.home_button,
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addLayout(headline)
        layout.addLayout(self.tiles)
        layout.addLayout(tables, 1)
        layout.addWidget(self.changes_box)
        layout.addWidget(self.sheet_status)
        layout.addLayout(buttons)
        context.events.language_changed.connect(lambda _lang: self._retranslate_models())
        controller.people_model.dataChanged.connect(
            lambda *_: self.refresh() if self.isVisible() else None
        )
        self.retranslate_ui()

    @staticmethod
    def _table(model, stretch_column: int) -> QTableView:
        view = table_view(model)
        view.setWordWrap(True)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.verticalHeader().setMinimumSectionSize(TOUCH_HEIGHT - 4)  # rows a finger can tap
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        return view

    def refresh(self) -> None:
        self.summary = summary = self.controller.summary()
        if summary is None:
            return
        self.fault_model.set_rows(summary.fault_counts)
        self.follow_model.set_rows(summary.follow_up)
        for key, (value, _caption) in self._tile_labels.items():
            value.setText(str(getattr(summary, key)))
        self.changes = self.controller.changes()
        self.follow_model.set_amended(frozenset(c.inspection_id for c in self.changes))
        self.follow_model.set_follow_ups(self.controller.follow_up_statuses())
        self._update_titles()
        self._show_changes()

    def _show_changes(self) -> None:
        lang = current_language()
        self.changes_list.clear()
        for change in self.changes:
            self.changes_list.addItem(change_line(change, lang, person=True))
        self.changes_box.setVisible(bool(self.changes))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()
        self.window().activateWindow()
        self.follow_view.setFocus()

    def _review_selected(self, *_args) -> None:
        index = self.follow_view.currentIndex()
        if index.isValid():
            position = self.follow_model.row_object(index.row()).inspection.position
            self.review_requested.emit(position)
        else:
            self.review_requested.emit(0)

    # -- the printed sheet -----------------------------------------------------------------

    def print_sheet(self) -> None:
        """Build the sheet in the background, then send it to the printer."""
        self._build_sheet(self._print_built)

    def open_sheet(self) -> None:
        """Build the sheet in the background, then open it in the PDF viewer."""
        self._build_sheet(lambda path: self.open_file(path))

    def _build_sheet(self, then: Callable[[Path], object]) -> None:
        if self.summary is None:
            return
        request = ReportRequest(
            lang=report_language(current_language()), lineup=self.summary.lineup
        )
        out_path = sheet_path(self.context.db_path, self.summary, request.lang)

        def build(store, _progress) -> Path:  # runs on the worker thread
            return LINEUP_SHEET.build(store, request, out_path, create_folder=True)

        self._set_sheet_buttons_enabled(False)
        self.sheet_status.setText(self.tr("Building the line-up sheet…"))
        self.context.runner.submit(
            build, on_done=lambda path: self._sheet_built(path, then), on_error=self._sheet_failed
        )

    def _set_sheet_buttons_enabled(self, enabled: bool) -> None:
        self.print_button.setEnabled(enabled)
        self.open_sheet_button.setEnabled(enabled)

    def _sheet_built(self, path: Path, then: Callable[[Path], object]) -> None:
        self._set_sheet_buttons_enabled(True)
        self.sheet_status.setText(self.tr("Line-up sheet saved: {path}").format(path=path))
        self.sheet_ready.emit(path)
        then(path)

    def _print_built(self, path: Path) -> None:
        self.sheet_status.setText(
            self.tr("Sending the line-up sheet to the printer… (saved: {path})").format(path=path)
        )
        self.pdf.print_file(path)

    def _sheet_printed(self, result) -> None:
        self.sheet_status.setText(
            self.tr("Line-up sheet sent to the printer (saved: {path})").format(path=result.path)
        )

    def _sheet_not_printed(self, exc: Exception) -> None:
        self.sheet_status.setText(
            self.tr("The line-up sheet was not printed (saved: {path})").format(
                path=getattr(exc, "path", None) or self.tr("see the message")
            )
        )

    def _sheet_failed(self, exc: Exception) -> None:
        self._set_sheet_buttons_enabled(True)
        self.sheet_status.setText(self.tr("The line-up sheet could not be built."))
        show_error(self, exc)

    # -- words -----------------------------------------------------------------------------

    def _update_titles(self) -> None:
        summary = self.summary
        if summary is None:
            self.title.setText(self.tr("Line-up summary"))
            self.subtitle.setText("")
            self.pass_rate.setText("")
            self.pass_rate_detail.setText("")
            return
        self.pass_rate.setText(
            self.tr("Pass rate {rate}").format(rate=format_percent(summary.pass_rate))
        )
        self.pass_rate_detail.setText(
            self.tr(
                "{clean} of {inspected} people inspected had no fault. "
                "Item ratio (detail): {items} of items passed."
            ).format(
                clean=summary.all_pass,
                inspected=summary.inspected,
                items=format_percent(summary.compliance),
            )
        )
        lineup = summary.lineup
        if lineup.finished:
            self.title.setText(self.tr("Line-up finished"))
        else:
            self.title.setText(self.tr("Line-up summary (not finished)"))
        finished = lineup.finished_at.strftime("%H:%M") if lineup.finished_at else "–"
        self.subtitle.setText(
            self.tr(
                "{day} · {shift} · {scope} · Supervisor: {supervisor} · finished at {time}"
            ).format(
                **look.lineup_fields(lineup),
                time=finished,
            )
        )

    def _retranslate_models(self) -> None:
        self.fault_model.retranslate()
        self.follow_model.retranslate()
        self._show_changes()

    def retranslate_ui(self) -> None:
        captions = {
            "total": self.tr("People"),
            "inspected": self.tr("Inspected"),
            "all_pass": self.tr("All pass"),
            "with_faults": self.tr("With faults"),
            "absent": self.tr("Absent"),
            "leave": self.tr("On leave"),
            "late": self.tr("Late"),
            "not_inspected": self.tr("Not inspected"),
        }
        for key, (_value, caption) in self._tile_labels.items():
            caption.setText(captions[key])
        self.faults_box.setTitle(self.tr("Faults by item"))
        self.changes_box.setTitle(self.tr("Changes after finishing (reason, who, when)"))
        self.follow_box.setTitle(self.tr("Needs follow-up (double-click to review or change)"))
        self.print_button.setText(self.tr("Print line-up sheet"))
        self.open_sheet_button.setText(self.tr("Open"))
        self.review_button.setText(self.tr("Review and change…"))
        self.grid_button.setText(self.tr("Grid"))
        self.recheck_button.setText(self.tr("Re-checks"))
        self.home_button.setText(self.tr("Done"))
        self._update_titles()
