"""The preview of a roster import: what would be added and changed, and the rows that cannot be.

When the file has bad rows the safe choice is the default: import nothing (Cancel). Importing
the rest is a separate, clearly labelled button: "Import the N good rows only".

Job titles no role is known by are listed with their row counts and a role list each: an
existing role, or "New role…" (the role dialog). Once every title has a role the whole file
imports; until then only the other rows can be. The roles chosen are remembered when the
import is saved (``roster_import.save_with_roles``), not before.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QWidget,
)

from inspector.domain.checklist import Catalogue
from inspector.domain.people import Employee, Role
from inspector.files.roster import RosterChanges, RosterPreview
from inspector.gui.dialogs.role_dialog import RoleDialog
from inspector.gui.i18n import current_language as ui_language
from inspector.gui.models.roster_model import (
    ChangeRow,
    ImportChangesModel,
    RosterWords,
    RowProblemsModel,
    role_name,
)
from inspector.gui.widgets.build import column, heading, open_kept, table_view, text_label
from inspector.gui.widgets.touch import TOUCH_HEIGHT as MIN_TOUCH
from inspector.services import roster_import
from inspector.services.roles import RoleChoice, role_id_of

NEW_ROLE = "\x00new-role"  # the data of the "New role…" entry of a title's role list


FIELDS = ("name", "sex", "department", "role", "site", "active")


class ChangeWords(QObject):
    """Words for the details of a change (field names and values)."""

    def field(self, name: str) -> str:
        return {
            "name": self.tr("Name"),
            "sex": self.tr("Sex"),
            "department": self.tr("Department"),
            "role": self.tr("Role"),
            "site": self.tr("Site"),
            "active": self.tr("Status"),
        }[name]

    def change(self, name: str, before: str, after: str) -> str:
        return self.tr("{field}: {before} → {after}").format(
            field=self.field(name), before=before, after=after
        )


def change_rows(changes: RosterChanges, catalogue: Catalogue, parent: QObject) -> list[ChangeRow]:
    lang = ui_language()
    words = RosterWords(parent)
    fields = ChangeWords(parent)

    def value(employee: Employee, name: str) -> str:
        if name == "sex":
            return words.sex(employee.sex)
        if name == "role":
            return role_name(catalogue, employee.role, lang)
        if name == "active":
            return words.active(employee.active)
        return str(getattr(employee, name)) or "–"

    rows = []
    for employee in changes.new:
        details = " · ".join(
            value(employee, f) for f in ("sex", "department", "role", "site") if value(employee, f)
        )
        rows.append(ChangeRow("new", employee, details))
    for before, after in changes.updated:
        details = "; ".join(
            fields.change(f, value(before, f), value(after, f))
            for f in FIELDS
            if getattr(before, f) != getattr(after, f)
        )
        rows.append(ChangeRow("updated", after, details))
    return rows


class RosterImportDialog(QDialog):
    """Shows a ``RosterPreview``; accepted means: import ``employees_to_import()``."""

    def __init__(
        self,
        preview: RosterPreview,
        existing: Sequence[Employee],
        catalogue: Catalogue,
        *,
        path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rosterImportDialog")
        self.resize(860, 600)
        self._path = path
        self._preview = preview
        self._existing = list(existing)
        self._catalogue = catalogue
        self._choices: dict[str, RoleChoice] = {}  # title -> role id or new Role
        self._new_roles: dict[str, Role] = {}  # described here, created when the import is saved
        self.role_dialog: RoleDialog | None = None
        self.plan = roster_import.plan_from(preview, existing)
        self.titles = list(self.plan.titles)
        self._problems = list(preview.problems)
        self.changes: RosterChanges = self.plan.changes
        # As they will be saved: without a status column, people keep their active flag.
        self._employees: tuple[Employee, ...] = self.plan.employees_to_save()

        self.file_label = text_label("importFile", wrap=True)
        self.summary_label = heading("importSummary", scale=1.2)

        self.changes_title = QLabel()
        self.changes_model = ImportChangesModel(change_rows(self.changes, catalogue, self), self)
        self.changes_view = self._table(self.changes_model, "importChanges")
        self.problems_title = text_label("problemsTitle")
        self.problems_model = RowProblemsModel(self._problems, self)
        self.problems_view = self._table(self.problems_model, "importProblems")
        # Long reasons (an unknown role lists the known ones) wrap instead of being cut off.
        self.problems_view.setWordWrap(True)
        self.problems_view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.problems_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.problems_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.note_label = text_label("importNote", wrap=True)

        # The new job titles, each with its row count and a role list.
        self.titles_title = text_label("titlesTitle", wrap=True)
        self.title_combos: dict[str, QComboBox] = {}
        self._count_labels: dict[str, QLabel] = {}
        titles_widget = QWidget()
        grid = QGridLayout(titles_widget)
        grid.setColumnStretch(2, 1)
        for row, title in enumerate(self.titles):
            name = text_label(f"title-{row}", text=title.title)
            count = QLabel()
            combo = QComboBox()
            combo.setObjectName(f"titleRole-{row}")
            combo.setMinimumHeight(MIN_TOUCH)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _index, t=title.title: self._on_title_role(t))
            grid.addWidget(name, row, 0)
            grid.addWidget(count, row, 1)
            grid.addWidget(combo, row, 2)
            self.title_combos[title.title] = combo
            self._count_labels[title.title] = count
        self.titles_area = QScrollArea()
        self.titles_area.setObjectName("importTitles")
        self.titles_area.setWidgetResizable(True)
        self.titles_area.setWidget(titles_widget)
        self.titles_area.setMaximumHeight((MIN_TOUCH + 12) * min(len(self.titles), 4) + 12)

        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelImportButton")
        for button in (self.import_button, self.cancel_button):
            button.setMinimumHeight(MIN_TOUCH)
            button.setMinimumWidth(120)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # With bad rows, Enter must not import: Cancel is the default (and has the focus).
        has_problems = bool(self._problems)

        column(
            self,
            self.file_label,
            self.summary_label,
            self.titles_title,
            self.titles_area,
            self.changes_title,
            (self.changes_view, 3),
            self.problems_title,
            (self.problems_view, 2),
            self.note_label,
            self.buttons,
        )
        self.problems_title.setVisible(has_problems)
        self.problems_view.setVisible(has_problems)
        self.titles_title.setVisible(bool(self.titles))
        self.titles_area.setVisible(bool(self.titles))
        self.retranslate_ui()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        importable = self._complete and self.import_button.isEnabled()
        default = self.import_button if importable else self.cancel_button
        default.setDefault(True)
        default.setFocus()

    def _table(self, model: QAbstractItemModel, name: str) -> QTableView:
        view = table_view(model, name, single=False)
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return view

    @property
    def change_count(self) -> int:
        return len(self.changes.new) + len(self.changes.updated)

    @property
    def _complete(self) -> bool:
        """Every row of the file can be imported: no bad rows, a role for every new title."""
        return not self._problems and not self.plan.unmapped

    # -- new job titles ---------------------------------------------------------------------

    def _shown_catalogue(self) -> Catalogue:
        """The catalogue with the roles described here, to name them in the preview."""
        if not self._new_roles:
            return self._catalogue
        c = self._catalogue
        return Catalogue(
            sets=c.sets, roles=(*c.roles, *self._new_roles.values()), areas=c.areas, parts=c.parts
        )

    def _fill_title_combo(self, title: str) -> None:
        combo = self.title_combos[title]
        lang = ui_language()
        choice = self._choices.get(title)
        chosen = role_id_of(choice) if choice is not None else None
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Choose a role…"), None)
        for role in self._catalogue.roles:
            combo.addItem(role.name.get(lang), role.id)
        for role in self._new_roles.values():
            combo.addItem(self.tr("{name} (new)").format(name=role.name.get(lang)), role.id)
        combo.addItem(self.tr("New role…"), NEW_ROLE)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
        combo.blockSignals(False)

    def _on_title_role(self, title: str) -> None:
        data = self.title_combos[title].currentData()
        if data == NEW_ROLE:
            self._open_role_dialog(title)
            return
        if data is None:
            self._choices.pop(title, None)
        else:
            self._choices[title] = self._new_roles.get(data, data)
        self._replan()

    def _open_role_dialog(self, title: str) -> None:
        dialog = RoleDialog(
            self._catalogue, title=title, taken_ids=tuple(self._new_roles), parent=self
        )
        dialog.accepted.connect(lambda: self._role_described(title, dialog.role()))
        dialog.rejected.connect(lambda: self._fill_title_combo(title))
        open_kept(self, "role_dialog", dialog)

    def _role_described(self, title: str, role: Role) -> None:
        self._new_roles[role.id] = role
        self._choices[title] = role
        for other in self.title_combos:
            self._fill_title_combo(other)
        self._replan()

    def _replan(self) -> None:
        self.plan = roster_import.plan_from(self._preview, self._existing, self._choices)
        self.changes = self.plan.changes
        self._employees = self.plan.employees_to_save()
        self.changes_model = ImportChangesModel(
            change_rows(self.changes, self._shown_catalogue(), self), self
        )
        self.changes_view.setModel(self.changes_model)
        self.retranslate_ui()
        if self.isVisible():  # once the whole file can be imported, Enter imports it
            importable = self._complete and self.import_button.isEnabled()
            self.import_button.setDefault(importable)
            self.cancel_button.setDefault(not importable)

    @property
    def problem_count(self) -> int:
        return len(self._problems)

    def employees_to_import(self) -> tuple[Employee, ...]:
        """The good rows of the file as they will be saved (bad rows are never among them)."""
        return self._employees

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import the roster"))
        self.titles_title.setText(
            self.tr(
                "Job titles with no role yet: choose the role of each (or create one). They "
                "are remembered for the next import."
            )
        )
        for title in self.titles:
            self._count_labels[title.title].setText(
                self.tr("1 row") if title.count == 1 else self.tr("{n} rows").format(n=title.count)
            )
            self._fill_title_combo(title.title)
        if self._path is not None:
            self.file_label.setText(self.tr("File: {name}").format(name=self._path.name))
        self.summary_label.setText(
            self.tr(
                "New: {new}    Updated: {updated}    Unchanged: {unchanged}    Bad rows: {bad}"
            ).format(
                new=len(self.changes.new),
                updated=len(self.changes.updated),
                unchanged=len(self.changes.unchanged),
                bad=self.problem_count,
            )
        )
        self.changes_title.setText(self.tr("What the import changes:"))
        self.problems_title.setText(self.tr("Rows that cannot be imported:"))
        good = len(self._employees)
        unmapped = self.plan.unmapped_rows
        self.changes_title.setVisible(bool(self.change_count))
        self.changes_view.setVisible(bool(self.change_count))
        self.import_button.setEnabled(bool(self._employees) and self.change_count > 0)
        self.import_button.setAutoDefault(self._complete)
        if self._problems:
            self.import_button.setText(self.tr("Import the {n} good rows only").format(n=good))
            self.note_label.setText(
                self.tr(
                    "{bad} rows of the file cannot be imported. Nothing is imported unless you "
                    "choose to: correct the file and import it again, or import the {n} good "
                    "rows only."
                ).format(bad=self.problem_count, n=good)
            )
            if unmapped:
                self.note_label.setText(
                    self.note_label.text()
                    + " "
                    + self.tr("The {m} rows of titles with no role are not among them.").format(
                        m=unmapped
                    )
                )
            self.cancel_button.setText(self.tr("Import nothing"))
        elif unmapped:
            self.import_button.setText(self.tr("Import the {n} other rows only").format(n=good))
            self.note_label.setText(
                self.tr(
                    "{m} rows have a job title with no role yet. Choose a role for each title "
                    "to import the whole file, or import the {n} other rows only."
                ).format(m=unmapped, n=good)
            )
            self.cancel_button.setText(self.tr("Import nothing"))
        else:
            self.import_button.setText(self.tr("Import {n} rows").format(n=good))
            self.cancel_button.setText(self.tr("Cancel"))
            if not self.change_count:
                self.note_label.setText(self.tr("The roster already matches the file."))
            else:
                self.note_label.clear()
        self.note_label.setVisible(bool(self.note_label.text()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.problems_model.set_language(ui_language())
            self.retranslate_ui()
        super().changeEvent(event)
