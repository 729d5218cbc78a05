"""What every screen is given: the store, the checklists, the background runner, app events."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from inspector.domain.checklist import Catalogue
from inspector.gui.tasks import TaskRunner
from inspector.storage import Store


class AppEvents(QObject):
    """Signals that tell one screen another changed the data it shows."""

    roster_changed = Signal()
    lineup_changed = Signal(int)  # line-up id
    language_changed = Signal(str)  # "zh" or "en"


@dataclass
class AppContext:
    store: Store
    catalogue: Catalogue
    runner: TaskRunner
    events: AppEvents
    db_path: Path
    read_only: bool = False
