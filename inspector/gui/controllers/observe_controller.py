"""The Qt face of a floor observation: the line-up controller over the observation's line-up.

The marking widget of the line-up (``PersonView``) works on a ``LineupController``; this one
opens observations instead of line-ups (``begin``), saves and seals on Space
(``pass_all_and_next``), and refuses attendance keys, which an observation has no use for.
Every rule and write is in ``inspector.services.observation_session.ObservationSession``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from inspector.domain.errors import UserError
from inspector.domain.lineup import Attendance
from inspector.domain.people import Employee
from inspector.gui.controllers.lineup_controller import LineupController
from inspector.services import observation_session as obs
from inspector.services.observation_session import ObservationRecord, ObservationSession


class ObserveController(LineupController):
    observation_saved = Signal(object)  # ObservationRecord, after Space saved and sealed it

    def __init__(self, observation: ObservationSession, parent: QObject | None = None) -> None:
        super().__init__(observation.lineup, parent)  # the line-up machinery, over the observation
        self.observation = observation

    def refusals(self) -> dict[type[UserError], str]:
        """The observation's own refusals; the line-up's (read-only, the author) as there."""
        return super().refusals() | {
            obs.ObserverRequired: self.tr(
                "Enter the observer's name: every observation keeps who observed."
            ),
            obs.NoSituation: self.tr("Pick at least one situation to observe (keys 1 to 7)."),
            obs.NoObservationSets: self.tr(
                "The checklists have no observation set for these situations."
            ),
            obs.ReasonRequired: self.tr("A change to a saved observation needs a reason."),
        }

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
        found = self.session.store.unfinished_lineup(obs.InspectionType.OBSERVATION)
        return found.id if found else None

    def cancel(self) -> bool:
        """Drop the open observation if nothing was marked in it (True when dropped)."""
        if self.session.lineup is None or self.session.closed:
            return False
        if not obs.discardable(self.session.store, self.session.lineup.id):
            return False
        return self.discard()

    def pass_all_and_next(self) -> None:
        """Space: every observed behaviour not marked is correct; saved and sealed."""
        if not self._ready() or self.session.closed:
            return
        ok, record = self._attempt(self.observation.save)
        if not ok:
            return
        self._saved()
        self.open(self.session.lineup.id)
        self.observation_saved.emit(record)

    def toggle_attendance(self, attendance: Attendance) -> None:
        self.notice.emit(self.tr("An observation records behaviour, not attendance."))

    def set_fixed_on_spot(self, item_ids: list[str], fixed: bool) -> bool:
        """Fixes on the spot and re-checks follow a line-up's faults, not an observation's."""
        self.notice.emit(self.tr("An observation records behaviour: it has no fix on the spot."))
        return False

    def record(self) -> ObservationRecord | None:
        return self.observation.record()
