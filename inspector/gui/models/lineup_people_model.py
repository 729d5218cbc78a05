"""The people of one line-up, in line order, with what the screen shows for each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from inspector.domain.changes import ChangeLine
from inspector.domain.lineup import Attendance, Inspection, PersonStatus
from inspector.domain.people import Employee
from inspector.gui.i18n import current_language
from inspector.gui.models.base import RowsTableModel
from inspector.gui.widgets import status as look
from inspector.gui.widgets.change_text import AMENDED_COLOUR, amended_word, changes_tooltip

Role = Qt.ItemDataRole


@dataclass(frozen=True, slots=True)
class PersonRow:
    inspection: Inspection
    employee: Employee
    failed_marks: int = 0  # failed marks so far, also before the person is completed
    changes: tuple[ChangeLine, ...] = ()  # changes after the line-up was finished

    @property
    def amended(self) -> bool:
        return bool(self.changes)

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


class LineupPeopleModel(RowsTableModel):
    POSITION, NUMBER, NAME, STATUS = range(4)

    def headers(self) -> Sequence[str]:
        return (self.tr("#"), self.tr("No."), self.tr("Name"), self.tr("Status"))

    def cell(self, person: PersonRow, column: int, role: int) -> Any:
        if role == Role.DisplayRole:
            return self._display(person, column)
        if role == Role.DecorationRole and column == self.STATUS:
            return look.status_icon(person.status, late=person.late)
        if role == Role.BackgroundRole:
            return look.BACKGROUNDS[person.colour_key()]
        if role == Role.ForegroundRole and column == self.NAME and person.amended:
            return QColor(AMENDED_COLOUR)
        if role == Role.ForegroundRole and column == self.STATUS:
            return look.COLOURS[person.colour_key()].darker(120)
        if role == Role.ToolTipRole:
            e = person.employee
            tip = f"{e.employee_no} {e.name} · {e.department}\n{person.status_text()}"
            if person.amended:
                tip += "\n" + changes_tooltip(person.changes, current_language())
            return tip
        if role == Role.TextAlignmentRole and column == self.POSITION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, person: PersonRow, column: int) -> str | None:
        if column == self.POSITION:
            return str(person.inspection.position + 1)
        if column == self.NUMBER:
            return person.employee.employee_no
        if column == self.NAME:
            return person.employee.name
        if column == self.STATUS:
            if person.amended:  # first: the column is narrow, the status is also on the card
                return f"{amended_word()} · {person.status_text()}"
            return person.status_text()
        return None
