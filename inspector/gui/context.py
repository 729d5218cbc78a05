"""What every screen is given: the store, the checklists, the background runner, app events."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from inspector.domain.checklist import Catalogue
from inspector.gui.tasks import TaskRunner
from inspector.services.lineup_session import SessionOptions
from inspector.storage import Store


class AppEvents(QObject):
    """Signals that tell one screen another changed the data it shows."""

    roster_changed = Signal()
    lineup_changed = Signal(int)  # line-up id
    language_changed = Signal(str)  # "zh" or "en"
    catalogue_changed = Signal()  # the checklists were reloaded (e.g. a role was added)


@dataclass
class AppContext:
    store: Store
    catalogue: Catalogue
    runner: TaskRunner
    events: AppEvents
    db_path: Path
    read_only: bool = False
    checklist_dirs: tuple[Path, ...] = ()  # the --checklists folders, for reloading

    def session_options(self) -> SessionOptions:
        """How the screens open a line-up or observation session over this database."""
        return {"db_path": self.db_path, "read_only": self.read_only}

    def set_catalogue(self, catalogue: Catalogue) -> None:
        """Use a reloaded catalogue from now on, and tell every screen."""
        if catalogue is not self.catalogue:
            self.catalogue = catalogue
            self.events.catalogue_changed.emit()
