"""The summary of a finished line-up: faults counted by item, and who needs follow-up."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from inspector.gui.controllers.lineup_controller import FaultCount, FollowUp
from inspector.gui.i18n import current_language
from inspector.gui.widgets import status as look

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the root: the default parent of a flat model


class _ListTableModel(QAbstractTableModel):
    """A table over a list of frozen row objects (the summary is read-only)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    def row_object(self, row: int):
        return self._rows[row]

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headers(self) -> tuple[str, ...]:  # pragma: no cover - overridden
        return ()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        return self.cell(row, index.column(), role)

    def cell(self, row, column: int, role: int) -> Any:  # pragma: no cover - overridden
        return None


class FaultCountsModel(_ListTableModel):
    """Faults by item, most frequent first."""

    ITEM, AREA, COUNT = range(3)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Item"), self.tr("Area"), self.tr("People"))

    def cell(self, row: FaultCount, column: int, role: int) -> Any:
        lang = current_language()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.ITEM:
                return row.item.text.get(lang)
            if column == self.AREA:
                return row.area.get(lang)
            if column == self.COUNT:
                return str(row.count)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return look.severity_text(row.item.severity)
        return None


class FollowUpModel(_ListTableModel):
    """People with faults, critical and heaviest first, with what failed and the notes."""

    NUMBER, NAME, DEPARTMENT, FAULTS, POINTS = range(5)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("No."),
            self.tr("Name"),
            self.tr("Department"),
            self.tr("Faults"),
            self.tr("Points"),
        )

    def cell(self, row: FollowUp, column: int, role: int) -> Any:
        lang = current_language()
        employee = row.person.employee
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NUMBER:
                return employee.employee_no
            if column == self.NAME:
                late = (
                    f" ({look.attendance_text(row.person.inspection.attendance)})"
                    if row.person.late
                    else ""
                )
                return employee.name + late
            if column == self.DEPARTMENT:
                return employee.department
            if column == self.FAULTS:
                parts = []
                for item, mark in row.faults:
                    parts.append(
                        f"{item.text.get(lang)}（{mark.note}）"
                        if mark.note
                        else item.text.get(lang)
                    )
                return "；".join(parts)
            if column == self.POINTS:
                return str(row.person.inspection.fault_points)
        if role == Qt.ItemDataRole.ForegroundRole and row.person.inspection.critical_failed:
            return look.COLOURS["faults"]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.POINTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
