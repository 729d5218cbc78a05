"""Recent line-ups, newest first, to open a finished one's summary (and change it with a reason)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from inspector.domain.lineup import Lineup
from inspector.gui.models.base import RowsTableModel
from inspector.gui.widgets import status as look


class RecentLineupsModel(RowsTableModel):
    """One column (a list view shows it): day, shift, place, supervisor, finished or not."""

    def headers(self) -> Sequence[str]:
        return (self.tr("Line-up"),)

    def cell(self, lineup: Lineup, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        scope = " / ".join(p for p in (lineup.site, lineup.department) if p)
        state = self.tr("finished") if lineup.finished else self.tr("not finished")
        return (
            f"{lineup.day.isoformat()}  {look.shift_text(lineup.shift)}  {scope}"
            f"  · {lineup.supervisor}  ({state})"
        )
