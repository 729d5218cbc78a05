"""The reports screen: build a PDF (line-up sheet, employee record, monthly pack) or export
the monthly figures, in the background, into an output folder the screen remembers.

What each kind asks for, its file name and its build come from ``services.report_jobs``; this
page shows the fields a kind takes and runs its build on the task runner."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.reports import previous_month
from inspector.gui.context import AppContext
from inspector.gui.errors import show_error
from inspector.gui.i18n import Retranslating
from inspector.gui.i18n import current_language as ui_language
from inspector.gui.printing import PdfActions
from inspector.gui.widgets.build import heading, named_button, text_label
from inspector.gui.widgets.touch import TOUCH_HEIGHT as MIN_TOUCH
from inspector.services import report_jobs
from inspector.services.employee_record import role_names
from inspector.services.report_jobs import (
    EMPLOYEE_RECORD,
    LINEUP_SHEET,
    MONTHLY_FIGURES,
    MONTHLY_PACK,
    OBSERVATION_SHEET,
    Option,
    ReportKind,
    ReportRequest,
    report_language,
)

OUTPUT_DIR_KEY = "reports/output_dir"
LINEUPS_OFFERED = 200


def _settings() -> QSettings:
    from inspector.gui.ui_settings import ui_settings

    return ui_settings()


def default_output_dir() -> Path:
    """The folder reports are written to: the one last chosen, else the user's Documents."""
    remembered = _settings().value(OUTPUT_DIR_KEY, "")
    if remembered and Path(str(remembered)).is_dir():
        return Path(str(remembered))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def remember_output_dir(folder: Path) -> None:
    _settings().setValue(OUTPUT_DIR_KEY, str(folder))


def month_first_day(day: date) -> date:
    return day.replace(day=1)


def last_complete_month(today: date) -> date:
    """The month the Reports screen opens on: the one before ``today``'s."""
    return previous_month(month_first_day(today))


