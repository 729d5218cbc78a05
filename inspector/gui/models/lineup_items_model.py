"""The points of the person on screen, head to toe, grouped by body area, with their marks.

One row is one point (nails, shoes, shave ...). Marks are on the point's fault reasons; a point
passes when none of its reasons is marked failed, and a failed point shows its reason(s). A set
without points (an older line-up version, an observation set) shows each item as a point of
its own with that one reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from inspector.domain.attendance import counts_as_inspected
from inspector.domain.checklist import Area, ChecklistItem, Point, Severity
from inspector.domain.lineup import Attendance, Inspection, Mark, Result
from inspector.gui.i18n import current_language
from inspector.gui.models.base import RowsTableModel
from inspector.gui.widgets import status as look

Role = Qt.ItemDataRole


@dataclass(frozen=True, slots=True)
class PointRow:
    area: Area
    key: str  # the digit that jumps to the area ("" past nine areas)
    point: Point
    reasons: tuple[ChecklistItem, ...]  # the reasons that apply to the person, picker order
    first_in_area: bool
    area_rows: int  # how many rows the area has (on its first row)
    marks: tuple[Mark | None, ...] = ()  # one per reason

    def mark_of(self, reason_id: str) -> Mark | None:
        for reason, mark in zip(self.reasons, self.marks, strict=False):
            if reason.id == reason_id:
                return mark
        return None

    def with_marks(self, marks: Mapping[str, Mark]) -> PointRow:
        return PointRow(
            self.area,
            self.key,
            self.point,
            self.reasons,
            self.first_in_area,
            self.area_rows,
            tuple(marks.get(r.id) for r in self.reasons),
        )

    @property
    def failed_reasons(self) -> tuple[ChecklistItem, ...]:
        return tuple(
            r
            for r, m in zip(self.reasons, self.marks, strict=False)
            if m is not None and m.result is Result.FAIL
        )

    @property
    def failed(self) -> bool:
        return bool(self.failed_reasons)

    @property
    def marked(self) -> bool:
        return any(m is not None for m in self.marks)

    @property
    def result(self) -> Result:
        return Result.FAIL if self.failed else Result.PASS

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(m.note for m in self.marks if m is not None and m.note)

    @property
    def photo(self) -> bool:
        return any(m is not None and m.photo for m in self.marks)

    @property
    def critical(self) -> bool:
        return any(r.severity is Severity.CRITICAL for r in self.failed_reasons)


def area_key(area: Area, number: int) -> str:
    """The digit that jumps to an area: its own key, else its place ``number`` up to 9."""
    return area.key or (str(number) if number <= 9 else "")


def area_label(area: Area, number: int) -> str:
    """An area's name with the digit that jumps to it."""
    key = area_key(area, number)
    name = area.name.get(current_language())
    return f"{key}  {name}" if key else name


def point_rows(
    view: Sequence[tuple[Area, Sequence[tuple[Point, Sequence[ChecklistItem]]]]],
    marks: Mapping[str, Mark],
    numbers: Mapping[str, int] | None = None,
) -> list[PointRow]:
    """Rows from (area, [(point, reasons)]) in display order. An area without a key of its
    own (an older version's) jumps by its place among the line-up's areas (``numbers``)."""
    rows: list[PointRow] = []
    for place, (area, points) in enumerate(view, start=1):
        number = (numbers or {}).get(area.id, place)
        key = area_key(area, number)
        for n, (point, reasons) in enumerate(points):
            reasons = tuple(reasons)
            rows.append(
                PointRow(
                    area,
                    key,
                    point,
                    reasons,
                    n == 0,
                    len(points) if n == 0 else 0,
                    tuple(marks.get(r.id) for r in reasons),
                )
            )
    return rows


