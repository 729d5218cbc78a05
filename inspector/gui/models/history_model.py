"""One employee's record: the inspections, the faults that come back, compliance by month.

``employee_record`` turns the store's history into rows once; the three table models only
format those rows in the UI language, so a language change needs no new query.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from inspector.domain.lineup import Attendance, Lineup, Outcome, Result
from inspector.domain.scoring import compliance_ratio, format_percent
from inspector.domain.text import Text
from inspector.gui.i18n import current_language as ui_language
from inspector.gui.models.base import NO_PARENT, ROW_ROLE
from inspector.storage import Store
from inspector.storage.store import HistoryEntry

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class HistoryRow:
    entry: HistoryEntry
    faults: tuple[Text, ...]  # wording of the failed items, as recorded for that line-up

    @property
    def lineup(self) -> Lineup:
        return self.entry.lineup

    @property
    def attendance(self) -> Attendance | None:
        return self.entry.inspection.attendance

    @property
    def done(self) -> bool:
        return self.entry.inspection.completed_at is not None

    @property
    def compliance(self) -> float | None:
        inspection = self.entry.inspection
        if not self.done or (self.attendance and not self.attendance.inspected):
            return None
        return compliance_ratio(inspection.passed, inspection.applicable)

    @property
    def outcome(self) -> Outcome | None:
        inspection = self.entry.inspection
        if self.compliance is None:
            return None
        if inspection.critical_failed:
            return Outcome.FAIL
        return Outcome.FAULTS if inspection.failed else Outcome.PASS


@dataclass(frozen=True, slots=True)
class FaultCount:
    item_id: str
    text: Text
    count: int
    last_day: date


@dataclass(frozen=True, slots=True)
class MonthRow:
    month: date  # the first day of the month
    inspected: int
    absent: int  # absent or on leave
    faults: int
    passed: int
    applicable: int

    @property
    def compliance(self) -> float | None:
        return compliance_ratio(self.passed, self.applicable)


@dataclass(frozen=True, slots=True)
class EmployeeRecord:
    history: tuple[HistoryRow, ...]
    faults: tuple[FaultCount, ...]
    months: tuple[MonthRow, ...]

    @property
    def inspected(self) -> int:
        return sum(m.inspected for m in self.months)

    @property
    def absent(self) -> int:
        return sum(m.absent for m in self.months)

    @property
    def compliance(self) -> float | None:
        return compliance_ratio(
            sum(m.passed for m in self.months), sum(m.applicable for m in self.months)
        )


def employee_record(
    store: Store, employee_id: int, start: date | None, end: date | None
) -> EmployeeRecord:
    """Read one employee's inspections in a period and work out faults and monthly figures."""
    entries = store.employee_history(employee_id, start, end)
    wording: dict[int, dict[str, tuple[int, Text]]] = {}  # line-up -> item -> (order, text)
    rows: list[HistoryRow] = []
    counts: Counter[str] = Counter()
    texts: dict[str, Text] = {}
    last: dict[str, date] = {}
    months: dict[date, list[int]] = {}
    for entry in entries:
        lineup_id = entry.lineup.id
        if lineup_id not in wording:
            items = [i for _, s in store.lineup_checklists(lineup_id) for i in s.items]
            wording[lineup_id] = {item.id: (n, item.text) for n, item in enumerate(items)}
        known = wording[lineup_id]
        failed = sorted(
            (m for m in entry.marks if m.result is Result.FAIL),
            key=lambda m: (known.get(m.item_id, (len(known), None))[0], m.item_id),
        )
        inspection = entry.inspection
        done = inspection.completed_at is not None
        fault_texts = []
        if done:
            for mark in failed:
                text = (
                    known[mark.item_id][1]
                    if mark.item_id in known
                    else Text(mark.item_id, mark.item_id)
                )
                fault_texts.append(text)
                counts[mark.item_id] += 1
                texts.setdefault(mark.item_id, text)  # newest wording first
                last.setdefault(mark.item_id, entry.lineup.day)
        rows.append(HistoryRow(entry, tuple(fault_texts)))
        month = entry.lineup.day.replace(day=1)
        figures = months.setdefault(month, [0, 0, 0, 0, 0])
        attendance = inspection.attendance
        if attendance is not None and not attendance.inspected:
            figures[1] += 1
        elif done:
            figures[0] += 1
            figures[2] += inspection.failed
            figures[3] += inspection.passed
            figures[4] += inspection.applicable
    faults = sorted(
        (FaultCount(item_id, texts[item_id], n, last[item_id]) for item_id, n in counts.items()),
        key=lambda f: (-f.count, -f.last_day.toordinal(), f.item_id),
    )
    month_rows = [MonthRow(month, *figures) for month, figures in sorted(months.items())]
    return EmployeeRecord(tuple(rows), tuple(faults), tuple(month_rows))


