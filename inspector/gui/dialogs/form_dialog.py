"""A dialog of fields that is saved only when they are right (the employee and role dialogs).

Under the fields it says in red what stops saving, once the user has started typing; Save stays
off until nothing does, and Enter on a wrong form does not close it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from inspector.gui.i18n import Retranslating
from inspector.gui.widgets.build import error_label
from inspector.gui.widgets.touch import dialog_buttons


class FormDialog(Retranslating, QDialog):
    """A subclass says ``problems()`` and whether the user has ``started()``; it calls
    ``_validate()`` when a field changes and ``word_buttons()`` in its ``retranslate_ui``."""

    def __init__(
        self, parent: QWidget | None, *, name: str, width: int, error_name: str, height: int
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setMinimumWidth(width)
        self.error_label = error_label(error_name)
        self.buttons = dialog_buttons(
            self,
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
            accept=self._accept_if_valid,
            height=height,
            min_width=96,
        )

    def problems(self) -> list[str]:
        """What stops the form from being saved, in words (empty when it can be)."""
        raise NotImplementedError

    def started(self) -> bool:
        """Whether the user has begun to fill the form (before, nothing is said in red)."""
        raise NotImplementedError

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def _validate(self) -> bool:
        problems = self.problems()
        self.error_label.setText("\n".join(problems) if self.started() else "")
        self.save_button.setEnabled(not problems)
        return not problems

    def _accept_if_valid(self) -> None:
        if self._validate():
            self.accept()

    def word_buttons(self) -> None:
        self.save_button.setText(QCoreApplication.translate("FormDialog", "Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("FormDialog", "Cancel")
        )