class LineupItemsModel(RowsTableModel):
    """The person's points: the area with its jump key, the point, and what it failed for."""

    AREA, POINT, RESULT = range(3)
    # What the person's state says of an unmarked point: nothing yet, a pass, or nothing ever
    # (someone absent or on leave was not inspected: no point of theirs passed).
    TODO, INSPECTED, AWAY = "todo", "inspected", "away"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._state = self.TODO
        self._fixed: frozenset[str] = frozenset()  # the person's reasons fixed on the spot
        self._roles: dict[int, Callable[[PointRow, int], Any]] = {
            Role.DisplayRole: self._display,
            Role.ToolTipRole: self._tooltip,
            Role.BackgroundRole: self._background,
            Role.ForegroundRole: self._foreground,
            Role.FontRole: self._font,
            Role.TextAlignmentRole: self._alignment,
        }
        self._bold = QFont()
        self._bold.setBold(True)
        self._area = self.area_font(QFont())

    @staticmethod
    def area_font(base: QFont) -> QFont:
        """Bold and a little smaller: a long area name wraps and two lines fit one row."""
        font = QFont(base)
        font.setBold(True)
        font.setPointSizeF(max(base.pointSizeF() - 1.5, 7.0))
        return font

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

    def set_items(self, rows: Sequence[PointRow], *, state: str) -> None:
        self._state = state
        self.set_rows(rows)

    def set_marks(self, marks: Mapping[str, Mark], *, state: str) -> None:
        """New marks for the same person: the rows (and the highlighted one) stay put."""
        self._state = state
        self._rows = [r.with_marks(marks) for r in self._rows]
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    @property
    def fixed(self) -> frozenset[str]:
        return self._fixed

    def set_fixed(self, reason_ids: frozenset[str]) -> None:
        """The person's faults fixed on the spot (当场整改): each shows it beside its reason."""
        if reason_ids == self._fixed:
            return
        self._fixed = reason_ids
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.RESULT), self.index(len(self._rows) - 1, self.RESULT)
            )

    def row_of(self, item_id: str) -> int:
        """The row of a point, by its id or the id of one of its reasons."""
        for n, r in enumerate(self._rows):
            if r.point.id == item_id or any(reason.id == item_id for reason in r.reasons):
                return n
        return -1

    def first_row_of_key(self, key: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.key == key), -1)

    def headers(self) -> Sequence[str]:
        return (self.tr("Area"), self.tr("Point"), self.tr("Result"))

    def cell(self, row: PointRow, column: int, role: int) -> Any:
        answer = self._roles.get(role)
        return answer(row, column) if answer else None

    # -- one method per role -----------------------------------------------------------------

    def result_text(self, row: PointRow) -> str:
        if self._state == self.AWAY:
            return "–"  # not inspected: neither passed nor failed
        lang = current_language()
        if row.failed:
            words = [r.text.get(lang) for r in row.failed_reasons]
            text = "✘ " + "; ".join(words)
            if any(r.id in self._fixed for r in row.failed_reasons):  # 当场整改 says so first
                fixed = "✓ " + self.tr("fixed on the spot") + ": "
                text = "; ".join(
                    (fixed if r.id in self._fixed else "✘ ") + word
                    for r, word in zip(row.failed_reasons, words, strict=True)
                )
            if row.photo:
                text += " " + self.tr("[photo]")
            return text
        if not row.marked and self._state == self.TODO:
            return ""
        return look.word(Result.PASS)

    def area_text(self, row: PointRow) -> str:
        name = row.area.name.get(current_language())
        return f"{row.key}  {name}" if row.key else name

    def _display(self, row: PointRow, column: int) -> str | None:
        if column == self.AREA:
            return self.area_text(row) if row.first_in_area else ""
        if column == self.POINT:
            return row.point.text.get(current_language())
        if column == self.RESULT:
            return self.result_text(row)
        return None

    def _tooltip(self, row: PointRow, _column: int) -> str:
        lang = current_language()
        other = "en" if lang == "zh" else "zh"
        lines = [f"{row.point.text.get(lang)} / {row.point.text.get(other)}"]
        for n, reason in enumerate(row.reasons, start=1):
            mark = "✘" if reason in row.failed_reasons else " "
            lines.append(f"{mark} {n}  {reason.text.get(lang)}")
        lines += [f"{self.tr('Note')}: {note}" for note in row.notes]
        return "\n".join(lines)

    def _background(self, row: PointRow, column: int) -> Any:
        if column == self.AREA:
            return look.BACKGROUNDS["leave"]
        if self._state == self.AWAY:
            return None
        if row.failed:
            return look.BACKGROUNDS["faults"]
        if self._state == self.INSPECTED:
            return look.BACKGROUNDS["all_pass"]
        return None

    def _foreground(self, row: PointRow, column: int) -> Any:
        if column == self.RESULT and self._state != self.AWAY:
            return look.COLOURS["faults" if row.failed else "all_pass"]
        if column == self.AREA:
            return look.COLOURS["leave"].darker(130)
        return None

    def _font(self, row: PointRow, column: int) -> QFont | None:
        if column == self.AREA:
            return self._area
        if column == self.RESULT and row.failed:
            return self._bold
        return None

    def _alignment(self, _row: PointRow, column: int) -> Any:
        if column == self.AREA:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
