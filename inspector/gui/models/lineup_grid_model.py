"""The whole line-up at a glance: one row per person, one column per area, coloured by result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from inspector.domain.checklist import Area
from inspector.domain.lineup import PersonStatus
from inspector.gui.i18n import current_language
from inspector.gui.models.lineup_people_model import PersonRow
from inspector.gui.widgets import status as look

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
AREA_ROLE = Qt.ItemDataRole.UserRole + 2  # the area id of a cell (None for the name columns)
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the root: the default parent of a flat model


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


class LineupGridModel(QAbstractTableModel):
    NUMBER, NAME = range(2)
    FIRST_AREA = 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[GridRow] = []
        self._areas: list[Area] = []

    def set_rows(self, areas: Sequence[Area], rows: Sequence[GridRow]) -> None:
        self.beginResetModel()
        self._areas = list(areas)
        self._rows = list(rows)
        self.endResetModel()

    def update_row(self, row: int, grid_row: GridRow) -> None:
        self._rows[row] = grid_row
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    def areas(self) -> list[Area]:
        return list(self._areas)

    def row_object(self, row: int) -> GridRow:
        return self._rows[row]

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else self.FIRST_AREA + len(self._areas)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < len(self._rows) else None
        if section == self.NUMBER:
            return self.tr("No.")
        if section == self.NAME:
            return self.tr("Name")
        area_index = section - self.FIRST_AREA
        if 0 <= area_index < len(self._areas):
            return self._areas[area_index].name.get(current_language())
        return None

    def _cell_text(self, grid_row: GridRow, cell: AreaCell) -> str:
        state = grid_row.cell_state(cell)
        if state == "faults":
            return f"✘ {cell.failed}"
        if state == "all_pass":
            return "✓"
        if state == "na":
            return "–"
        if state == "absent":
            return look.status_text(PersonStatus.ABSENT)
        if state == "leave":
            return look.status_text(PersonStatus.LEAVE)
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        grid_row = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return grid_row
        cell = grid_row.cells[column - self.FIRST_AREA] if column >= self.FIRST_AREA else None
        if role == AREA_ROLE:
            return cell.area_id if cell else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NUMBER:
                return grid_row.person.employee.employee_no
            if column == self.NAME:
                name = grid_row.person.employee.name
                return (
                    f"{name} ({look.attendance_text(grid_row.person.inspection.attendance)})"
                    if grid_row.person.late
                    else name
                )
            return self._cell_text(grid_row, cell) if cell else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell is None:
                return look.BACKGROUNDS[grid_row.person.colour_key()]
            return look.BACKGROUNDS[grid_row.cell_state(cell)]
        if role == Qt.ItemDataRole.ForegroundRole and cell is not None:
            state = grid_row.cell_state(cell)
            return look.COLOURS[state].darker(130)
        if role == Qt.ItemDataRole.TextAlignmentRole and cell is not None:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{grid_row.person.employee.name}: {grid_row.person.status_text()}"
        return None
