"""A new job role: its names in Chinese and English and the uniform parts it wears.

Opened from the roster import preview (for a job title the checklists do not know), from the
role list of the employee dialog and from the roster screen. The dialog only describes the
role; whoever opened it creates it (``services.roles``), so nothing is written on Cancel.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QWidget,
)

from inspector.domain.checklist import Catalogue
from inspector.domain.people import Role
from inspector.gui.dialogs.form_dialog import FormDialog
from inspector.gui.i18n import current_language as ui_language
from inspector.gui.widgets.build import column, form_rows, line_edit, text_label
from inspector.services.roles import new_role, role_problems, suggest_role_id

MIN_TOUCH = 40
MAX_NAME_LENGTH = 40

EVERYONE, WOMEN, MEN = "everyone", "female", "male"


class RoleDialog(FormDialog):
    """``role()`` gives the described role once the dialog is accepted.

    ``title``: the roster's job title the role is for (the Chinese name starts as it; the
    import remembers the title as a name of the role); ``taken_ids``: ids of roles described
    but not yet created.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        *,
        title: str = "",
        taken_ids: Iterable[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent, name="roleDialog", width=460, error_name="roleError", height=MIN_TOUCH
        )
        self._catalogue = catalogue
        self._title = title.strip()
        self._taken = tuple(taken_ids)
        self._id_edited = False

        self.intro_label = text_label("roleIntro", wrap=True)
        fitted = {"max_length": MAX_NAME_LENGTH, "height": MIN_TOUCH}
        self.zh_edit = line_edit("roleZh", self._title, **fitted)
        self.en_edit = line_edit("roleEn", **fitted)
        self.id_edit = line_edit("roleId", **fitted)
        form = QFormLayout()
        self._labels = form_rows(form, (self.zh_edit, self.en_edit, self.id_edit))

        # One row a uniform part: tick it if the role wears it; by default everyone does.
        self.parts_box = QGroupBox()
        grid = QGridLayout(self.parts_box)
        self.part_checks: dict[str, QCheckBox] = {}
        self.part_for: dict[str, QComboBox] = {}
        for row, part in enumerate(catalogue.parts):
            check = QCheckBox()
            check.setObjectName(f"part-{part.id}")
            check.setMinimumHeight(MIN_TOUCH)
            worn_by = QComboBox()
            worn_by.setObjectName(f"partFor-{part.id}")
            worn_by.setEnabled(False)
            check.toggled.connect(worn_by.setEnabled)
            check.toggled.connect(self._validate)
            grid.addWidget(check, row, 0)
            grid.addWidget(worn_by, row, 1)
            self.part_checks[part.id] = check
            self.part_for[part.id] = worn_by

        column(self, self.intro_label, form, self.parts_box, self.error_label, self.buttons)

        self.en_edit.textChanged.connect(self._suggest_id)
        self.zh_edit.textChanged.connect(self._validate)
        self.id_edit.textEdited.connect(self._on_id_edited)
        self.id_edit.textChanged.connect(self._validate)
        self.retranslate_ui()
        self._suggest_id()

    def _on_id_edited(self) -> None:
        self._id_edited = bool(self.id_edit.text())

    def _suggest_id(self) -> None:
        if not self._id_edited:
            self.id_edit.setText(
                suggest_role_id(
                    self.en_edit.text(), self.zh_edit.text(), self._catalogue, self._taken
                )
            )
        self._validate()

    def role(self) -> Role:
        """The role as described."""
        worn: dict[str, list[str]] = {EVERYONE: [], WOMEN: [], MEN: []}
        for part_id, check in self.part_checks.items():
            if check.isChecked():
                worn[self.part_for[part_id].currentData() or EVERYONE].append(part_id)
        return new_role(
            self.id_edit.text().strip(),
            self.zh_edit.text(),
            self.en_edit.text(),
            common=worn[EVERYONE],
            female=worn[WOMEN],
            male=worn[MEN],
        )

    def problems(self) -> list[str]:
        """What stops the role from being created, in the interface language."""
        lang = ui_language()
        return [p.text(lang) for p in role_problems(self.role(), self._catalogue, self._taken)]

    def started(self) -> bool:
        return self.en_edit.isModified() or self.zh_edit.isModified()

    def retranslate_ui(self) -> None:
        lang = ui_language()
        self.setWindowTitle(self.tr("New role"))
        if self._title:
            self.intro_label.setText(
                self.tr(
                    "A new job role for “{title}”: its names and the uniform parts it wears. "
                    "The line-up checks what the uniform has."
                ).format(title=self._title)
            )
        else:
            self.intro_label.setText(
                self.tr(
                    "A new job role: its names and the uniform parts it wears. The line-up "
                    "checks what the uniform has."
                )
            )
        for field_label, text in zip(
            self._labels,
            (self.tr("Chinese name"), self.tr("English name"), self.tr("Id")),
            strict=True,
        ):
            field_label.setText(text)
        self.en_edit.setPlaceholderText(self.tr("e.g. Electrician"))
        self.id_edit.setToolTip(
            self.tr("Lower-case letters, digits, - and _; filled in from the English name.")
        )
        self.parts_box.setTitle(self.tr("Uniform parts the role wears"))
        for part in self._catalogue.parts:
            self.part_checks[part.id].setText(part.name.get(lang))
            combo = self.part_for[part.id]
            current = combo.currentData()
            combo.clear()
            combo.addItem(self.tr("Everyone"), EVERYONE)
            combo.addItem(self.tr("Women only"), WOMEN)
            combo.addItem(self.tr("Men only"), MEN)
            combo.setCurrentIndex(max(0, combo.findData(current)))
        self.word_buttons()
        self._validate()
