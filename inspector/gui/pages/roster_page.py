"""The roster screen: find, add, edit, deactivate, import and export employees; add a job role."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.checklist import Catalogue
from inspector.domain.people import Employee, Role
from inspector.gui.context import AppContext
from inspector.gui.dialogs.employee_dialog import EmployeeDialog
from inspector.gui.dialogs.role_dialog import RoleDialog
from inspector.gui.dialogs.roster_import_dialog import RosterImportDialog
from inspector.gui.errors import show_error
from inspector.gui.i18n import Retranslating
from inspector.gui.i18n import current_language as ui_language
from inspector.gui.models.base import ROW_ROLE
from inspector.gui.models.roster_model import RosterModel
from inspector.gui.widgets.build import heading, named_button, open_kept, table_view, text_label
from inspector.gui.widgets.touch import TOUCH_HEIGHT as MIN_TOUCH
from inspector.services import employees
from inspector.storage.store import ImportSummary

if TYPE_CHECKING:
    from inspector.services.roster_import import ImportPlan


class RosterPage(Retranslating, QWidget):
    """Employees as a searchable table over ``RosterModel``; every change goes to the store."""

    roster_saved = Signal()  # after any change this page made to the roster
    role_created = Signal(str)  # the id of a role added from this page or its dialogs
    import_finished = Signal(object)  # ImportSummary, or None when nothing was imported

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterPage")
        self.context = context
        self.employee_dialog: EmployeeDialog | None = None
        self.import_dialog: RosterImportDialog | None = None
        self.role_dialog: RoleDialog | None = None
        self._import_path: Path | None = None
        self._total = 0  # employees in the database, all departments, active or not

        self.title_label = heading("pageTitle", scale=1.4)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("rosterSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.department_combo = QComboBox()
        self.department_combo.setObjectName("rosterDepartment")
        self.department_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.inactive_check = QCheckBox()
        self.inactive_check.setObjectName("rosterShowInactive")

        self.add_button = self._button("rosterAdd", self.add_employee)
        self.edit_button = self._button("rosterEdit", self.edit_selected)
        self.active_button = self._button("rosterToggleActive", self.toggle_selected_active)
        self.new_role_button = self._button("rosterNewRole", self.open_role_dialog)
        self.import_button = self._button("rosterImport", lambda: self.start_import())
        self.export_button = self._button("rosterExport", lambda: self.start_export())

        self.model = RosterModel(context.catalogue, self)
        self.view = table_view(self.model, "rosterTable")
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(MIN_TOUCH)
        header = self.view.horizontalHeader()
        # Wide columns share the width; the short ones (sex, status) fit their contents.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for name in ("sex", "active"):
            header.setSectionResizeMode(
                RosterModel.COLUMNS.index(name), QHeaderView.ResizeMode.ResizeToContents
            )
        self.view.setStyleSheet("QTableView::item { padding: 0 8px; }")
        self.view.doubleClicked.connect(self._on_double_click)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.status_label = text_label("rosterStatus")

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.department_combo, 1)
        filters.addWidget(self.inactive_check)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.new_role_button)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)

        self.search_edit.textChanged.connect(self.refresh)
        self.department_combo.currentIndexChanged.connect(self.refresh)
        self.inactive_check.toggled.connect(self.refresh)
        context.events.roster_changed.connect(self._on_roster_changed)
        context.events.catalogue_changed.connect(
            lambda: self.model.set_catalogue(context.catalogue)
        )
        context.events.language_changed.connect(lambda _lang: self.retranslate_ui())

        self.retranslate_ui()
        self._fill_departments()
        self.refresh()

    def _button(self, name: str, slot) -> QPushButton:
        return named_button(name, slot, height=MIN_TOUCH, min_width=88)

    # -- the table --------------------------------------------------------------------------

    def _fill_departments(self) -> None:
        current = self.department_combo.currentData()
        self.department_combo.blockSignals(True)
        self.department_combo.clear()
        self.department_combo.addItem(self.tr("All departments"), None)
        for department in self.context.store.departments():
            self.department_combo.addItem(department, department)
        index = self.department_combo.findData(current) if current else 0
        self.department_combo.setCurrentIndex(max(0, index))
        self.department_combo.blockSignals(False)

    def refresh(self) -> None:
        """Re-read the employees that match the search, department and inactive toggle."""
        selected = self.selected_employee()
        employees = self.context.store.list_employees(
            active_only=not self.inactive_check.isChecked(),
            search=self.search_edit.text().strip(),
            department=self.department_combo.currentData(),
        )
        self.model.set_employees(employees)
        self._total = self.context.store.employee_count()
        if selected is not None and selected.id is not None:
            self.select_employee(selected.id)
        self._update_status()
        self._update_buttons()

    def _on_roster_changed(self) -> None:
        self._fill_departments()
        self.refresh()

    def select_employee(self, employee_id: int) -> bool:
        row = self.model.row_of(employee_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def selected_employee(self) -> Employee | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_status(self) -> None:
        shown = self.model.rowCount()
        self.status_label.setText(
            self.tr("{shown} of {total} employees shown").format(shown=shown, total=self._total)
        )

    def _update_buttons(self) -> None:
        employee = self.selected_employee()
        writable = not self.context.read_only
        self.add_button.setEnabled(writable)
        self.new_role_button.setEnabled(writable)
        self.import_button.setEnabled(writable)
        self.edit_button.setEnabled(writable and employee is not None)
        self.active_button.setEnabled(writable and employee is not None)
        if employee is not None and not employee.active:
            self.active_button.setText(self.tr("Reactivate"))
        else:
            self.active_button.setText(self.tr("Deactivate"))
        self.export_button.setEnabled(self.model.rowCount() > 0)

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid() and not self.context.read_only:
            self.edit_selected()

    # -- add, edit, deactivate --------------------------------------------------------------

    def add_employee(self) -> None:
        self._open_employee_dialog(None)

    def edit_selected(self) -> None:
        employee = self.selected_employee()
        if employee is not None:
            self._open_employee_dialog(employee)

    def _open_employee_dialog(self, employee: Employee | None) -> None:
        store = self.context.store
        dialog = EmployeeDialog(
            self.context.catalogue,
            employee=employee,
            departments=store.departments(),
            sites=store.sites(),
            number_taken=lambda no: store.employee_by_no(no) is not None,
            create_role=None if self.context.read_only else self.create_role,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._save_employee(dialog.employee()))
        dialog.finished.connect(lambda _result: setattr(self, "employee_dialog", None))
        self.employee_dialog = dialog
        dialog.open()

    def _save_employee(self, employee: Employee) -> None:
        try:
            saved = employees.save_employee(self.context.store, employee)
        except Exception as exc:
            show_error(self, exc, self.tr("The employee was not saved"))
            return
        self._changed()
        self.select_employee(saved.id)

    # -- roles ------------------------------------------------------------------------------

    def open_role_dialog(self) -> None:
        """Describe a new job role; it is added to the company's roles on Save."""
        dialog = RoleDialog(self.context.catalogue, parent=self)
        dialog.accepted.connect(lambda: self.create_role(dialog.role()))
        open_kept(self, "role_dialog", dialog)

    def create_role(self, role: Role) -> Catalogue | None:
        """Add ``role`` to the roles.toml of the user's checklist folder and use the reloaded
        checklists everywhere; None (after saying why) when it cannot be added. A small file
        and a reload of the checklists: done here, not in the background, because the
        dialog that asked goes on with the new role."""
        from inspector.services.roles import create_role

        try:
            catalogue = create_role(role, self.context.catalogue, self.context.checklist_dirs)
        except Exception as exc:
            show_error(self, exc, self.tr("The role was not added"))
            return None
        self.context.set_catalogue(catalogue)
        self.status_label.setText(
            self.tr("Role {name} added: it can be chosen for employees now.").format(
                name=role.name.get(ui_language())
            )
        )
        self.role_created.emit(role.id)
        return catalogue

    def toggle_selected_active(self) -> None:
        employee = self.selected_employee()
        if employee is None or employee.id is None:
            return
        try:
            employees.set_active(self.context.store, employee.id, not employee.active)
        except Exception as exc:
            show_error(self, exc)
            return
        self._changed()
        if employee.active:
            self.status_label.setText(
                self.tr("{name} is deactivated: no longer called to line-ups.").format(
                    name=employee.name
                )
            )
        else:
            self.status_label.setText(self.tr("{name} is active again.").format(name=employee.name))

    def _changed(self) -> None:
        """Tell every screen; this page refreshes through the same event."""
        self.context.events.roster_changed.emit()
        self.roster_saved.emit()

    # -- import -----------------------------------------------------------------------------

    def start_import(self, path: str | Path | None = None) -> None:
        """Ask for a CSV or Excel file (unless given), read it in the background, preview it."""
        if self.context.read_only:
            return
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Import a roster file"),
                str(Path.home()),
                self.tr("Roster files (*.csv *.xlsx);;All files (*)"),
            )
            if not chosen:
                return
            path = chosen
        path = Path(path)
        catalogue = self.context.catalogue
        self._import_path = path
        self.import_button.setEnabled(False)
        self.status_label.setText(self.tr("Reading {name}…").format(name=path.name))

        def read(_store, _progress):
            from inspector.services.roster_import import read_file

            return read_file(path, catalogue)

        self.context.runner.submit(read, on_done=self._show_preview, on_error=self._import_failed)

    def _import_failed(self, exc: Exception) -> None:
        self._update_buttons()
        self._update_status()
        show_error(self, exc, self.tr("The roster was not imported"))
        self.import_finished.emit(None)

    def _show_preview(self, preview: object) -> None:
        self._update_buttons()
        self._update_status()
        dialog = RosterImportDialog(
            preview,
            self.context.store.list_employees(),
            self.context.catalogue,
            path=self._import_path,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._apply_import(dialog.plan))
        dialog.rejected.connect(self._import_cancelled)
        dialog.finished.connect(lambda _result: setattr(self, "import_dialog", None))
        self.import_dialog = dialog
        dialog.open()

    def _import_cancelled(self) -> None:
        self.status_label.setText(self.tr("Nothing was imported."))
        self.import_finished.emit(None)

    def _apply_import(self, plan: ImportPlan) -> None:
        """Save what the preview showed; with bad rows, accepting meant "the good rows only".
        The roles chosen for new job titles are remembered first."""
        self.import_button.setEnabled(False)
        catalogue = self.context.catalogue
        dirs = self.context.checklist_dirs

        def upsert(store, _progress):
            from inspector.services.roster_import import save_with_roles

            return save_with_roles(store, plan, catalogue, extra_dirs=dirs, good_rows_only=True)

        self.context.runner.submit(upsert, on_done=self._imported, on_error=self._import_failed)

    def _imported(self, result: tuple[ImportSummary, Catalogue]) -> None:
        summary, catalogue = result
        self.context.set_catalogue(catalogue)
        self._changed()
        self.status_label.setText(
            self.tr("Imported: {added} added, {updated} updated, {unchanged} unchanged.").format(
                added=summary.added, updated=summary.updated, unchanged=summary.unchanged
            )
        )
        self.import_finished.emit(summary)

    # -- export -----------------------------------------------------------------------------

    def start_export(self, path: str | Path | None = None) -> None:
        """Write the employees shown to a CSV or Excel file (asks where, unless given)."""
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the roster"),
                str(Path.home() / "roster.xlsx"),
                self.tr("Excel workbook (*.xlsx);;CSV file (*.csv)"),
            )
            if not chosen:
                return
            path = chosen
        path = Path(path)
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".xlsx")
        employees = self.model.employees()
        catalogue = self.context.catalogue

        def write(_store, _progress):
            from inspector.files.roster import write_roster

            write_roster(path, employees, catalogue)
            return path

        self.export_button.setEnabled(False)
        self.context.runner.submit(write, on_done=self._exported, on_error=self._export_failed)

    def _exported(self, path: Path) -> None:
        self._update_buttons()
        self.status_label.setText(self.tr("Roster exported to {path}").format(path=path))

    def _export_failed(self, exc: Exception) -> None:
        self._update_buttons()
        show_error(self, exc, self.tr("The roster was not exported"))

    # -- language ---------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Reword everything shown (no database access: this runs on every language switch)."""
        self.title_label.setText(self.tr("Roster"))
        self.search_edit.setPlaceholderText(self.tr("Search by number, name or department"))
        self.inactive_check.setText(self.tr("Show inactive"))
        self.add_button.setText(self.tr("Add…"))
        self.new_role_button.setText(self.tr("New role…"))
        self.new_role_button.setToolTip(
            self.tr(
                "Add a job role with the uniform parts it wears (saved in your checklist folder)"
            )
        )
        self.edit_button.setText(self.tr("Edit…"))
        self.import_button.setText(self.tr("Import file…"))
        self.export_button.setText(self.tr("Export…"))
        self.department_combo.setItemText(0, self.tr("All departments"))
        if self.context.read_only:
            tip = self.tr("The database is open read-only.")
            for button in (
                self.add_button,
                self.edit_button,
                self.active_button,
                self.new_role_button,
            ):
                button.setToolTip(tip)
        self.model.set_language(ui_language())
        self._update_buttons()
        self._update_status()
