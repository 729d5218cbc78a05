"""The keyboard reference (F1 or ?). docs/gui.md repeats it; a test keeps the two in step."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from inspector.gui.i18n import Retranslating
from inspector.gui.widgets.build import column, text_label
from inspector.gui.widgets.touch import dialog_buttons

# (keys as written in docs/gui.md, what they do), translated when shown.
SHORTCUTS: tuple[tuple[str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Enter"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Start today's line-up, or resume the unfinished one"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Space"),
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog",
            "Every point not marked passes; save; go to the next person to do",
        ),
    ),
    (
        "1–9",
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog",
            "Jump to that body area (its digit is beside it); in the picker: that reason",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Up / Down"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Move between the points"),
    ),
    (
        "X",
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog",
            "The reasons of the point, numbered 1–9 (a point with one reason fails at once); "
            "in the picker: several reasons",
        ),
    ),
    (
        "N",
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "A note on the reason just recorded (common reasons or free text)"
        ),
    ),
    (
        "Esc",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Close the reason picker; on the grid, back"),
    ),
    (
        "F",
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "The fault of the point was fixed on the spot (press again to undo)"
        ),
    ),
    ("P", QT_TRANSLATE_NOOP("ShortcutsDialog", "Add a photo to the failed point")),
    ("A", QT_TRANSLATE_NOOP("ShortcutsDialog", "Absent (press again to undo)")),
    ("L", QT_TRANSLATE_NOOP("ShortcutsDialog", "On leave (press again to undo)")),
    ("T", QT_TRANSLATE_NOOP("ShortcutsDialog", "Late (late people are still inspected)")),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Left / Right"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Previous / next person"),
    ),
    (
        "G",
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "Grid of the whole line-up; Enter or double-click jumps to a person"
        ),
    ),
    (
        "Ctrl+Return",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Finish the line-up (confirm with Enter)"),
    ),
    ("F1 / ?", QT_TRANSLATE_NOOP("ShortcutsDialog", "This list of shortcuts")),
)


def shortcut_rows() -> list[tuple[str, str]]:
    """The shortcuts in the interface language."""
    return [
        (
            QCoreApplication.translate("ShortcutsDialog", keys),
            QCoreApplication.translate("ShortcutsDialog", text),
        )
        for keys, text in SHORTCUTS
    ]


class ShortcutsDialog(Retranslating, QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setMinimumWidth(760)
        self.intro = text_label(wrap=True)
        self.table = text_label("shortcuts_table", wrap=True)
        self.buttons = dialog_buttons(self, QDialogButtonBox.StandardButton.Close)
        column(self, self.intro, self.table, self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.intro.setText(
            self.tr(
                "Record only the exceptions: Space passes everyone who is fine. Every key also "
                "has a button on the screen."
            )
        )
        rows = "".join(
            f"<tr><td style='padding:4px 16px 4px 0'><b>{escape(keys)}</b></td>"
            f"<td style='padding:4px 0'>{escape(text)}</td></tr>"
            for keys, text in shortcut_rows()
        )
        self.table.setText(f"<table>{rows}</table>")
