"""The whole line-up at a glance: one row per person, one column per area, coloured by result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from inspector.domain.checklist import Area
from inspector.domain.lineup import PersonStatus
from inspector.gui.i18n import current_language
from inspector.gui.models.base import ROW_ROLE, RowsTableModel
from inspector.gui.models.lineup_people_model import PersonRow
from inspector.gui.widgets import status as look
from inspector.gui.widgets.change_text import AMENDED_COLOUR, amended_word, changes_tooltip

Role = Qt.ItemDataRole
AREA_ROLE = ROW_ROLE + 1  # the area id of a cell (None for the name columns)


@dataclass(frozen=True, slots=True)
class AreaCell:
    area_id: str
    applicable: int  # items of this area that apply to the person
    failed: int  # of them, failed so far


@dataclass(frozen=True, slots=True)
class GridRow:
    person: PersonRow
    cells: tuple[AreaCell, ...]  # in the order of the model's areas

    def cell_state(self, cell: AreaCell) -> str:
        """todo, all_pass, faults, absent, leave or na (no item of the area applies)."""
        status = self.person.status
        if status in (PersonStatus.ABSENT, PersonStatus.LEAVE):
            return status.value
        if cell.applicable == 0:
            return "na"
        if cell.failed:
            return "faults"
        return "todo" if status is PersonStatus.TODO else "all_pass"


class LineupGridModel(RowsTableModel):
    NUMBER, NAME = range(2)
    FIRST_AREA = 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._areas: list[Area] = []

    def set_areas_and_rows(self, areas: Sequence[Area], rows: Sequence[GridRow]) -> None:
        self._areas = list(areas)
        self.set_rows(rows)

    def areas(self) -> list[Area]:
        return list(self._areas)

    def headers(self) -> Sequence[str]:
        lang = current_language()
        return (self.tr("No."), self.tr("Name"), *(a.name.get(lang) for a in self._areas))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole):
        if orientation == Qt.Orientation.Vertical and role == Role.DisplayRole:
            return str(section + 1) if 0 <= section < len(self._rows) else None
        return super().headerData(section, orientation, role)

    def _cell_text(self, grid_row: GridRow, cell: AreaCell) -> str:
        state = grid_row.cell_state(cell)
        if state == "faults":
            return f"✘ {cell.failed}"
        texts = {
            "all_pass": "✓",
            "na": "–",
            "absent": look.status_text(PersonStatus.ABSENT),
            "leave": look.status_text(PersonStatus.LEAVE),
        }
        return texts.get(state, "")

    def cell(self, grid_row: GridRow, column: int, role: int) -> Any:
        cell = grid_row.cells[column - self.FIRST_AREA] if column >= self.FIRST_AREA else None
        if role == AREA_ROLE:
            return cell.area_id if cell else None
        if role == Role.DisplayRole:
            return self._display(grid_row, column, cell)
        if role == Role.BackgroundRole:
            if cell is None:
                return look.BACKGROUNDS[grid_row.person.colour_key()]
            return look.BACKGROUNDS[grid_row.cell_state(cell)]
        if role == Role.ForegroundRole and column == self.NAME and grid_row.person.amended:
            return QColor(AMENDED_COLOUR)
        if role == Role.ForegroundRole and cell is not None:
            return look.COLOURS[grid_row.cell_state(cell)].darker(130)
        if role == Role.TextAlignmentRole and cell is not None:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Role.ToolTipRole:
            tip = f"{grid_row.person.employee.name}: {grid_row.person.status_text()}"
            if grid_row.person.amended:
                tip += "\n" + changes_tooltip(grid_row.person.changes, current_language())
            return tip
        return None

    def _display(self, grid_row: GridRow, column: int, cell: AreaCell | None) -> str | None:
        if column == self.NUMBER:
            return grid_row.person.employee.employee_no
        if column == self.NAME:
            name = grid_row.person.employee.name
            if grid_row.person.late:
                name = f"{name} ({look.attendance_text(grid_row.person.inspection.attendance)})"
            return f"{name} · {amended_word()}" if grid_row.person.amended else name
        return self._cell_text(grid_row, cell) if cell else None
