"""What every table model shares: the row-object role, the root index and a table over rows.

``RowsTableModel`` holds a list of frozen row objects. A subclass names its ``columns`` (each
header with the text of its cells, in one place) or its ``headers``, and answers
``cell(row, column, role)``; ``data`` dispatches to it, and ``ROW_ROLE`` returns the row object
itself, so views and tests reach the domain object behind a row in one way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from inspector.gui.i18n import current_language

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root: the default parent of a flat model


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: its header and the text of a row's cell."""

    header: str
    text: Callable[[Any], str | None]


class RowsTableModel(QAbstractTableModel):
    """A flat table over a list of row objects. ``numbered`` shows 1, 2, ... down the side."""

    numbered = False

    def __init__(self, parent: QObject | None = None, rows: Sequence[Any] = ()) -> None:
        super().__init__(parent)
        self._rows: list[Any] = list(rows)
        self.language = current_language()  # for the cells worded from the checklists
        self._worded: tuple[str, Sequence[Column]] | None = None  # (language, its columns)

    # -- rows -------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_object(self, row: int) -> Any:
        return self._rows[row]

    def replace_row(self, row: int, value: Any) -> None:
        """Swap one row's object and repaint only that row."""
        self._rows[row] = value
        last = max(self.columnCount() - 1, 0)
        self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def set_language(self, lang: str) -> None:
        """Re-word the cells (checklist wordings, role names) in ``lang`` after a switch."""
        self.language = lang
        self.retranslate()

    def retranslate(self) -> None:
        """Repaint headers and cells after a change of language."""
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    # -- what a subclass says ---------------------------------------------------------------

    def columns(self) -> Sequence[Column]:
        """The columns, each header with its cells' text (or a subclass names ``headers``)."""
        raise NotImplementedError

    def worded_columns(self) -> Sequence[Column]:
        """``columns()`` in the interface language, made once a language (``data`` asks often)."""
        lang = current_language()
        if self._worded is None or self._worded[0] != lang:
            self._worded = (lang, tuple(self.columns()))
        return self._worded[1]

    def headers(self) -> Sequence[str]:
        return tuple(column.header for column in self.worded_columns())

    def display(self, row: Any, column: int) -> str | None:
        """The text of one cell, from its column."""
        columns = self.worded_columns()
        return columns[column].text(row) if 0 <= column < len(columns) else None

    def cell(self, row: Any, column: int, role: int) -> Any:
        """The value of one cell for one role, or None."""
        raise NotImplementedError

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if self.numbered else None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        return self.cell(row, index.column(), role)
