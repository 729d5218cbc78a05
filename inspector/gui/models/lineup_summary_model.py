"""The summary of a finished line-up: faults counted by item, and who needs follow-up."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from inspector.domain.summary import FaultCount, FollowUp
from inspector.gui.i18n import current_language
from inspector.gui.models.base import RowsTableModel
from inspector.gui.widgets import status as look

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
    """People with faults, critical and heaviest first, with what failed and the notes."""

    NUMBER, NAME, DEPARTMENT, FAULTS, POINTS = range(5)

    def headers(self) -> Sequence[str]:
        return (
            self.tr("No."),
            self.tr("Name"),
            self.tr("Department"),
            self.tr("Faults"),
            self.tr("Points"),
        )

    def cell(self, row: FollowUp, column: int, role: int) -> Any:
        if role == Role.DisplayRole:
            return self._display(row, column)
        if role == Role.ForegroundRole and row.inspection.critical_failed:
            return look.COLOURS["faults"]
        if role == Role.TextAlignmentRole and column == self.POINTS:
            return RIGHT
        return None

    def _display(self, row: FollowUp, column: int) -> str | None:
        lang = current_language()
        employee = row.employee
        if column == self.NUMBER:
            return employee.employee_no
        if column == self.NAME:
            late = f" ({look.attendance_text(row.inspection.attendance)})" if row.late else ""
            return employee.name + late
        if column == self.DEPARTMENT:
            return employee.department
        if column == self.FAULTS:
            return "；".join(
                f"{item.text.get(lang)}（{mark.note}）" if mark.note else item.text.get(lang)
                for item, mark in row.faults
            )
        if column == self.POINTS:
            return str(row.inspection.fault_points)
        return None
