"""The faults of a day to re-check (整改 / 复查): one row per fault, with where it stands."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from inspector.domain.follow_ups import Fault, FaultStatus
from inspector.gui.i18n import current_language
from inspector.gui.models.base import RowsTableModel
from inspector.gui.widgets import status as look

Role = Qt.ItemDataRole


class RecheckModel(RowsTableModel):
    """The line-up's time, who, which department, the reason's wording and the status."""

    TIME, SHIFT, NUMBER, NAME, DEPARTMENT, REASON, STATUS = range(7)

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Time"),
            self.tr("Shift"),
            self.tr("No."),
            self.tr("Name"),
            self.tr("Department"),
            self.tr("Reason"),
            self.tr("Status"),
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
            return self._display(row, column)
        if role == Role.ForegroundRole and column == self.STATUS:
            if row.status is FaultStatus.NOT_FIXED:
                return look.COLOURS["faults"]
            if not row.status.open:
                return look.COLOURS["all_pass"]
        if role == Role.ToolTipRole and column == self.REASON:
            other = "en" if current_language() == "zh" else "zh"
            return row.reason.get(other)
        return None

    def _display(self, row: Fault, column: int) -> str | None:
        if column == self.TIME:
            return f"{row.lineup_started_at:%H:%M}"
        if column == self.SHIFT:
            return look.shift_text(row.shift)
        if column == self.NUMBER:
            return row.employee_no
        if column == self.NAME:
            return row.name
        if column == self.DEPARTMENT:
            return row.department
        if column == self.REASON:
            return row.reason.get(current_language())
        if column == self.STATUS:
            return self.status_text(row)
        return None
