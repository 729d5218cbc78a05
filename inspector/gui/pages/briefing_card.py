"""The 讲评 card of the start screen: what the supervisor announces at the line-up about to
start. The previous line-up day at the site: how many were inspected, the pass rate, and the
faults found most, by reason, with how many people had each; beside them the re-checks due
(faults still open), with a button to the re-check screen (``services.briefing``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from inspector.domain.scoring import format_percent
from inspector.gui.i18n import Retranslating, current_language
from inspector.gui.widgets import status as look
from inspector.gui.widgets.build import text_label
from inspector.gui.widgets.touch import touch_button

if TYPE_CHECKING:  # the card is filled after the first frame: its figures load then
    from inspector.services.briefing import Briefing

CARD_STYLE = """
QGroupBox#briefing_card {
    background: #fffaf0; border: 1px solid #e6c068; border-radius: 8px;
    margin-top: 14px; padding-top: 8px; font-weight: bold;
}
QGroupBox#briefing_card::title {
    subcontrol-origin: margin; left: 12px; padding: 0 6px; color: #8d5a00;
}
QGroupBox#briefing_card QLabel { background: transparent; font-weight: normal; }
QGroupBox#briefing_card QLabel#briefing_headline { font-weight: bold; }
QGroupBox#briefing_card QLabel#briefing_rechecks_heading { font-weight: bold; }
"""


class BriefingCard(Retranslating, QGroupBox):
    """Shows a ``Briefing``; an empty one says what will appear here."""

    recheck_requested = Signal(object)  # the day whose open faults to re-check

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefing_card")
        self.setStyleSheet(CARD_STYLE)
        self.briefing: Briefing | None = None
        self.headline = text_label("briefing_headline", wrap=True)  # bold: CARD_STYLE
        self.faults = _list_label("briefing_faults")
        fault_font = self.faults.font()
        fault_font.setPointSize(fault_font.pointSize() + 2)
        self.faults.setFont(fault_font)
        self.faults_column = QVBoxLayout()
        self.faults_column.setSpacing(6)
        self.faults_column.addWidget(self.headline)
        self.faults_column.addWidget(self.faults)
        # The re-checks due (整改 / 复查), under the faults; shown when there are any.
        self.rechecks_heading = text_label("briefing_rechecks_heading")  # bold: CARD_STYLE
        self.rechecks = _list_label("briefing_rechecks")
        self.recheck_button = touch_button(
            name="briefing_recheck_button", clicked=self._recheck_requested
        )
        self.rechecks_panel = QWidget()
        self.rechecks_panel.setObjectName("briefing_rechecks_panel")
        self.rechecks_column = QVBoxLayout(self.rechecks_panel)
        self.rechecks_column.setContentsMargins(0, 10, 0, 0)
        self.rechecks_column.setSpacing(6)
        self.rechecks_column.addWidget(self.rechecks_heading)
        self.rechecks_column.addWidget(self.rechecks)
        self.rechecks_column.addWidget(self.recheck_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.rechecks_panel.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 8, 12, 12)
        column.addLayout(self.faults_column)
        column.addWidget(self.rechecks_panel)
        column.addStretch(1)
        self.retranslate_ui()

    def show_briefing(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.retranslate_ui()

    def _recheck_requested(self) -> None:
        if self.briefing is not None and self.briefing.recheck_day is not None:
            self.recheck_requested.emit(self.briefing.recheck_day)

    def retranslate_ui(self) -> None:
        self._retranslate_rechecks()
        briefing = self.briefing
        if briefing is None:  # not read yet (it is, once the window is on screen)
            self.setTitle(self.tr("Briefing (讲评)"))
            self.headline.clear()
            self.faults.clear()
            return
        if briefing.empty:
            self.setTitle(self.tr("Briefing (讲评)"))
            self.headline.setText(self.tr("No line-up finished here yet."))
            self.faults.setText(
                self.tr(
                    "After the first line-up, this card shows the faults found most at the "
                    "last line-up, to announce at the next one."
                )
            )
            return
        self.setTitle(
            self.tr("Briefing (讲评) · last line-up {day}").format(day=briefing.day.isoformat())
        )
        self.headline.setText(
            self.tr("{inspected} inspected · pass rate {rate} · {with_faults} with faults").format(
                inspected=briefing.tally.inspections,
                rate=format_percent(briefing.pass_rate),
                with_faults=briefing.tally.with_faults,
            )
        )
        if not briefing.faults:
            self.faults.setText(self.tr("No faults found: everyone passed."))
            return
        lang = current_language()
        colour = look.COLOURS["faults"].name()
        rows = []
        for n, fault in enumerate(briefing.faults, start=1):
            people = self.tr("{n} people").format(n=fault.people)
            if fault.people == 1:
                people = self.tr("1 person")
            rows.append(
                f"<tr><td style='padding-right:8px'>{n}.</td>"
                f"<td style='padding-right:16px'>{_escape(fault.text.get(lang))}</td>"
                f"<td align='right' style='color:{colour}; white-space:nowrap'>{people}</td></tr>"
            )
        more = (
            self.tr("and {n} other faults").format(n=briefing.more_faults)
            if briefing.more_faults
            else ""
        )
        self.faults.setText(_html_list(rows, more))

    def _retranslate_rechecks(self) -> None:
        briefing = self.briefing
        due = briefing.rechecks_due if briefing is not None else ()
        self.rechecks_panel.setVisible(bool(due))
        if not due:
            return
        total = len(due) + briefing.more_rechecks
        self.rechecks_heading.setText(self.tr("Re-checks due (复查): {n}").format(n=total))
        self.recheck_button.setText(self.tr("Re-check…"))
        lang = current_language()
        colour = look.COLOURS["faults"].name()
        rows = [
            f"<tr><td style='padding-right:8px'>{_escape(fault.name)}</td>"
            f"<td style='color:{colour}'>{_escape(fault.reason.get(lang))}</td></tr>"
            for fault in due
        ]
        more = (
            self.tr("and {n} more").format(n=briefing.more_rechecks)
            if briefing.more_rechecks
            else ""
        )
        self.rechecks.setText(_html_list(rows, more))


def _list_label(name: str) -> QLabel:
    """A label for a short list, as an HTML table, from the top left."""
    label = text_label(name, wrap=True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


def _html_list(rows: list[str], more: str) -> str:
    """The rows (``<tr>`` markup) as a table, with ``more`` (plain words) in grey under it."""
    tail = f"<p style='color:#757575'>{_escape(more)}</p>" if more else ""
    return f"<table cellspacing='0' cellpadding='3'>{''.join(rows)}</table>{tail}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
