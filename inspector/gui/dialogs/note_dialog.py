"""A note on one item: quick picks of common reasons plus free text (key N)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QWidget,
)

from inspector.gui.i18n import Retranslating
from inspector.gui.widgets.build import column, heading, line_edit
from inspector.gui.widgets.touch import TOUCH_HEIGHT, dialog_buttons, touch_button


class NoteDialog(Retranslating, QDialog):
    """Opened with ``open()`` (never blocks); emits ``note_entered(text, failed)`` on OK."""

    note_entered = Signal(str, bool)

    def __init__(
        self, item_text: str, note: str = "", *, failed: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("note_dialog")
        self.setMinimumWidth(520)
        self.item_label = heading(wrap=True, text=item_text)
        self.picks_label = QLabel()
        self.picks = QGridLayout()
        self._pick_buttons = []
        for n in range(len(self._quick_picks())):
            button = touch_button()
            button.clicked.connect(lambda _=False, n=n: self._pick(n))
            self.picks.addWidget(button, n // 2, n % 2)
            self._pick_buttons.append(button)
        self.text = line_edit("", note, height=TOUCH_HEIGHT)
        self.text.setClearButtonEnabled(True)
        self.failed = QCheckBox()
        self.failed.setChecked(failed)
        self.failed.setMinimumHeight(TOUCH_HEIGHT)
        self.buttons = dialog_buttons(
            self, QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        column(
            self,
            self.item_label,
            self.picks_label,
            self.picks,
            self.text,
            self.failed,
            self.buttons,
        )
        self.retranslate_ui()
        self.text.setFocus()

    def _quick_picks(self) -> tuple[str, ...]:
        return (
            self.tr("Corrected on the spot"),
            self.tr("Verbal reminder given"),
            self.tr("Repeat offence"),
            self.tr("Needs replacing"),
            self.tr("Follow up tomorrow"),
            self.tr("Reported to the manager"),
        )

    def _pick(self, n: int) -> None:
        pick = self._quick_picks()[n]
        current = self.text.text().strip()
        if pick not in current:
            self.text.setText(f"{current}；{pick}" if current else pick)
        self.text.setFocus()

    def note(self) -> str:
        return self.text.text().strip()

    def accept(self) -> None:
        self.note_entered.emit(self.note(), self.failed.isChecked())
        super().accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Note"))
        self.picks_label.setText(self.tr("Common reasons:"))
        for button, text in zip(self._pick_buttons, self._quick_picks(), strict=True):
            button.setText(text)
        self.text.setPlaceholderText(self.tr("Or type a note, then Enter"))
        self.failed.setText(self.tr("Mark this item as failed"))
