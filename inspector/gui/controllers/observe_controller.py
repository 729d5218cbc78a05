"""The Qt face of a floor observation: the line-up controller over the observation's line-up.

The marking widget of the line-up (``PersonView``) works on a ``LineupController``; this one
opens observations instead of line-ups (``begin``), saves and seals on Space
(``pass_all_and_next``), and refuses attendance keys, which an observation has no use for.
Every rule and write is in ``inspector.services.observation_session.ObservationSession``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from inspector.domain.checklist import Catalogue
from inspector.domain.errors import UserError
from inspector.domain.lineup import Attendance
from inspector.domain.people import Employee
from inspector.gui.controllers.lineup_controller import LineupController
from inspector.services import observation_session as obs
from inspector.services.observation_session import ObservationRecord, ObservationSession
from inspector.storage import Store


class ObserveController(LineupController):
    observation_saved = Signal(object)  # ObservationRecord, after Space saved and sealed it

    def __init__(
        self,
        store: Store,
        catalogue: Catalogue,
        *,
        db_path: Path | None = None,
        read_only: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(store, catalogue, db_path=db_path, read_only=read_only, parent=parent)
        self.observation = ObservationSession(
            store, catalogue, db_path=db_path, read_only=read_only
        )
        self.session = self.observation.lineup  # the line-up machinery, over the observation

    def words(self, problem: UserError) -> str:
        """The observation's own refusals; the line-up's (read-only, the author) as there."""
        if isinstance(problem, obs.ObserverRequired):
            return self.tr("Enter the observer's name: every observation keeps who observed.")
        if isinstance(problem, obs.NoSituation):
            return self.tr("Pick at least one situation to observe (keys 1 to 7).")
        if isinstance(problem, obs.NoObservationSets):
            return self.tr("The checklists have no observation set for these situations.")
        if isinstance(problem, obs.ReasonRequired):
            return self.tr("A change to a saved observation needs a reason.")
        return super().words(problem)

    def begin(self, employee: Employee, situations: Sequence[str], observer: str) -> bool:
        """Start an observation and show it; False (after a notice) when refused."""
        ok, _ = self._attempt(lambda: self.observation.start(employee, situations, observer))
        if not ok:
            return False
        self._saved()
        self._loaded(0)
        return True

    def resume(self, observation_id: int) -> None:
        """Show an observation that was marked but not saved (the app was closed)."""
        self.observation.open(observation_id)
        self._loaded(0)

    def unsaved(self) -> int | None:
        """The id of an observation started and not saved, if any."""
        found = self.store.unfinished_lineup(obs.InspectionType.OBSERVATION)
        return found.id if found else None

    def cancel(self) -> bool:
        """Drop the open observation if nothing was marked in it (True when dropped)."""
        if self.lineup is None or self.closed:
            return False
        if not obs.discardable(self.store, self.lineup.id):
            return False
        return self.discard()

    def pass_all_and_next(self) -> None:
        """Space: every observed behaviour not marked is correct; saved and sealed."""
        if not self._ready() or self.closed:
            return
        ok, record = self._attempt(self.observation.save)
        if not ok:
            return
        self._saved()
        self.open(self.lineup.id)
        self.observation_saved.emit(record)

    def toggle_attendance(self, attendance: Attendance) -> None:
        self.notice.emit(self.tr("An observation records behaviour, not attendance."))

    def record(self) -> ObservationRecord | None:
        return self.observation.record()
