"""The checklist items that apply to the person on screen, grouped by area, with their marks."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from inspector.domain.attendance import counts_as_inspected
from inspector.domain.checklist import ChecklistItem, ChecklistSet, ItemKind, Severity
from inspector.domain.lineup import Attendance, Inspection, Mark, Result
from inspector.domain.text import Text
from inspector.gui.i18n import current_language
from inspector.gui.models.base import RowsTableModel
from inspector.gui.widgets import status as look

Role = Qt.ItemDataRole


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


class LineupItemsModel(RowsTableModel):
    AREA, STANDARD, KIND, SEVERITY, RESULT, NOTE = range(6)
    # What the person's state says of an unmarked item: nothing yet, a pass, or nothing ever
    # (someone absent or on leave was not inspected: no item of theirs passed).
    TODO, INSPECTED, AWAY = "todo", "inspected", "away"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._state = self.TODO
        self._roles: dict[int, Callable[[ItemRow, int], Any]] = {
            Role.DisplayRole: self._display,
            Role.ToolTipRole: self._tooltip,
            Role.BackgroundRole: self._background,
            Role.ForegroundRole: self._foreground,
            Role.FontRole: self._font,
        }

    @classmethod
    def state_of(cls, inspection: Inspection) -> str:
        if inspection.attendance in (Attendance.ABSENT, Attendance.LEAVE):
            return cls.AWAY
        if counts_as_inspected(inspection.attendance, inspection.completed_at):
            return cls.INSPECTED
        return cls.TODO

    @property
    def state(self) -> str:
        return self._state

    def set_items(self, rows: Sequence[ItemRow], *, state: str) -> None:
        self._state = state
        self.set_rows(rows)

    def set_marks(self, marks: Mapping[str, Mark], *, state: str) -> None:
        """New marks for the same person: the rows (and the highlighted one) stay put."""
        self._state = state
        self._rows = [
            ItemRow(r.checklist, r.item, r.area, r.first_in_area, marks.get(r.item.id))
            for r in self._rows
        ]
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    def row_of(self, item_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.item.id == item_id), -1)

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Area"),
            self.tr("Standard"),
            self.tr("Type"),
            self.tr("Severity"),
            self.tr("Result"),
            self.tr("Note"),
        )

    def cell(self, row: ItemRow, column: int, role: int) -> Any:
        answer = self._roles.get(role)
        return answer(row, column) if answer else None

    # -- one method per role -----------------------------------------------------------------

    def result_text(self, row: ItemRow) -> str:
        if self._state == self.AWAY:
            return "–"  # not inspected: neither passed nor failed
        if row.mark is None and self._state == self.TODO:
            return ""
        return look.result_text(row.result)

    def _display(self, row: ItemRow, column: int) -> str | None:
        lang = current_language()
        if column == self.AREA:
            return row.area.get(lang) if row.first_in_area else ""
        if column == self.STANDARD:
            return row.item.text.get(lang)
        if column == self.KIND:
            return look.kind_text(row.item.kind)
        if column == self.SEVERITY:
            return look.severity_text(row.item.severity)
        if column == self.RESULT:
            return self.result_text(row)
        if column == self.NOTE:
            photo = self.tr("[photo]") if row.photo else ""
            return " ".join(part for part in (row.note, photo) if part)
        return None

    def _tooltip(self, row: ItemRow, _column: int) -> str:
        lang = current_language()
        other = "en" if lang == "zh" else "zh"
        tip = f"{row.item.text.get(lang)}\n{row.item.text.get(other)}"
        if row.note:
            tip += f"\n{self.tr('Note')}: {row.note}"
        return tip

    def _background(self, row: ItemRow, _column: int) -> Any:
        if self._state == self.AWAY:
            return None
        if row.failed:
            return look.BACKGROUNDS["faults"]
        if row.mark is None and self._state == self.INSPECTED:
            return look.BACKGROUNDS["all_pass"]
        return None

    def _foreground(self, row: ItemRow, column: int) -> Any:
        if column == self.RESULT:
            if self._state == self.AWAY:
                return None
            return look.COLOURS["faults" if row.failed else "all_pass"]
        if column == self.KIND and row.item.kind is ItemKind.PROHIBITED:
            return look.COLOURS["faults"].darker(110)
        if column == self.SEVERITY and row.item.severity is Severity.CRITICAL:
            return look.COLOURS["faults"]
        if column == self.AREA:
            return look.COLOURS["leave"].darker(130)
        return None

    def _font(self, row: ItemRow, column: int) -> QFont | None:
        if (
            column == self.AREA
            or (column == self.RESULT and row.failed and self._state != self.AWAY)
            or (column == self.SEVERITY and row.item.severity is Severity.CRITICAL)
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None