class HistoryWords(QObject):
    def attendance(self, attendance: Attendance | None, done: bool) -> str:
        if attendance is None or (attendance.inspected and not done):
            return self.tr("Not inspected")
        return {
            Attendance.PRESENT: self.tr("Present"),
            Attendance.LATE: self.tr("Late"),
            Attendance.ABSENT: self.tr("Absent"),
            Attendance.LEAVE: self.tr("On leave"),
        }[attendance]

    def no_faults(self) -> str:
        return self.tr("All passed")


class _Table(QAbstractTableModel):
    """A read-only table over a tuple of rows, formatted by ``_text``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple = ()
        self._lang = ui_language()
        self._words = HistoryWords(self)

    def set_rows(self, rows: tuple) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple:
        return self._rows

    def set_language(self, lang: str) -> None:
        self._lang = lang
        columns = self.columnCount()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, columns - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._headers())

    def _headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _text(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def _numeric(self, column: int) -> bool:
        return False

    def _bold(self, row: Any) -> bool:
        return False

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        headers = self._headers()
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and self._numeric(index.column()):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self._bold(row):
            font = QFont()
            font.setBold(True)
            return font
        return None


class HistoryModel(_Table):
    """Date, shift, line-up, attendance, the faults in words, compliance; newest first."""

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Date"),
            self.tr("Shift"),
            self.tr("Line-up"),
            self.tr("Attendance"),
            self.tr("Faults"),
            self.tr("Compliance"),
        )

    def _numeric(self, column: int) -> bool:
        return column == 5

    def _bold(self, row: HistoryRow) -> bool:
        return row.outcome is Outcome.FAIL

    def _text(self, row: HistoryRow, column: int) -> str:
        lineup = row.lineup
        if column == 0:
            return lineup.day.isoformat()
        if column == 1:
            return lineup.shift
        if column == 2:
            place = " / ".join(p for p in (lineup.site, lineup.department) if p)
            return " · ".join(p for p in (place, lineup.supervisor) if p)
        if column == 3:
            return self._words.attendance(row.attendance, row.done)
        if column == 4:
            if row.faults:
                return "; ".join(t.get(self._lang) for t in row.faults)
            return self._words.no_faults() if row.compliance is not None else ""
        return format_percent(row.compliance)


class FaultCountModel(_Table):
    """The items an employee failed in the period, most often first."""

    def _headers(self) -> tuple[str, ...]:
        return (self.tr("Item"), self.tr("Times"), self.tr("Last"))

    def _numeric(self, column: int) -> bool:
        return column == 1

    def _bold(self, row: FaultCount) -> bool:
        return row.count > 1

    def _text(self, row: FaultCount, column: int) -> str:
        if column == 0:
            return row.text.get(self._lang)
        if column == 1:
            return str(row.count)
        return row.last_day.isoformat()


class MonthlyComplianceModel(_Table):
    """Per month: inspections, absences, faults and compliance."""

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Month"),
            self.tr("Inspected"),
            self.tr("Absent/leave"),
            self.tr("Faults"),
            self.tr("Compliance"),
        )

    def _numeric(self, column: int) -> bool:
        return column > 0

    def _text(self, row: MonthRow, column: int) -> str:
        if column == 0:
            return f"{row.month:%Y-%m}"
        if column == 1:
            return str(row.inspected)
        if column == 2:
            return str(row.absent)
        if column == 3:
            return str(row.faults)
        return format_percent(row.compliance)
