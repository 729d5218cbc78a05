"""One employee's record on screen: the inspections, the faults that come back, compliance by
month.

The record itself is worked out once, by ``inspector.services.employee_record`` (the same
``EmployeeRecordData`` the employee PDF prints); these three table models only format its rows
in the UI language, so a language change needs no new query.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from inspector.domain.lineup import Attendance, PersonStatus
from inspector.domain.reports import FaultCount, MonthRow, RecordEntry
from inspector.domain.scoring import format_percent
from inspector.gui.i18n import current_language as ui_language
from inspector.gui.models.base import RowsTableModel

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class HistoryWords(QObject):
    def attendance(self, entry: RecordEntry) -> str:
        if entry.status is PersonStatus.ABSENT:
            return self.tr("Absent")
        if entry.status is PersonStatus.LEAVE:
            return self.tr("On leave")
        if entry.status is PersonStatus.TODO:
            return self.tr("Not inspected")
        return self.tr("Late") if entry.attendance is Attendance.LATE else self.tr("Present")

    def no_faults(self) -> str:
        return self.tr("All passed")


class _RecordTable(RowsTableModel):
    """A read-only table over rows of the record, formatted by ``text``."""

    NUMERIC: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = ui_language()
        self._words = HistoryWords(self)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.retranslate()

    def text(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def bold(self, row: Any) -> bool:
        return False

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and self.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        return None


class HistoryModel(_RecordTable):
    """Date, shift, line-up, attendance, the faults in words, compliance; newest first."""

    NUMERIC = frozenset({5})

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Date"),
            self.tr("Shift"),
            self.tr("Line-up"),
            self.tr("Attendance"),
            self.tr("Faults"),
            self.tr("Compliance"),
        )

    def bold(self, row: RecordEntry) -> bool:
        return row.inspected and row.critical_failed > 0

    def text(self, row: RecordEntry, column: int) -> str:
        if column == 0:
            return row.day.isoformat()
        if column == 1:
            return row.shift
        if column == 2:
            place = " / ".join(p for p in (row.site, row.department) if p)
            return " · ".join(p for p in (place, row.supervisor) if p)
        if column == 3:
            return self._words.attendance(row)
        if column == 4:
            if row.faults:
                return "; ".join(m.text.get(self._lang) for m in row.faults)
            return self._words.no_faults() if row.inspected else ""
        return format_percent(row.compliance)


class FaultCountModel(_RecordTable):
    """The items an employee failed in the period, most often first."""

    NUMERIC = frozenset({1})

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Item"), self.tr("Times"), self.tr("Last"))

    def bold(self, row: FaultCount) -> bool:
        return row.count > 1

    def text(self, row: FaultCount, column: int) -> str:
        if column == 0:
            return row.text.get(self._lang)
        if column == 1:
            return str(row.count)
        return row.last_day.isoformat() if row.last_day else ""


class MonthlyComplianceModel(_RecordTable):
    """Per month: inspections, absences, faults and compliance."""

    NUMERIC = frozenset({1, 2, 3, 4})

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Month"),
            self.tr("Inspected"),
            self.tr("Absent/leave"),
            self.tr("Faults"),
            self.tr("Compliance"),
        )

    def text(self, row: MonthRow, column: int) -> str:
        tally = row.tally
        if column == 0:
            return f"{row.month:%Y-%m}"
        if column == 1:
            return str(tally.inspections)
        if column == 2:
            return str(tally.absent + tally.leave)
        if column == 3:
            return str(tally.failed)
        return format_percent(tally.compliance)
