"""The checklist items that apply to the person on screen, grouped by area, with their marks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from inspector.domain.checklist import ChecklistItem, ChecklistSet, ItemKind, Severity
from inspector.domain.lineup import Mark, Result
from inspector.domain.text import Text
from inspector.gui.i18n import current_language
from inspector.gui.widgets import status as look

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the root: the default parent of a flat model


@dataclass(frozen=True, slots=True)
class ItemRow:
    checklist: ChecklistSet
    item: ChecklistItem
    area: Text
    first_in_area: bool
    mark: Mark | None = None

    @property
    def result(self) -> Result:
        return self.mark.result if self.mark else Result.PASS

    @property
    def failed(self) -> bool:
        return self.result is Result.FAIL

    @property
    def note(self) -> str:
        return self.mark.note if self.mark else ""

    @property
    def photo(self) -> str:
        return self.mark.photo if self.mark else ""


class LineupItemsModel(QAbstractTableModel):
    AREA, STANDARD, KIND, SEVERITY, RESULT, NOTE = range(6)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ItemRow] = []
        self._completed = False  # unmarked items show as passed once the person is done

    def set_rows(self, rows: Sequence[ItemRow], *, completed: bool) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._completed = completed
        self.endResetModel()

    def set_marks(self, marks: Mapping[str, Mark], *, completed: bool) -> None:
        """New marks for the same person: the rows (and the highlighted one) stay put."""
        self._completed = completed
        self._rows = [
            ItemRow(r.checklist, r.item, r.area, r.first_in_area, marks.get(r.item.id))
            for r in self._rows
        ]
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    def rows(self) -> list[ItemRow]:
        return list(self._rows)

    def row_object(self, row: int) -> ItemRow:
        return self._rows[row]

    def row_of(self, item_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.item.id == item_id), -1)

    # -- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            self.tr("Area"),
            self.tr("Standard"),
            self.tr("Type"),
            self.tr("Severity"),
            self.tr("Result"),
            self.tr("Note"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def _result_text(self, row: ItemRow) -> str:
        if row.mark is None and not self._completed:
            return ""
        text = look.result_text(row.result)
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        lang = current_language()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.AREA:
                return row.area.get(lang) if row.first_in_area else ""
            if column == self.STANDARD:
                return row.item.text.get(lang)
            if column == self.KIND:
                return look.kind_text(row.item.kind)
            if column == self.SEVERITY:
                return look.severity_text(row.item.severity)
            if column == self.RESULT:
                return self._result_text(row)
            if column == self.NOTE:
                photo = self.tr("[photo]") if row.photo else ""
                return " ".join(part for part in (row.note, photo) if part)
        if role == Qt.ItemDataRole.ToolTipRole:
            other = "en" if lang == "zh" else "zh"
            tip = f"{row.item.text.get(lang)}\n{row.item.text.get(other)}"
            if row.note:
                tip += f"\n{self.tr('Note')}: {row.note}"
            return tip
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.failed:
                return look.BACKGROUNDS["faults"]
            if row.mark is None and self._completed:
                return look.BACKGROUNDS["all_pass"]
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.RESULT and row.failed:
                return look.COLOURS["faults"]
            if column == self.RESULT:
                return look.COLOURS["all_pass"]
            if column == self.KIND and row.item.kind is ItemKind.PROHIBITED:
                return look.COLOURS["faults"].darker(110)
            if column == self.SEVERITY and row.item.severity is Severity.CRITICAL:
                return look.COLOURS["faults"]
            if column == self.AREA:
                return look.COLOURS["leave"].darker(130)
        if role == Qt.ItemDataRole.FontRole and (
            (column == self.AREA)
            or (column == self.RESULT and row.failed)
            or (column == self.SEVERITY and row.item.severity is Severity.CRITICAL)
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None
