"""Finger-sized controls: every target on the line-up screens is at least 44 px high."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

TOUCH_HEIGHT = 48  # > 44 px: Apple's and Microsoft's minimum touch target


def touch_button(
    text: str = "",
    parent: QWidget | None = None,
    *,
    primary: bool = False,
    name: str = "",
    clicked: Callable[[], object] | None = None,
) -> QPushButton:
    """A finger-sized button; ``name`` is its object name, ``clicked`` runs on a tap."""
    button = QPushButton(text, parent)
    if name:
        button.setObjectName(name)
    if clicked is not None:
        button.clicked.connect(clicked)
    button.setMinimumHeight(TOUCH_HEIGHT)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the line-up, not the button
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if primary:
        button.setProperty("primary", True)
    return button


def action_button(
    action: QAction, parent: QWidget | None = None, *, primary: bool = False
) -> QToolButton:
    """A button showing an action (its text, enabled state) and triggering it."""
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setMinimumHeight(TOUCH_HEIGHT)
    button.setMinimumWidth(TOUCH_HEIGHT * 2)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    if primary:
        button.setProperty("primary", True)
    return button


# Applied to the line-up screens: large, high-contrast buttons; primary ones in green.
STYLE = """
QToolButton, QPushButton { padding: 6px 12px; border: 1px solid #9e9e9e; border-radius: 6px;
    background: #fafafa; }
QToolButton:hover, QPushButton:hover { background: #eeeeee; }
QToolButton:pressed, QPushButton:pressed { background: #e0e0e0; }
QToolButton:disabled, QPushButton:disabled { color: #9e9e9e; background: #f5f5f5; }
QToolButton[primary="true"], QPushButton[primary="true"] { background: #2e7d32; color: white;
    font-weight: bold; border-color: #1b5e20; }
QToolButton[primary="true"]:pressed, QPushButton[primary="true"]:pressed { background: #1b5e20; }
QToolButton[primary="true"]:disabled, QPushButton[primary="true"]:disabled { background: #a5d6a7; }
QTableView, QListView { selection-background-color: #90caf9; selection-color: black; }
QListView::item { min-height: 40px; padding: 0 6px; }
"""


def dialog_buttons(
    dialog: QDialog,
    buttons: QDialogButtonBox.StandardButton,
    *,
    accept: Callable[[], object] | None = None,
    height: int = TOUCH_HEIGHT,
    min_width: int = 0,
) -> QDialogButtonBox:
    """A dialog's row of finger-sized buttons: accepting runs ``accept`` (the dialog's own
    ``accept`` unless given), rejecting closes the dialog."""
    box = QDialogButtonBox(buttons)
    for button in box.buttons():
        button.setMinimumHeight(height)
        if min_width:
            button.setMinimumWidth(min_width)
    box.accepted.connect(accept or dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def touch_sized(box: QMessageBox) -> QMessageBox:
    """A message box whose buttons are finger-sized (add the buttons first)."""
    for button in box.buttons():
        button.setMinimumHeight(TOUCH_HEIGHT)
    return box
