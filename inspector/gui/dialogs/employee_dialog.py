"""Add or edit one employee: validated fields, the job role from the catalogue, sex.

The role list ends with "New role…": it opens the role dialog, and the role is created (by the
``create_role`` the dialog is given) and chosen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QWidget,
)

from inspector.domain.checklist import Catalogue
from inspector.domain.people import Employee, Role, Sex
from inspector.gui.dialogs.form_dialog import FormDialog
from inspector.gui.dialogs.role_dialog import RoleDialog
from inspector.gui.i18n import current_language as ui_language
from inspector.gui.widgets.build import column, form_rows, line_edit, open_kept
from inspector.gui.widgets.touch import TOUCH_HEIGHT as MIN_TOUCH

MAX_NO_LENGTH = 32
MAX_TEXT_LENGTH = 80
NEW_ROLE = "\x00new-role"  # the data of the "New role…" entry of the role list


def _choice_or_new(object_name: str, known: Iterable[str]) -> QComboBox:
    """An editable combo box offering the ``known`` values, empty until one is picked or typed."""
    combo = QComboBox()
    combo.setObjectName(object_name)
    combo.setEditable(True)
    combo.addItems(list(known))
    combo.setCurrentIndex(-1)
    combo.lineEdit().setMaxLength(MAX_TEXT_LENGTH)
    return combo


class EmployeeDialog(FormDialog):
    """``employee()`` gives the edited employee once the dialog is accepted.

    ``number_taken(no)`` says whether another employee already has a number (checked for new
    employees only: an edit keeps its number, which is the key of the roster).
    ``create_role(role)`` creates a role described in the role dialog and returns the reloaded
    catalogue, or None when it could not (it says why); without it there is no "New role…".
    """

    def __init__(
        self,
        catalogue: Catalogue,
        *,
        employee: Employee | None = None,
        departments: Iterable[str] = (),
        sites: Iterable[str] = (),
        number_taken: Callable[[str], bool] | None = None,
        create_role: Callable[[Role], Catalogue | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent, name="employeeDialog", width=440, error_name="employeeError", height=MIN_TOUCH
        )
        self._create_role = create_role
        self.role_dialog: RoleDialog | None = None
        self._last_role: str | None = None
        self._catalogue = catalogue
        self._original = employee
        self._number_taken = number_taken or (lambda _no: False)

        self.number_edit = line_edit("employeeNo", max_length=MAX_NO_LENGTH)
        self.name_edit = line_edit("employeeName", max_length=MAX_TEXT_LENGTH)
        self.sex_combo = QComboBox()
        self.sex_combo.setObjectName("employeeSex")
        self.department_combo = _choice_or_new("employeeDepartment", departments)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("employeeRole")
        self.site_combo = _choice_or_new("employeeSite", sites)
        self.active_check = QCheckBox()
        self.active_check.setObjectName("employeeActive")
        self.active_check.setChecked(True)
        fields = (
            self.number_edit,
            self.name_edit,
            self.sex_combo,
            self.department_combo,
            self.role_combo,
            self.site_combo,
            self.active_check,
        )
        for widget in fields:
            widget.setMinimumHeight(MIN_TOUCH)

        self._form = QFormLayout()
        self._labels = form_rows(self._form, fields, height=MIN_TOUCH, right=True)
        column(self, self._form, self.error_label, self.buttons)

        self._fill_choices()
        if employee is not None:
            self._load(employee)
            self._last_role = employee.role
        self._touched = employee is not None
        for edit in (self.number_edit, self.name_edit):
            edit.textChanged.connect(self._validate)
        self.department_combo.editTextChanged.connect(self._on_touched)
        self.role_combo.currentIndexChanged.connect(self._on_role_chosen)
        self.retranslate_ui()
        self._validate()

    # -- fields -----------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        lang = ui_language()
        sex = self.sex_combo.currentData()
        role = self.role_combo.currentData()
        self.sex_combo.blockSignals(True)
        self.sex_combo.clear()
        self.sex_combo.addItem(self.tr("Female"), Sex.FEMALE.value)
        self.sex_combo.addItem(self.tr("Male"), Sex.MALE.value)
        if sex is not None:
            self.sex_combo.setCurrentIndex(self.sex_combo.findData(sex))
        self.sex_combo.blockSignals(False)
        self.role_combo.blockSignals(True)
        self.role_combo.clear()
        self.role_combo.addItem(self.tr("Choose a role…"), None)
        for r in self._catalogue.roles:
            self.role_combo.addItem(r.name.get(lang), r.id)
        if role is not None and role != NEW_ROLE:
            if self.role_combo.findData(role) < 0:  # a role the catalogue no longer has
                self.role_combo.addItem(role, role)
            self.role_combo.setCurrentIndex(self.role_combo.findData(role))
        if self._create_role is not None:
            self.role_combo.addItem(self.tr("New role…"), NEW_ROLE)
        self.role_combo.blockSignals(False)

    def _load(self, employee: Employee) -> None:
        self.number_edit.setText(employee.employee_no)
        self.number_edit.setReadOnly(True)
        self.name_edit.setText(employee.name)
        self.sex_combo.setCurrentIndex(self.sex_combo.findData(employee.sex.value))
        self.department_combo.setEditText(employee.department)
        if self.role_combo.findData(employee.role) < 0:  # a role the catalogue no longer has
            new_entry = self.role_combo.findData(NEW_ROLE)
            at = new_entry if new_entry >= 0 else self.role_combo.count()
            self.role_combo.insertItem(at, employee.role, employee.role)
        self.role_combo.setCurrentIndex(self.role_combo.findData(employee.role))
        self.site_combo.setEditText(employee.site)
        self.active_check.setChecked(employee.active)

    def problems(self) -> list[str]:
        """What stops the employee from being saved, in words (empty when it can be)."""
        found = []
        number = self.number_edit.text().strip()
        if not number:
            found.append(self.tr("Enter the employee number."))
        elif any(ch.isspace() for ch in number):
            found.append(self.tr("The employee number cannot contain spaces."))
        elif self._original is None and self._number_taken(number):
            found.append(
                self.tr("Employee number {no} is already on the roster.").format(no=number)
            )
        if not self.name_edit.text().strip():
            found.append(self.tr("Enter the name."))
        if not self.department_combo.currentText().strip():
            found.append(self.tr("Enter the department."))
        if self.role_combo.currentData() in (None, NEW_ROLE):
            found.append(self.tr("Choose the job role."))
        return found

    def started(self) -> bool:
        # Say what is missing once the user has started; Save stays off until it is right.
        return any((self.number_edit.isModified(), self.name_edit.isModified(), self._touched))

    def _on_touched(self) -> None:
        self._touched = True
        self._validate()

    def _on_role_chosen(self) -> None:
        if self.role_combo.currentData() == NEW_ROLE:
            self._open_role_dialog()
            return
        self._last_role = self.role_combo.currentData()
        self._on_touched()

    def _open_role_dialog(self) -> None:
        dialog = RoleDialog(self._catalogue, parent=self)
        dialog.accepted.connect(lambda: self._role_described(dialog.role()))
        dialog.rejected.connect(self._back_to_last_role)
        open_kept(self, "role_dialog", dialog)

    def _role_described(self, role: Role) -> None:
        catalogue = self._create_role(role) if self._create_role is not None else None
        if catalogue is None:
            self._back_to_last_role()
            return
        self._catalogue = catalogue
        self._fill_choices()
        self.role_combo.setCurrentIndex(self.role_combo.findData(role.id))

    def _back_to_last_role(self) -> None:
        self.role_combo.blockSignals(True)
        last = self.role_combo.findData(self._last_role) if self._last_role else 0
        self.role_combo.setCurrentIndex(max(0, last))
        self.role_combo.blockSignals(False)
        self._validate()

    def employee(self) -> Employee:
        """The employee as entered (keeps the database id of an edited employee)."""
        original = self._original
        return Employee(
            employee_no=self.number_edit.text().strip(),
            name=self.name_edit.text().strip(),
            sex=Sex(self.sex_combo.currentData()),
            department=self.department_combo.currentText().strip(),
            role=self.role_combo.currentData(),
            site=self.site_combo.currentText().strip(),
            active=self.active_check.isChecked(),
            id=original.id if original else None,
        )

    # -- language ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(
            self.tr("Add an employee") if self._original is None else self.tr("Edit an employee")
        )
        texts = (
            self.tr("Employee no."),
            self.tr("Name"),
            self.tr("Sex"),
            self.tr("Department"),
            self.tr("Job role"),
            self.tr("Site"),
            self.tr("Status"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.active_check.setText(self.tr("Active (on the roster for line-ups)"))
        self.number_edit.setPlaceholderText(self.tr("e.g. E0123"))
        self.word_buttons()
        self._fill_choices()
        self._validate()
