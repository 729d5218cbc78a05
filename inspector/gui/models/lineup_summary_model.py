"""The summary of a finished line-up: faults counted by item, and who needs follow-up."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt

from inspector.domain.follow_ups import FaultStatus
from inspector.domain.summary import FaultCount, FollowUp
from inspector.gui.i18n import current_language
from inspector.gui.models.base import Column, RowsTableModel
from inspector.gui.widgets import status as look
from inspector.gui.widgets.change_text import amended_word

Role = Qt.ItemDataRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class FaultCountsModel(RowsTableModel):
    """Faults by item, most frequent first."""

    ITEM, AREA, COUNT = range(3)

    def headers(self) -> Sequence[str]:
        return (self.tr("Item"), self.tr("Area"), self.tr("People"))

    def cell(self, row: FaultCount, column: int, role: int) -> Any:
        lang = current_language()
        if role == Role.DisplayRole:
            return (row.item.text.get(lang), row.area.get(lang), str(row.count))[column]
        if role == Role.TextAlignmentRole and column == self.COUNT:
            return RIGHT
        if role == Role.ToolTipRole:
            return look.word(row.item.severity)
        return None


class FollowUpModel(RowsTableModel):
    """People with faults, critical and heaviest first, with what failed and the notes, and
    where the faults' follow-up stands (整改 / 复查)."""

    NUMBER, NAME, DEPARTMENT, FAULTS, POINTS, FOLLOW_UP = range(6)
    # The order the follow-up column counts in: the open ones last, where the eye ends.
    STATUS_ORDER = (
        FaultStatus.FIXED_ON_SPOT,
        FaultStatus.FIXED,
        FaultStatus.NOT_FIXED,
        FaultStatus.DUE,
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.amended: frozenset[int] = frozenset()  # inspections changed after finishing
        self.follow_ups: Mapping[int, Sequence[FaultStatus]] = {}  # inspection id -> statuses

    def set_amended(self, inspection_ids: frozenset[int]) -> None:
        self.amended = inspection_ids
        self.retranslate()

    def set_follow_ups(self, statuses: Mapping[int, Sequence[FaultStatus]]) -> None:
        self.follow_ups = statuses
        self.retranslate()

    def columns(self) -> Sequence[Column]:
        return (
            Column(self.tr("No."), lambda row: row.employee.employee_no),
            Column(self.tr("Name"), self._name),
            Column(self.tr("Department"), lambda row: row.employee.department),
            Column(self.tr("Faults"), self._faults),
            Column(self.tr("Points"), lambda row: str(row.inspection.fault_points)),
            Column(self.tr("Follow-up"), self._follow_up),
        )

    def _status_words(self) -> dict[FaultStatus, str]:
        return {
            FaultStatus.FIXED_ON_SPOT: "✓ " + self.tr("fixed on the spot"),
            FaultStatus.FIXED: "✓ " + self.tr("re-checked, fixed"),
            FaultStatus.NOT_FIXED: "✘ " + self.tr("not fixed"),
            FaultStatus.DUE: self.tr("due for re-check"),
        }

    def _follow_up(self, row: FollowUp) -> str:
        counts = Counter(self.follow_ups.get(row.inspection.id, ()))
        words = self._status_words()
        return " · ".join(
            f"{words[status]} {counts[status]}" if counts[status] > 1 else words[status]
            for status in self.STATUS_ORDER
            if counts[status]
        )

    def cell(self, row: FollowUp, column: int, role: int) -> Any:
        if role == Role.DisplayRole:
            return self.display(row, column)
        if role == Role.ForegroundRole and column == self.FOLLOW_UP:
            statuses = self.follow_ups.get(row.inspection.id, ())
            if FaultStatus.NOT_FIXED in statuses:
                return look.COLOURS["faults"]
            if statuses and not any(status.open for status in statuses):
                return look.COLOURS["all_pass"]
        if role == Role.ForegroundRole and row.inspection.critical_failed:
            return look.COLOURS["faults"]
        if role == Role.TextAlignmentRole and column == self.POINTS:
            return RIGHT
        return None

    def _name(self, row: FollowUp) -> str:
        late = f" ({look.attendance_text(row.inspection.attendance)})" if row.late else ""
        amended = f" · {amended_word()}" if row.inspection.id in self.amended else ""
        return row.employee.name + late + amended

    def _faults(self, row: FollowUp) -> str:
        lang = current_language()
        return "；".join(
            f"{item.text.get(lang)}（{mark.note}）" if mark.note else item.text.get(lang)
            for item, mark in row.faults
        )
