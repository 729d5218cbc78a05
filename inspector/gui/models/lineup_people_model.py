"""The people of one line-up, in line order, with what the screen shows for each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from inspector.domain.lineup import Attendance, Inspection, PersonStatus
from inspector.domain.people import Employee
from inspector.gui.widgets import status as look

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the root: the default parent of a flat model


@dataclass(frozen=True, slots=True)
class PersonRow:
    inspection: Inspection
    employee: Employee
    failed_marks: int = 0  # failed marks so far, also before the person is completed

    @property
    def status(self) -> PersonStatus:
        return self.inspection.status

    @property
    def late(self) -> bool:
        return self.inspection.attendance is Attendance.LATE

    @property
    def done(self) -> bool:
        return self.status is not PersonStatus.TODO

    @property
    def failed(self) -> int:
        return self.inspection.failed if self.inspection.completed_at else self.failed_marks

    def status_text(self) -> str:
        return look.status_text(self.status, late=self.late, failed=self.failed)

    def colour_key(self) -> str:
        if self.status is PersonStatus.TODO:
            return "late" if self.late else "todo"
        return self.status.value


class LineupPeopleModel(QAbstractTableModel):
    POSITION, NUMBER, NAME, STATUS = range(4)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[PersonRow] = []

    # -- feeding -------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[PersonRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_row(self, row: int, person: PersonRow) -> None:
        self._rows[row] = person
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    def rows(self) -> list[PersonRow]:
        return list(self._rows)

    def row_object(self, row: int) -> PersonRow:
        return self._rows[row]

    # -- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            (
                self.tr("#"),
                self.tr("No."),
                self.tr("Name"),
                self.tr("Status"),
            )[section]
            if 0 <= section < 4
            else None
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return person
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.POSITION:
                return str(person.inspection.position + 1)
            if column == self.NUMBER:
                return person.employee.employee_no
            if column == self.NAME:
                return person.employee.name
            if column == self.STATUS:
                return person.status_text()
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            return look.status_icon(person.status, late=person.late)
        if role == Qt.ItemDataRole.BackgroundRole:
            return look.BACKGROUNDS[person.colour_key()]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return look.COLOURS[person.colour_key()].darker(120)
        if role == Qt.ItemDataRole.ToolTipRole:
            e = person.employee
            return f"{e.employee_no} {e.name} · {e.department}\n{person.status_text()}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.POSITION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
