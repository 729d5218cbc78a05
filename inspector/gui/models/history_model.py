"""One employee's record on screen: the inspections, the faults that come back, the pass rate by
month, the changes made after finishing.

The record itself is worked out once, by ``inspector.services.employee_record`` (the same
``EmployeeRecordData`` the employee PDF prints); these three table models only format its rows
in the UI language, so a language change needs no new query.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont

from inspector.domain.changes import ChangeLine, arrow
from inspector.domain.lineup import Attendance, PersonStatus
from inspector.domain.reports import FaultCount, RecordEntry
from inspector.domain.scoring import format_percent
from inspector.gui.models.base import Column, RowsTableModel
from inspector.gui.widgets.change_text import AMENDED_COLOUR, amended_word, changes_tooltip

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
    """A read-only table over rows of the record, formatted by its ``columns``."""

    NUMERIC: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words = HistoryWords(self)

    def bold(self, row: Any) -> bool:
        return False

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return _RIGHT
        if role == Qt.ItemDataRole.FontRole and self.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        return None


class HistoryModel(_RecordTable):
    """Date, shift, line-up, attendance (marked when changed after finishing), the faults in
    words, the items passed; newest first."""

    NUMERIC = frozenset({5})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changes: dict[int, tuple[ChangeLine, ...]] = {}  # by line-up id

    def set_record(self, entries: Sequence[RecordEntry], changes: Sequence[ChangeLine]) -> None:
        grouped: dict[int, list[ChangeLine]] = {}
        for change in changes:
            grouped.setdefault(change.lineup_id, []).append(change)
        self.changes = {key: tuple(value) for key, value in grouped.items()}
        self.set_rows(entries)

    def columns(self) -> Sequence[Column]:
        return (
            Column(self.tr("Date"), lambda row: row.day.isoformat()),
            Column(self.tr("Shift"), lambda row: row.shift),
            Column(self.tr("Line-up"), _lineup_text),
            Column(self.tr("Attendance"), self._attendance),
            Column(self.tr("Faults"), self._faults),
            Column(
                self.tr("Items passed"),
                lambda row: f"{row.passed}/{row.applicable}" if row.inspected else "–",
            ),
        )

    def cell(self, row: RecordEntry, column: int, role: int) -> Any:
        changes = self.changes.get(row.lineup_id, ())
        if role == Qt.ItemDataRole.ToolTipRole and changes:
            return changes_tooltip(changes, self.language)
        if role == Qt.ItemDataRole.ForegroundRole and changes and column == 3:
            return QColor(AMENDED_COLOUR)
        return super().cell(row, column, role)

    def bold(self, row: RecordEntry) -> bool:
        return row.inspected and row.critical_failed > 0

    def _attendance(self, row: RecordEntry) -> str:
        attendance = self._words.attendance(row)
        return f"{attendance} · {amended_word()}" if row.lineup_id in self.changes else attendance

    def _faults(self, row: RecordEntry) -> str:
        if row.faults:
            return "; ".join(m.text.get(self.language) for m in row.faults)
        return self._words.no_faults() if row.inspected else ""


class FaultCountModel(_RecordTable):
    """The items an employee failed in the period, most often first."""

    NUMERIC = frozenset({1})

    def columns(self) -> Sequence[Column]:
        return (
            Column(self.tr("Item"), lambda row: row.text.get(self.language)),
            Column(self.tr("Times"), lambda row: str(row.count)),
            Column(self.tr("Last"), lambda row: row.last_day.isoformat() if row.last_day else ""),
        )

    def bold(self, row: FaultCount) -> bool:
        return row.count > 1


class MonthlyComplianceModel(_RecordTable):
    """Per month: inspections, absences, faults and the pass rate (inspections with no fault ÷
    inspections). The item ratio, a detail, is in the period's line above (the side panel has
    no room for a sixth column at 1366 px); the record PDF has it per month."""

    NUMERIC = frozenset({1, 2, 3, 4})

    def columns(self) -> Sequence[Column]:
        return (
            Column(self.tr("Month"), lambda row: f"{row.month:%Y-%m}"),
            Column(self.tr("Inspected"), lambda row: str(row.tally.inspections)),
            Column(self.tr("Absent/leave"), lambda row: str(row.tally.absent + row.tally.leave)),
            Column(self.tr("Faults"), lambda row: str(row.tally.failed)),
            Column(self.tr("Pass rate"), lambda row: format_percent(row.tally.pass_rate)),
        )


class RecordChangesModel(_RecordTable):
    """The changes made to the employee's inspections after their line-ups were finished: the
    line-up's day, what changed from what to what, and why, by whom, when."""

    def columns(self) -> Sequence[Column]:
        return (
            Column(self.tr("Line-up"), lambda row: row.day.isoformat()),
            Column(
                self.tr("Change"),
                lambda row: f"{row.what.get(self.language)}: {arrow(row, self.language)}",
            ),
            Column(self.tr("Reason, by, when"), _change_why),
        )


def _lineup_text(row: RecordEntry) -> str:
    """Where and by whom: "site / department · supervisor"."""
    place = " / ".join(p for p in (row.site, row.department) if p)
    return " · ".join(p for p in (place, row.supervisor) if p)


def _change_why(row: ChangeLine) -> str:
    return f"{row.reason} · {row.changed_by} · {row.changed_at:%Y-%m-%d %H:%M}"
