"""Recent line-ups, newest first, to open a finished one's summary (and change it with a reason)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from inspector.domain.lineup import Lineup
from inspector.gui.widgets import status as look

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the root: the default parent of a flat model


class RecentLineupsModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Lineup] = []

    def set_rows(self, rows: Sequence[Lineup]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def row_object(self, row: int) -> Lineup:
        return self._rows[row]

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        lineup = self._rows[index.row()]
        if role == ROW_ROLE:
            return lineup
        if role == Qt.ItemDataRole.DisplayRole:
            scope = " / ".join(p for p in (lineup.site, lineup.department) if p)
            state = (
                QCoreApplication.translate("RecentLineupsModel", "finished")
                if lineup.finished
                else QCoreApplication.translate("RecentLineupsModel", "not finished")
            )
            return f"{lineup.day.isoformat()}  {look.shift_text(lineup.shift)}  {scope}  · {lineup.supervisor}  ({state})"
        return None
