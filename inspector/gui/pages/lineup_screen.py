"""What the screens of an open line-up (the person view and grid, the summary) start from."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from inspector.gui.context import AppContext
from inspector.gui.controllers.lineup_controller import LineupController
from inspector.gui.i18n import Retranslating
from inspector.gui.widgets.touch import STYLE


class LineupScreen(Retranslating, QWidget):
    """A touch-styled screen over the line-up's controller (a subclass words itself in
    ``retranslate_ui``)."""

    def __init__(
        self, context: AppContext, controller: LineupController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.context = context
        self.controller = controller
