"""A change to a finished line-up needs a reason and its author; the change log keeps both, with
the time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from inspector.gui.i18n import Retranslating, current_language
from inspector.gui.widgets import status as look
from inspector.gui.widgets.build import column, form_rows, line_edit, open_kept, text_label
from inspector.gui.widgets.touch import TOUCH_HEIGHT, dialog_buttons, touch_button
from inspector.services.lineup_session import Change


class Amends(Protocol):
    """What the dialog asks of a line-up's or an observation's controller."""

    def supervisor_name(self) -> str: ...

    def apply_amendment(self, change: Change, reason: str, author: str) -> object: ...


def ask_amendment(
    owner: QWidget, controller: Amends, change: Change, *, finished: Callable[[], object]
) -> AmendDialog:
    """Open the dialog for ``change`` over ``owner`` (held as ``owner.amend_dialog`` while open);
    a confirmed change goes to the controller, ``finished`` runs once it is answered."""
    dialog = AmendDialog(change, controller.supervisor_name(), parent=owner)
    dialog.amended.connect(controller.apply_amendment)
    open_kept(owner, "amend_dialog", dialog, finished=finished)
    return dialog


class AmendDialog(Retranslating, QDialog):
    """Opened with ``open()``; emits ``amended(change, reason, author)`` when confirmed with a
    reason and who makes the change (prefilled with the line-up's supervisor)."""

    amended = Signal(object, str, str)

    def __init__(self, change: Change, changed_by: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("amend_dialog")
        self.setMinimumWidth(560)
        self.change = change
        self.intro = text_label(wrap=True)
        self.person = QLabel(change.person)
        self.what = text_label(wrap=True)
        self.change_text = QLabel()
        self.by = line_edit("amend_author", changed_by, height=TOUCH_HEIGHT)
        self.by.textChanged.connect(self._update_ok)
        self.reason = line_edit("", height=TOUCH_HEIGHT)
        self.reason.textChanged.connect(self._update_ok)
        form = QFormLayout()
        fields = (self.person, self.what, self.change_text, self.by, self.reason)
        self.person_label, self.what_label, self.change_label, self.by_label, self.reason_label = (
            form_rows(form, fields)
        )
        self.picks = QHBoxLayout()
        self._pick_buttons = []
        for n in range(len(self._quick_reasons())):
            button = touch_button()
            button.clicked.connect(
                lambda _=False, n=n: self.reason.setText(self._quick_reasons()[n])
            )
            self.picks.addWidget(button)
            self._pick_buttons.append(button)
        self.buttons = dialog_buttons(
            self, QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        column(self, self.intro, form, self.picks, self.buttons)
        self.retranslate_ui()
        self._update_ok()
        (self.reason if changed_by.strip() else self.by).setFocus()

    def _quick_reasons(self) -> tuple[str, ...]:
        return (
            self.tr("Recorded by mistake"),
            self.tr("Checked again"),
            self.tr("Employee arrived later"),
        )

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.reason.text().strip() and self.by.text().strip())
        )

    def accept(self) -> None:
        reason, author = self.reason.text().strip(), self.by.text().strip()
        if not author:  # Enter with nobody named: the change log needs its author
            self.by.setFocus()
            return
        if not reason:  # Enter in an empty field: a reason is required
            self.reason.setFocus()
            return
        self.amended.emit(self.change, reason, author)
        super().accept()

    def _describe(self) -> tuple[str, str]:
        change = self.change
        if change.inspect:
            return self.tr("Inspection"), self.tr("Not inspected → inspected now")
        if change.attendance is not None:
            return (
                self.tr("Attendance"),
                f"{look.attendance_text(change.before_attendance)} → "
                f"{look.attendance_text(change.attendance)}",
            )
        what = change.item_text.get(current_language()) if change.item_text else change.item_id
        parts = []
        if change.result is not None and change.result != change.before_result:
            parts.append(
                f"{look.word(change.before_result or change.result)} → {look.word(change.result)}"
            )
        if change.note is not None:
            parts.append(self.tr("Note: {note}").format(note=change.note or "–"))
        if change.photo:
            parts.append(self.tr("Photo added"))
        return what or "", "；".join(parts)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Change a finished line-up"))
        self.intro.setText(
            self.tr(
                "This line-up is finished. The change is recorded in the change log with your "
                "name, the time and a reason."
            )
        )
        self.person_label.setText(self.tr("Person:"))
        self.what_label.setText(self.tr("Item:"))
        self.change_label.setText(self.tr("Change:"))
        self.by_label.setText(self.tr("Changed by:"))
        self.by.setPlaceholderText(self.tr("Your name (required)"))
        self.reason_label.setText(self.tr("Reason:"))
        self.reason.setPlaceholderText(self.tr("Required"))
        what, change = self._describe()
        self.what.setText(what)
        self.change_text.setText(change)
        for button, text in zip(self._pick_buttons, self._quick_reasons(), strict=True):
            button.setText(text)
