"""The fault reasons of the highlighted point, numbered 1-9, beside the points.

Always shows the reasons of the point on screen, so that a finger can tap a point and then a
reason. X opens it for the keyboard (a digit records that reason and closes it); X again lets
the digits record several reasons; N asks for a note; Esc closes. The panel only shows and
says what was tapped: PersonView decides what a key or a tap does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from inspector.domain.checklist import MAX_KEYS, Severity
from inspector.gui.i18n import Retranslating, current_language
from inspector.gui.models.lineup_items_model import PointRow
from inspector.gui.widgets import status as look
from inspector.gui.widgets.build import heading, text_label
from inspector.gui.widgets.touch import STYLE, TOUCH_HEIGHT, touch_button

REASON_HEIGHT = TOUCH_HEIGHT - 4


class ReasonButton(QLabel):
    """One reason: its key and words, wrapped onto a second line when long; a tap records it."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMinimumHeight(REASON_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.failed: bool | None = None  # as last styled (a style sheet costs time: only on change)

    def show_reason(
        self, key: int, text: str, *, failed: bool, critical: bool, fixed: str = ""
    ) -> None:
        """``fixed``: the words shown when the fault was fixed on the spot ("" if not)."""
        tick = "✘" if failed else "☐"
        severity = f"  ({look.word(Severity.CRITICAL)})" if critical else ""
        done = f"&nbsp;&nbsp;✓ {fixed}" if fixed and failed else ""
        self.setText(f"<b>{key}</b>&nbsp;&nbsp;{tick} {text}{severity}{done}")
        if self.failed is failed:
            return
        self.failed = failed
        background = look.BACKGROUNDS["faults"].name() if failed else "#fafafa"
        border = look.COLOURS["faults"].name() if failed else "#9e9e9e"
        weight = "bold" if failed else "normal"
        self.setStyleSheet(
            f"QLabel {{ background:{background}; border:1px solid {border}; border-radius:6px;"
            f" padding:2px 8px; font-weight:{weight}; }}"
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class ReasonPicker(Retranslating, QFrame):
    """``reason_tapped(reason_id)`` on a tap; the buttons below say N, X and Esc for a finger."""

    reason_tapped = Signal(str)
    note_tapped = Signal()
    several_tapped = Signal()
    close_tapped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reason_picker")
        self.setStyleSheet(
            STYLE
            + "QFrame#reason_picker { border:2px solid #bdbdbd; border-radius:6px; }"
            + f'QFrame#reason_picker[open="true"] {{ border:2px solid {look.COLOURS["leave"].name()}; }}'
        )
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.row: PointRow | None = None
        self.is_open = False
        self.several = False
        self.note_pending = False
        self.fixed: frozenset[str] = frozenset()  # reasons of the point fixed on the spot
        self.title = heading("picker_title", wrap=True)
        self.hint = text_label("picker_hint", wrap=True)
        self.buttons: list[ReasonButton] = []
        reasons = QVBoxLayout()
        reasons.setSpacing(4)
        for n in range(MAX_KEYS):
            button = ReasonButton()
            button.clicked.connect(lambda n=n: self._tapped(n))
            button.hide()
            self.buttons.append(button)
            reasons.addWidget(button)
        self.note_button = touch_button()
        self.note_button.clicked.connect(self.note_tapped)
        self.several_button = touch_button()
        self.several_button.setCheckable(True)
        self.several_button.clicked.connect(self.several_tapped)
        self.close_button = touch_button()
        self.close_button.clicked.connect(self.close_tapped)
        bottom = QHBoxLayout()
        bottom.setSpacing(6)
        for button in (self.note_button, self.several_button, self.close_button):
            button.setMinimumWidth(0)
            button.setStyleSheet("padding: 4px 2px;")  # three fit side by side
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(reasons)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.retranslate_ui()

    def reason_ids(self) -> list[str]:
        return [r.id for r in self.row.reasons] if self.row else []

    def reason_at(self, key: int) -> str | None:
        """The id of the reason with this picker key (1-9), if the point has one."""
        ids = self.reason_ids()
        return ids[key - 1] if 1 <= key <= len(ids) else None

    def _tapped(self, n: int) -> None:
        reason = self.reason_at(n + 1)
        if reason:
            self.reason_tapped.emit(reason)

    def show_point(
        self, row: PointRow | None, *, enabled: bool = True, fixed: frozenset[str] | None = None
    ) -> None:
        """The reasons of this point and which of them are marked (None: nothing to show);
        ``fixed``: the reasons fixed on the spot (None: as before)."""
        self.row = row
        if fixed is not None:
            self.fixed = fixed
        fixed_words = self.tr("fixed on the spot")
        lang = current_language()
        self.title.setText(row.point.text.get(lang) if row else "")
        failed = {r.id for r in row.failed_reasons} if row else set()
        reasons = row.reasons if row else ()
        for n, button in enumerate(self.buttons):
            if n < len(reasons):
                reason = reasons[n]
                button.show_reason(
                    n + 1,
                    reason.text.get(lang),
                    failed=reason.id in failed,
                    critical=reason.severity is Severity.CRITICAL,
                    fixed=fixed_words if reason.id in self.fixed else "",
                )
                button.setEnabled(enabled)
                button.show()
            else:
                button.hide()
        for button in (self.note_button, self.several_button):
            button.setEnabled(enabled and row is not None)
        self._update_hint()

    def set_state(
        self, *, is_open: bool, several: bool = False, note_pending: bool = False
    ) -> None:
        self.is_open = is_open
        self.several = several and is_open
        self.note_pending = note_pending and is_open
        self.several_button.setChecked(self.several)
        self.close_button.setEnabled(is_open)
        if self.property("open") != is_open:
            self.setProperty("open", is_open)
            self.style().unpolish(self)
            self.style().polish(self)
            self.update()
        self._update_hint()

    def _update_hint(self) -> None:
        count = len(self.row.reasons) if self.row else 0
        if not count:
            self.hint.setText("")
        elif not self.is_open and self.row is not None and self.row.failed:
            self.hint.setText(
                self.tr("X: the reasons · F: fixed on the spot · tap a reason to record it")
            )
        elif not self.is_open:
            self.hint.setText(self.tr("X: the reasons · tap a reason to record it"))
        elif self.note_pending:
            self.hint.setText(self.tr("Press the number of the reason the note is for"))
        elif self.several:
            self.hint.setText(
                self.tr("Several reasons: press 1–{n} for each, Esc when done").format(n=count)
            )
        else:
            self.hint.setText(self.tr("Press 1–{n} for the reason").format(n=count))

    def retranslate_ui(self) -> None:
        self.note_button.setText(self.tr("Note") + " (N)")
        self.several_button.setText(self.tr("Several") + " (X)")
        self.close_button.setText(self.tr("Close") + " (Esc)")
        self.show_point(self.row, enabled=self.note_button.isEnabled() or self.row is None)
        self.set_state(is_open=self.is_open, several=self.several, note_pending=self.note_pending)
