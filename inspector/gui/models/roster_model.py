"""Table models for the roster: the employees, and the preview of a roster import."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QApplication

from inspector.domain.checklist import Catalogue
from inspector.domain.people import Employee, Sex
from inspector.gui.models.checklist_model import NO_PARENT, ROW_ROLE, ui_language

AnyIndex = QModelIndex | QPersistentModelIndex


def role_name(catalogue: Catalogue, role_id: str, lang: str) -> str:
    """A job role's name in ``lang``, or its id when the catalogue does not know it."""
    role = catalogue.role(role_id)
    return role.name.get(lang) if role else role_id


class RosterWords(QObject):
    def sex(self, sex: Sex) -> str:
        return self.tr("Female") if sex is Sex.FEMALE else self.tr("Male")

    def active(self, active: bool) -> str:
        return self.tr("Active") if active else self.tr("Inactive")


class RosterModel(QAbstractTableModel):
    """Employees as a table; ``ROW_ROLE`` gives the ``Employee``. Inactive rows are greyed."""

    COLUMNS = ("employee_no", "name", "sex", "department", "role", "site", "active")

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._lang = ui_language()
        self._words = RosterWords(self)
        self._rows: list[Employee] = []

    def set_employees(self, employees: list[Employee]) -> None:
        self.beginResetModel()
        self._rows = list(employees)
        self.endResetModel()

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """Name the roles by a reloaded catalogue (a role was added)."""
        self._catalogue = catalogue
        self.set_language(self._lang)

    def employees(self) -> list[Employee]:
        return list(self._rows)

    def employee(self, row: int) -> Employee:
        return self._rows[row]

    def row_of(self, employee_id: int) -> int:
        """The row of an employee by database id, or -1."""
        return next((i for i, e in enumerate(self._rows) if e.id == employee_id), -1)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (
            self.tr("Employee no."),
            self.tr("Name"),
            self.tr("Sex"),
            self.tr("Department"),
            self.tr("Role"),
            self.tr("Site"),
            self.tr("Status"),
        )[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        employee = self._rows[index.row()]
        if role == ROW_ROLE:
            return employee
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(employee, column)
        if role == Qt.ItemDataRole.ForegroundRole and not employee.active:
            return QBrush(QApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == Qt.ItemDataRole.FontRole and not employee.active and column == "active":
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _text(self, employee: Employee, column: str) -> str:
        if column == "sex":
            return self._words.sex(employee.sex)
        if column == "role":
            return role_name(self._catalogue, employee.role, self._lang)
        if column == "active":
            return self._words.active(employee.active)
        return str(getattr(employee, column))


# -- the import preview ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One line of the import preview: a new or an updated employee."""

    kind: str  # "new" or "updated"
    employee: Employee
    details: str  # "field: before → after; ..." for an update, the main fields for a new one


class ImportChangesModel(QAbstractTableModel):
    """What an import would change: one row per new or updated employee."""

    def __init__(self, rows: list[ChangeRow], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < 4:
            return None
        return (self.tr("Change"), self.tr("Employee no."), self.tr("Name"), self.tr("Details"))[
            section
        ]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == 0:
                return self.tr("New") if row.kind == "new" else self.tr("Updated")
            if column == 1:
                return row.employee.employee_no
            if column == 2:
                return row.employee.name
            return row.details
        return None


class RowProblemsModel(QAbstractTableModel):
    """The rows of a roster file that cannot be imported: row number and reason."""

    def __init__(self, problems: list, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(problems)

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < 2:
            return None
        return (self.tr("Row"), self.tr("Reason"))[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        problem = self._rows[index.row()]
        if role == ROW_ROLE:
            return problem
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return str(problem.row) if index.column() == 0 else str(problem.message)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
