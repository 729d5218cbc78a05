"""The faults of a day to re-check (整改 / 复查): one row per fault, with where it stands."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from inspector.domain.follow_ups import Fault, FaultStatus
from inspector.gui.i18n import current_language
from inspector.gui.models.base import Column, RowsTableModel
from inspector.gui.widgets import status as look

Role = Qt.ItemDataRole


class RecheckModel(RowsTableModel):
    """The line-up's time, who, which department, the reason's wording and the status."""

    TIME, SHIFT, NUMBER, NAME, DEPARTMENT, REASON, STATUS = range(7)

    def columns(self) -> Sequence[Column]:
        return (
            Column(self.tr("Time"), lambda row: f"{row.lineup_started_at:%H:%M}"),
            Column(self.tr("Shift"), lambda row: look.shift_text(row.shift)),
            Column(self.tr("No."), lambda row: row.employee_no),
            Column(self.tr("Name"), lambda row: row.name),
            Column(self.tr("Department"), lambda row: row.department),
            Column(self.tr("Reason"), lambda row: row.reason.get(current_language())),
            Column(self.tr("Status"), self.status_text),
        )

    def status_text(self, fault: Fault) -> str:
        follow = fault.follow_up
        check = follow.last_check
        at = f" {check.recorded_at:%H:%M} {check.checked_by}" if check else ""
        if follow.status is FaultStatus.FIXED:
            return "✓ " + self.tr("fixed") + at
        if follow.status is FaultStatus.NOT_FIXED:
            return "✘ " + self.tr("not fixed") + at
        if follow.status is FaultStatus.FIXED_ON_SPOT:
            return "✓ " + self.tr("fixed on the spot")
        return self.tr("due for re-check")

    def cell(self, row: Fault, column: int, role: int) -> Any:
        if role == Role.DisplayRole:
            return self.display(row, column)
        if role == Role.ForegroundRole and column == self.STATUS:
            if row.status is FaultStatus.NOT_FIXED:
                return look.COLOURS["faults"]
            if not row.status.open:
                return look.COLOURS["all_pass"]
        if role == Role.ToolTipRole and column == self.REASON:
            other = "en" if current_language() == "zh" else "zh"
            return row.reason.get(other)
        return None