class ReportsPage(Retranslating, QWidget):
    """Choose a report and its options; Build runs it on the task runner and opens the PDF."""

    report_finished = Signal(str)  # the path of the PDF
    report_failed = Signal(object)
    export_finished = Signal(str)  # the path of the CSV or XLSX file

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsPage")
        self.context = context
        self.output_dir = default_output_dir()
        self.last_path: Path | None = None
        self.open_when_done = True
        self._lineups: list = []
        self._running = False  # a build or export of this page is under way

        self.title_label = heading(scale=1.4)

        self.report_combo = self._combo("reportKind")
        self.lineup_combo = self._combo("reportLineup")
        self.employee_combo = self._combo("reportEmployee")
        self.employee_combo.setEditable(True)
        self.employee_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.employee_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.employee_combo.completer().setCompletionMode(
            self.employee_combo.completer().CompletionMode.PopupCompletion
        )
        self.from_edit = self._date_edit("reportFrom", "yyyy-MM-dd")
        self.to_edit = self._date_edit("reportTo", "yyyy-MM-dd")
        self.month_edit = self._date_edit("reportMonth", "yyyy-MM")
        self.day_edit = self._date_edit("reportDay", "yyyy-MM-dd")  # a day's observations
        self.site_combo = self._combo("reportSite")
        self.department_combo = self._combo("reportDepartment")
        self.language_combo = self._combo("reportLanguage")
        self.folder_edit = QLineEdit()
        self.folder_edit.setObjectName("reportFolder")
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setMinimumHeight(MIN_TOUCH)
        self.folder_button = self._button("reportChooseFolder", self.choose_output_dir)

        self.build_button = self._button("reportBuild", self.build)
        font = QFont(self.build_button.font())
        font.setBold(True)
        self.build_button.setFont(font)
        self.build_button.setMinimumWidth(180)
        self.format_combo = self._combo("exportFormat")
        self.format_combo.addItem("Excel (XLSX)", "xlsx")
        self.format_combo.addItem("CSV", "csv")
        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.progress.setMinimumHeight(24)
        self.progress.hide()
        self.status_label = text_label("reportStatus", wrap=True)
        self.path_label = text_label("reportPath", wrap=True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pdf = PdfActions(self)
        self.pdf.printed.connect(self._printed)
        self.pdf.print_failed.connect(self._not_printed)
        self.print_button = self._button("reportPrint", self.print_last)
        self.open_button = self._button("reportOpen", self.open_last)
        self.open_folder_button = self._button("reportOpenFolder", self.open_folder)
        self.print_button.hide()
        self.open_button.hide()
        self.open_folder_button.hide()

        period = QHBoxLayout()
        period.addWidget(self.from_edit)
        self.dash_label = QLabel("–")
        period.addWidget(self.dash_label)
        period.addWidget(self.to_edit)
        period.addStretch(1)
        self.period_row = QWidget()
        self.period_row.setLayout(period)
        period.setContentsMargins(0, 0, 0, 0)
        folder = QHBoxLayout()
        folder.setContentsMargins(0, 0, 0, 0)
        folder.addWidget(self.folder_edit, 1)
        folder.addWidget(self.folder_button)
        self.folder_row = QWidget()
        self.folder_row.setLayout(folder)

        self.description_label = text_label("reportDescription", wrap=True)
        self.description_label.setStyleSheet("color: palette(placeholder-text);")

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._labels: dict[QWidget, QLabel] = {}
        for field in (
            self.report_combo,
            self.lineup_combo,
            self.employee_combo,
            self.period_row,
            self.month_edit,
            self.day_edit,
            self.site_combo,
            self.department_combo,
            self.language_combo,
            self.format_combo,
            self.folder_row,
        ):
            label = QLabel()
            label.setMinimumHeight(MIN_TOUCH)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self._labels[field] = label
            self.form.addRow(label, field)
            if field is self.report_combo:
                self.form.addRow("", self.description_label)

        actions = QHBoxLayout()
        actions.addWidget(self.build_button)
        actions.addWidget(self.progress, 1)
        actions.addStretch(0)
        results = QHBoxLayout()
        results.addWidget(self.path_label, 1)
        results.addWidget(self.print_button)
        results.addWidget(self.open_button)
        results.addWidget(self.open_folder_button)

        panel = QWidget()
        panel.setObjectName("reportPanel")
        panel.setMaximumWidth(760)
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.addLayout(self.form)
        panel_layout.addSpacing(8)
        panel_layout.addLayout(actions)
        panel_layout.addWidget(self.status_label)
        panel_layout.addLayout(results)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(panel)
        layout.addStretch(1)

        today = date.today()
        self.set_period(today.replace(day=1), today)
        self.set_month(last_complete_month(today))
        self.day_edit.setDate(QDate(today.year, today.month, today.day))
        self.report_combo.currentIndexChanged.connect(self._update_fields)
        self.employee_combo.editTextChanged.connect(self._update_buttons)
        self.lineup_combo.currentIndexChanged.connect(self._update_buttons)
        context.events.roster_changed.connect(self.refresh_choices)
        context.events.lineup_changed.connect(lambda _id: self.refresh_choices())
        # A language switch reaches the page as QEvent.LanguageChange (changeEvent).

        self.retranslate_ui()
        self.refresh_choices()
        self.language_combo.setCurrentIndex(
            self.language_combo.findData(report_language(ui_language()))
        )
        self.set_output_dir(self.output_dir, remember=False)
        self._update_fields()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setMinimumHeight(MIN_TOUCH)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        return combo

    def _button(self, name: str, slot) -> QPushButton:
        return named_button(name, slot, height=MIN_TOUCH, min_width=96)

    def _date_edit(self, name: str, display: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(display)
        edit.setMinimumHeight(MIN_TOUCH)
        edit.setMinimumWidth(140)
        return edit

    # -- choices ------------------------------------------------------------------------------

    def refresh_choices(self) -> None:
        """Re-read the line-ups, employees and departments offered."""
        store = self.context.store
        self._lineups = store.list_lineups(limit=LINEUPS_OFFERED)
        self._refill(
            self.lineup_combo,
            [(self._lineup_label(lineup), lineup.id) for lineup in self._lineups],
        )
        self._refill(
            self.employee_combo,
            [
                (f"{e.employee_no}  {e.name}  ({e.department})", e.employee_no)
                for e in store.list_employees()
            ],
        )
        self._refill(
            self.site_combo,
            [(self.tr("All sites"), None)] + [(s, s) for s in report_jobs.report_sites(store)],
        )
        self._refill(
            self.department_combo,
            [(self.tr("All departments"), None)] + [(d, d) for d in store.departments()],
        )
        self._update_buttons()

    def _refill(self, combo: QComboBox, entries: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for label, data in entries:
            combo.addItem(label, data)
        index = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(index if index >= 0 else (0 if entries else -1))
        combo.blockSignals(False)

    def _lineup_label(self, lineup) -> str:
        place = " / ".join(p for p in (lineup.site, lineup.department) if p)
        parts = [
            lineup.day.isoformat(),
            lineup.shift,
            place,
            self.tr("No. {id}").format(id=lineup.id),
        ]
        if not lineup.finished:
            parts.append(self.tr("(not finished)"))
        return "  ".join(p for p in parts if p)

    def report_kind(self) -> ReportKind:
        return report_jobs.kind(self.report_combo.currentData() or MONTHLY_PACK.id)

    def set_report(self, kind_id: str) -> None:
        self.report_combo.setCurrentIndex(self.report_combo.findData(kind_id))

    def set_period(self, start: date, end: date) -> None:
        self.from_edit.setDate(QDate(start.year, start.month, start.day))
        self.to_edit.setDate(QDate(end.year, end.month, end.day))

    def set_month(self, day: date) -> None:
        self.month_edit.setDate(QDate(day.year, day.month, 1))

    def month(self) -> date:
        return month_first_day(self.month_edit.date().toPython())

    def set_language(self, lang: str) -> None:
        self.language_combo.setCurrentIndex(self.language_combo.findData(lang))

    def set_department(self, department: str | None) -> None:
        self.department_combo.setCurrentIndex(max(0, self.department_combo.findData(department)))

    def set_output_dir(self, folder: Path | str, *, remember: bool = True) -> None:
        """Where reports and exports are written (remembered for next time unless told not)."""
        self.output_dir = Path(folder)
        self.folder_edit.setText(str(self.output_dir))
        self.folder_edit.setToolTip(str(self.output_dir))
        if remember:
            remember_output_dir(self.output_dir)

    def choose_output_dir(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder for reports"), str(self.output_dir)
        )
        if chosen:
            self.set_output_dir(chosen)

    def _update_fields(self) -> None:
        options = self.report_kind().options
        visible = {
            self.lineup_combo: Option.LINEUP in options,
            self.employee_combo: Option.EMPLOYEE in options,
            self.period_row: Option.PERIOD in options,
            self.month_edit: Option.MONTH in options,
            self.day_edit: Option.OBSERVATION in options,
            self.site_combo: Option.SITE in options,
            self.department_combo: Option.DEPARTMENT in options,
            self.format_combo: Option.FORMAT in options,
        }
        for field, shown in visible.items():
            self.form.setRowVisible(field, shown)
        self.description_label.setText(self._description(self.report_kind()))
        self._update_buttons()

    def _description(self, kind: ReportKind) -> str:
        return {
            LINEUP_SHEET.id: self.tr(
                "One line-up on one page: who was inspected, the faults in words, who was "
                "absent, the counts and room for signatures."
            ),
            EMPLOYEE_RECORD.id: self.tr(
                "One person over a period: every inspection, the faults that come back and "
                "compliance by month."
            ),
            MONTHLY_PACK.id: self.tr(
                "The month for the company, one site or one department: the pass rate (or "
                "score) and its trend, departments and sites ranked, supervisors, the top "
                "faults, repeat offences and every person."
            ),
            MONTHLY_FIGURES.id: self.tr(
                "The figures of the monthly pack per employee, department, site and "
                "supervisor, as a spreadsheet (CSV or Excel)."
            ),
            OBSERVATION_SHEET.id: self.tr(
                "The floor observations saved on one day: who was observed in which "
                "situation, the faults in words, the notes and room for signatures."
            ),
        }[kind.id]

    def _kind_names(self) -> list[tuple[str, str]]:
        return [
            (self.tr("Line-up sheet"), LINEUP_SHEET.id),
            (self.tr("Employee record"), EMPLOYEE_RECORD.id),
            (self.tr("Monthly pack"), MONTHLY_PACK.id),
            (self.tr("Monthly figures (CSV or Excel)"), MONTHLY_FIGURES.id),
            (self.tr("Observation sheet (one day)"), OBSERVATION_SHEET.id),
        ]

    def _update_buttons(self, *_args: object) -> None:
        kind = self.report_kind()
        ready = self._request(kind) is not None
        self.build_button.setEnabled(ready and not self._running)
        self.build_button.setText(
            self.tr("Build PDF") if kind.is_pdf else self.tr("Export figures")
        )

    def _request(self, kind: ReportKind) -> ReportRequest | None:
        """The options chosen for ``kind``, or None while one it needs is missing."""
        options = kind.options
        lineup = None
        if Option.LINEUP in options:
            lineup_id = self.lineup_combo.currentData()
            lineup = next((lu for lu in self._lineups if lu.id == lineup_id), None)
            if lineup is None:
                return None
        employee_no = ""
        if Option.EMPLOYEE in options:
            employee_no = self._employee_no() or ""
            if not employee_no:
                return None
        return ReportRequest(
            lang=self.language_combo.currentData() or "zh",
            lineup=lineup,
            employee_no=employee_no,
            # a day's observations: the sheet takes its day as the start of the request
            start=(
                self.day_edit.date().toPython()
                if Option.OBSERVATION in options
                else self.from_edit.date().toPython()
            ),
            end=self.to_edit.date().toPython(),
            month=self.month(),
            department=self.department_combo.currentData()
            if Option.DEPARTMENT in options
            else None,
            site=self.site_combo.currentData() if Option.SITE in options else None,
            fmt=self.format_combo.currentData() or kind.formats[0],
            roles=role_names(self.context.catalogue) if Option.EMPLOYEE in options else None,
        )

    def _employee_no(self) -> str | None:
        """The employee chosen, by the list or by the number typed."""
        text = self.employee_combo.currentText().strip()
        index = self.employee_combo.findText(text)  # an entry of the list
        if index < 0:
            index = self.employee_combo.findData(text)  # an employee number typed in
        return self.employee_combo.itemData(index) if index >= 0 else None

    # -- building -----------------------------------------------------------------------------

    def build(self) -> None:
        """Build the chosen report in the background; open a PDF when it is ready."""
        kind = self.report_kind()
        request = self._request(kind)
        if request is None:
            return
        out_path = self.output_dir / kind.file_name(request)

        def run(store, progress) -> Path:  # runs on the worker thread
            return kind.build(store, request, out_path, progress, create_folder=True)

        if kind.is_pdf:
            self._start(self.tr("Building {name}…").format(name=out_path.name))
            on_done = self._built
        else:
            self._start(self.tr("Exporting {name}…").format(name=out_path.name))
            on_done = self._exported
        self.context.runner.submit(
            run, on_done=on_done, on_error=self._failed, on_progress=self._on_progress
        )

    def _start(self, message: str) -> None:
        self._running = True
        self.build_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.show()
        self.status_label.setText(message)
        self.path_label.clear()
        self.print_button.hide()
        self.open_button.hide()
        self.open_folder_button.hide()

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(max(0, min(100, round(fraction * 100))))
        if message:
            self.status_label.setText(message)

    def _finish(self, path: Path) -> None:
        self._running = False
        self.progress.hide()
        self.last_path = path
        self.path_label.setText(str(path))
        self.print_button.setVisible(path.suffix.lower() == ".pdf")
        self.open_button.show()
        self.open_folder_button.show()
        self._update_buttons()

    def _built(self, path: Path) -> None:
        self._finish(path)
        self.status_label.setText(self.tr("The report is ready:"))
        if self.open_when_done:
            self.pdf.open_file(path)
        self.report_finished.emit(str(path))

    def _exported(self, path: Path) -> None:
        self._finish(path)
        self.status_label.setText(self.tr("The figures are exported:"))
        self.export_finished.emit(str(path))

    def _failed(self, exc: Exception) -> None:
        self._running = False
        self.progress.hide()
        self.status_label.setText(self.tr("Nothing was written."))
        self._update_buttons()
        self.report_failed.emit(exc)
        show_error(self, exc, self.tr("The report was not built"))

    def print_last(self) -> None:
        """Send the last PDF to the printer, in the background."""
        if self.last_path is not None:
            self.status_label.setText(self.tr("Sending to the printer…"))
            self.pdf.print_file(self.last_path)

    def _printed(self, _result) -> None:
        self.status_label.setText(self.tr("Sent to the printer:"))

    def _not_printed(self, _exc: Exception) -> None:
        self.status_label.setText(self.tr("Not printed; the file is here:"))

    def open_last(self) -> None:
        if self.last_path is not None:
            self.pdf.open_file(self.last_path)

    def open_folder(self) -> None:
        self.pdf.open_folder(self.last_path or self.output_dir)

    # -- language -----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Reword everything shown (no database access: this runs on every language switch)."""
        self.title_label.setText(self.tr("Reports"))
        kind_id = self.report_combo.currentData() or MONTHLY_PACK.id
        self._refill(self.report_combo, self._kind_names())
        self.report_combo.setCurrentIndex(self.report_combo.findData(kind_id))
        lang = self.language_combo.currentData()
        self._refill(
            self.language_combo,
            [("中文", "zh"), ("English", "en"), (self.tr("Both (中文 + English)"), "both")],
        )
        if lang is not None:
            self.set_language(lang)
        labels = {
            self.report_combo: self.tr("Report"),
            self.lineup_combo: self.tr("Line-up"),
            self.employee_combo: self.tr("Employee"),
            self.period_row: self.tr("Period"),
            self.month_edit: self.tr("Month"),
            self.day_edit: self.tr("Day"),
            self.site_combo: self.tr("Site"),
            self.department_combo: self.tr("Department"),
            self.language_combo: self.tr("Language"),
            self.format_combo: self.tr("File format"),
            self.folder_row: self.tr("Output folder"),
        }
        for field, text in labels.items():
            self._labels[field].setText(text)
        if self.department_combo.count():
            self.department_combo.setItemText(0, self.tr("All departments"))
        if self.site_combo.count():
            self.site_combo.setItemText(0, self.tr("All sites"))
        self.folder_button.setText(self.tr("Change…"))
        self.print_button.setText(self.tr("Print"))
        self.open_button.setText(self.tr("Open"))
        self.open_folder_button.setText(self.tr("Open folder"))
        self.employee_combo.lineEdit().setPlaceholderText(self.tr("Number or name"))
        self.description_label.setText(self._description(self.report_kind()))
        for index, lineup in enumerate(self._lineups):
            self.lineup_combo.setItemText(index, self._lineup_label(lineup))
        self._update_buttons()
