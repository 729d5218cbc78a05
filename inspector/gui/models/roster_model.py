"""Table models for the roster: the employees, and the preview of a roster import."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from inspector.domain.checklist import Catalogue
from inspector.domain.people import Employee, Sex
from inspector.gui.models.base import Column, RowsTableModel
from inspector.gui.widgets import status as look

if TYPE_CHECKING:
    from inspector.files.roster import RowProblem

DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def role_name(catalogue: Catalogue, role_id: str, lang: str) -> str:
    """A job role's name in ``lang``, or its id when the catalogue does not know it."""
    role = catalogue.role(role_id)
    return role.name.get(lang) if role else role_id


class RosterWords(QObject):
    def sex(self, sex: Sex) -> str:
        return look.word(sex)

    def active(self, active: bool) -> str:
        return self.tr("Active") if active else self.tr("Inactive")


class RosterModel(RowsTableModel):
    """Employees as a table; ``ROW_ROLE`` gives the ``Employee``. Inactive rows are greyed."""

    COLUMNS = ("employee_no", "name", "sex", "department", "role", "site", "active")
    numbered = True

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._words = RosterWords(self)

    def set_employees(self, employees: Sequence[Employee]) -> None:
        self.set_rows(employees)

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """Name the roles by a reloaded catalogue (a role was added)."""
        self._catalogue = catalogue
        self.set_language(self.language)

    def employees(self) -> list[Employee]:
        return self.rows()

    def employee(self, row: int) -> Employee:
        return self.row_object(row)

    def row_of(self, employee_id: int) -> int:
        """The row of an employee by database id, or -1."""
        return next((i for i, e in enumerate(self._rows) if e.id == employee_id), -1)

    def columns(self) -> Sequence[Column]:  # in the order of COLUMNS
        return (
            Column(self.tr("Employee no."), lambda e: e.employee_no),
            Column(self.tr("Name"), lambda e: e.name),
            Column(self.tr("Sex"), lambda e: self._words.sex(e.sex)),
            Column(self.tr("Department"), lambda e: e.department),
            Column(self.tr("Role"), lambda e: role_name(self._catalogue, e.role, self.language)),
            Column(self.tr("Site"), lambda e: e.site),
            Column(self.tr("Status"), lambda e: self._words.active(e.active)),
        )

    def cell(self, employee: Employee, column: int, role: int) -> Any:
        if role == DISPLAY:
            return self.display(employee, column)
        if employee.active:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == Qt.ItemDataRole.FontRole and self.COLUMNS[column] == "active":
            font = QFont()
            font.setItalic(True)
            return font
        return None


# -- the import preview ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One line of the import preview: a new or an updated employee."""

    kind: str  # "new" or "updated"
    employee: Employee
    details: str  # "field: before → after; ..." for an update, the main fields for a new one


class ImportChangesModel(RowsTableModel):
    """What an import would change: one row per new or updated employee."""

    def __init__(self, rows: Sequence[ChangeRow], parent: QObject | None = None) -> None:
        super().__init__(parent, rows)

    def headers(self) -> Sequence[str]:
        return (self.tr("Change"), self.tr("Employee no."), self.tr("Name"), self.tr("Details"))

    def cell(self, row: ChangeRow, column: int, role: int) -> Any:
        if role not in (DISPLAY, TOOLTIP):
            return None
        if column == 0:
            return self.tr("New") if row.kind == "new" else self.tr("Updated")
        return (row.employee.employee_no, row.employee.name, row.details)[column - 1]


class RowProblemsModel(RowsTableModel):
    """The rows of a roster file that cannot be imported: row number and reason (in the
    model's ``language``)."""

    def __init__(self, problems: Sequence[RowProblem], parent: QObject | None = None) -> None:
        super().__init__(parent, problems)

    def headers(self) -> Sequence[str]:
        return (self.tr("Row"), self.tr("Reason"))

    def cell(self, problem: RowProblem, column: int, role: int) -> Any:
        if role in (DISPLAY, TOOLTIP):
            return str(problem.row) if column == 0 else problem.text(self.language)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return RIGHT
        return None
