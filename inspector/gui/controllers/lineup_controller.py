"""The Qt face of a running line-up: signals, the three models, and who is on screen.

Every rule and every write is in ``inspector.services.lineup_session.LineupSession``; this
adapter calls it, refreshes the models of the person it changed and says what happened:
``saved`` after a write, ``failed`` when the environment refused one (disk full, locked),
``notice`` for an action that cannot be done (read-only, someone absent), and
``amendment_needed(Change)`` when a finished line-up needs a reason and an author.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from inspector.domain.changes import ChangeLine
from inspector.domain.checklist import Area, lineup_view
from inspector.domain.errors import UserError
from inspector.domain.follow_ups import FaultStatus
from inspector.domain.lineup import Attendance, Lineup, Result
from inspector.domain.summary import LineupSummary
from inspector.gui.models.lineup_grid_model import AreaCell, GridRow, LineupGridModel
from inspector.gui.models.lineup_items_model import LineupItemsModel, PointRow, point_rows
from inspector.gui.models.lineup_people_model import LineupPeopleModel, PersonRow
from inspector.services import lineup_session, rechecks
from inspector.services.lineup_session import Change, LineupSession
from inspector.storage.errors import StorageError

log = logging.getLogger(__name__)


class LineupController(QObject):
    loaded = Signal()  # a line-up was opened: the models were reset
    current_changed = Signal(int)  # the row of the person on screen
    saved = Signal(datetime)  # a write reached the database
    finished = Signal(int)  # line-up id
    amendment_needed = Signal(object)  # Change, on a finished line-up
    amended = Signal(int)  # line-up id, after a change with a reason was written
    notice = Signal(str)  # a short message for the status bar
    failed = Signal(object)  # an error of the environment (disk full, locked...): not saved

    def __init__(self, session: LineupSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session  # the line-up's state (store, lineup, closed, count...) is there
        self.people_model = LineupPeopleModel(self)
        self.items_model = LineupItemsModel(self)
        self.grid_model = LineupGridModel(self)
        self._views: dict[tuple, list] = {}  # the points of each (sex, role), per line-up
        self.current_row = -1
        self.last_problem: UserError | None = None  # why the last start was refused
        self.spot_fixed: set[tuple[int, str]] = set()  # (inspection, reason) fixed on the spot

    # -- state -----------------------------------------------------------------------------

    def person(self, row: int | None = None) -> PersonRow | None:
        row = self.current_row if row is None else row
        if not 0 <= row < self.session.count:
            return None
        return self.people_model.row_object(row)

    def areas(self) -> list[Area]:
        return list(self.session.areas)

    def point_rows(self, row: int) -> list[PointRow]:
        """The person's points head to toe, grouped by body area, with their marks."""
        employee = self.session.person_employee(row)
        profile = (employee.sex, employee.role)
        view = self._views.get(profile)
        if view is None:
            view = [
                (shown.area, [(p.point, p.reasons) for p in shown.points])
                for shown in lineup_view(self.session.sets, self.session.areas, employee)
            ]
            self._views[profile] = view
        numbers = {a.id: n for n, a in enumerate(self.session.areas, start=1)}
        return point_rows(view, self.session.marks(row), numbers)

    def all_points(self) -> list:
        """Every point anyone in the line-up is judged on (for the column widths)."""
        self.max_points()
        seen = {}
        for view in self._views.values():
            for _area, points in view:
                for point, _reasons in points:
                    seen.setdefault(point.id, point)
        return list(seen.values())

    def max_points(self) -> int:
        """The most points anyone in the line-up has (the screen makes room for them all)."""
        seen: dict[tuple, int] = {}
        for row in range(self.session.count):
            employee = self.session.person_employee(row)
            profile = (employee.sex, employee.role)
            if profile not in seen:
                seen[profile] = len(self.point_rows(row))
        return max(seen.values(), default=0)

    def progress(self) -> tuple[int, int]:
        """(people done, people in the line-up)."""
        return self.session.progress()

    def summary(self) -> LineupSummary | None:
        return self.session.summary()

    def changes(self) -> tuple[ChangeLine, ...]:
        """Every change after the line-up was finished, oldest first."""
        return self.session.all_changes()

    def follow_up_statuses(self) -> dict[int, list[FaultStatus]]:
        """Where each fault of the line-up stands (整改 / 复查), by inspection id."""
        lineup = self.session.lineup
        statuses: dict[int, list[FaultStatus]] = {}
        if lineup is not None:
            for fault in rechecks.faults_of_lineup(self.session.store, lineup.id):
                statuses.setdefault(fault.inspection_id, []).append(fault.status)
        return statuses

    def supervisor_name(self) -> str:
        return self.session.supervisor()

    # -- words for what cannot be done -------------------------------------------------------

    def refusals(self) -> dict[type[UserError], str]:
        """The words of each refusal of the session; ``{name}`` and the like are filled from
        the error's attributes."""
        return {
            lineup_session.ReadOnlyError: self.tr(
                "The database is open read-only: nothing can be recorded."
            ),
            lineup_session.PersonNotHere: self.tr(
                "{name} is not here: press A or L again to bring them back."
            ),
            lineup_session.SupervisorRequired: self.tr(
                "Enter the supervisor's name to start the line-up."
            ),
            lineup_session.AuthorRequired: self.tr(
                "Enter who makes the change: the change log keeps their name."
            ),
            lineup_session.ReasonRequired: self.tr(
                "A change to a finished line-up needs a reason."
            ),
            lineup_session.NobodyToInspect: self.tr("Nobody on the roster for this line-up."),
            lineup_session.NotDiscardable: self.tr(
                "This line-up has marks or is finished: it is kept."
            ),
            rechecks.SpotFixAfterFinish: self.tr(
                "The line-up is finished: a fault is fixed on the spot only during the "
                "line-up. Record a re-check instead."
            ),
        }

    def words(self, problem: UserError) -> str:
        """A session's refusal in the interface language (the most specific class worded)."""
        refusals = self.refusals()
        for kind in type(problem).__mro__:
            if kind in refusals:
                return refusals[kind].format(**vars(problem))
        return str(problem)

    def _attempt(self, action: Callable[[], object]) -> tuple[bool, object]:
        """Run a session action: (True, its result), or (False, None) after saying why not."""
        try:
            return True, action()
        except (StorageError, OSError) as exc:  # the record was not written: say so loudly
            self.failed.emit(exc)
        except UserError as problem:  # a refusal of the session: a word in the status bar
            self.notice.emit(self.words(problem))
        return False, None

    def _saved(self) -> None:
        self.saved.emit(datetime.now().replace(microsecond=0))

    # -- opening ---------------------------------------------------------------------------

    def start(self, **request: Any) -> Lineup | None:
        """Start and open a line-up (the keywords of ``LineupSession.start``); None when
        refused (``last_problem`` says why)."""
        self.last_problem = None
        try:
            lineup = self.session.start(**request)
        except lineup_session.AlreadyFinished as problem:
            self.last_problem = problem  # the page asks: open it, or start a second one
            return None
        except (StorageError, OSError) as exc:
            self.failed.emit(exc)
            return None
        except UserError as problem:
            self.last_problem = problem
            self.notice.emit(self.words(problem))
            return None
        self._saved()
        self._loaded(self.session.open(lineup.id))
        return lineup

    def open(self, lineup_id: int) -> None:
        """Load a line-up and put the person where it stopped on screen."""
        self._loaded(self.session.open(lineup_id))

    def _loaded(self, row: int) -> None:
        self._views = {}
        lineup = self.session.lineup
        self.spot_fixed = rechecks.spot_fixes(self.session.store, lineup.id) if lineup else set()
        self.people_model.set_rows([self._person_row(n) for n in range(self.session.count)])
        self.grid_model.set_areas_and_rows(
            self.session.areas, [self._grid_row(n) for n in range(self.session.count)]
        )
        self.current_row = -1
        self.loaded.emit()
        self.go_to(row)

    def discard(self) -> bool:
        """Delete the open line-up if nothing was recorded in it."""
        ok, _ = self._attempt(self.session.discard)
        if ok:
            self.people_model.set_rows([])
            self.grid_model.set_areas_and_rows([], [])
            self.items_model.set_items([], state=LineupItemsModel.TODO)
            self.current_row = -1
        return ok

    def _person_row(self, row: int) -> PersonRow:
        person = self.session.person(row)
        return PersonRow(
            person.inspection, person.employee, person.failed_marks, self.session.changes(row)
        )

    def _grid_row(self, row: int) -> GridRow:
        marks = self.session.marks(row)
        applicable = self.session.applicable(row)
        cells = []
        for area in self.session.areas:
            items = [item for s, item in applicable if s.area == area.id]
            failed = sum(
                1 for item in items if (m := marks.get(item.id)) and m.result is Result.FAIL
            )
            cells.append(AreaCell(area.id, len(items), failed))
        return GridRow(self._person_row(row), tuple(cells))

    # -- moving ----------------------------------------------------------------------------

    def go_to(self, row: int) -> None:
        if not 0 <= row < self.session.count:
            return
        self.current_row = row
        self.items_model.set_items(self.point_rows(row), state=self._items_state(row))
        self.items_model.set_fixed(self.fixed_on_spot(row))
        self._attempt(lambda: self.session.remember_row(row))
        self.current_changed.emit(row)

    def _items_state(self, row: int) -> str:
        return LineupItemsModel.state_of(self.session.inspections[row])

    def next_person(self) -> None:
        if self.current_row < self.session.count - 1:
            self.go_to(self.current_row + 1)

    def previous_person(self) -> None:
        if self.current_row > 0:
            self.go_to(self.current_row - 1)

    def next_to_do(self) -> int:
        """The next person still to do after the current one (wrapping), or -1."""
        return self.session.next_to_do(self.current_row)

    def _advance(self) -> None:
        row = self.next_to_do()
        if row >= 0:
            self.go_to(row)
        else:
            self.notice.emit(self.tr("Everyone is done: press Ctrl+Return to finish the line-up."))

    # -- recording -------------------------------------------------------------------------

    def _ready(self) -> bool:
        return self.session.lineup is not None and 0 <= self.current_row < self.session.count

    def _refresh(self, row: int) -> None:
        """Update every view of one person after the session re-read them."""
        self.people_model.replace_row(row, self._person_row(row))
        self.grid_model.replace_row(row, self._grid_row(row))
        if row == self.current_row:
            self.items_model.set_marks(self.session.marks(row), state=self._items_state(row))

    def _record(self, action: Callable[[], Change | object]) -> bool:
        """Run a write on the person on screen: saved and shown, or a change to confirm."""
        row = self.current_row
        ok, result = self._attempt(action)
        if not ok:
            return False
        if isinstance(result, Change):
            self.amendment_needed.emit(result)
            return False
        if result is False:
            return False
        self._saved()
        self._refresh(row)
        return True

    def pass_all_and_next(self) -> None:
        """Space: every applicable item not marked passes; the person is saved; on to the next.
        On a finished line-up, someone not inspected is inspected now (with a reason)."""
        if not self._ready():
            return
        row = self.current_row
        if self.session.closed and self.session.inspections[row].completed_at is not None:
            self.next_person()
            return
        if self.session.read_only:
            self.notice.emit(self.words(lineup_session.ReadOnlyError()))
            return
        if self.session.inspections[row].attendance in lineup_session.AWAY:
            self._advance()  # nothing to inspect; A or L again brings them back
            return
        if self._record(lambda: self.session.pass_all(row)):
            self._advance()

    def toggle_fail(self, item_id: str) -> None:
        """X: the item fails, or passes again if it had failed (a fix on the spot with it)."""
        if self._ready():
            row = self.current_row
            if self._record(lambda: self.session.toggle_fail(row, item_id)):
                mark = self.session.marks(row).get(item_id)
                if (mark is None or mark.result is not Result.FAIL) and item_id in (
                    self.fixed_on_spot(row)
                ):
                    self.set_fixed_on_spot([item_id], False)

    # -- fixed on the spot (当场整改) ----------------------------------------------------------

    def fixed_on_spot(self, row: int) -> frozenset[str]:
        """The reasons of a person's faults fixed on the spot."""
        inspection_id = self.session.inspections[row].id
        return frozenset(item for iid, item in self.spot_fixed if iid == inspection_id)

    def set_fixed_on_spot(self, item_ids: list[str], fixed: bool) -> bool:
        """F: the faults of the person on screen fixed on the spot (or not any more). On a
        finished line-up a re-check is recorded instead (the re-check screen)."""
        if not self._ready() or not item_ids:
            return False
        if self.session.read_only:
            self.notice.emit(self.words(lineup_session.ReadOnlyError()))
            return False
        if self.session.closed:
            self.notice.emit(self.words(rechecks.SpotFixAfterFinish()))
            return False
        row = self.current_row
        inspection_id = self.session.inspections[row].id
        written = []
        for item_id in item_ids:
            ok, _ = self._attempt(
                lambda item_id=item_id: rechecks.set_fixed_on_spot(
                    self.session.store, inspection_id, item_id, fixed
                )
            )
            if not ok:
                break
            written.append((inspection_id, item_id))
        if fixed:
            self.spot_fixed.update(written)
        else:
            self.spot_fixed.difference_update(written)
        if written:
            self._saved()
        self.items_model.set_fixed(self.fixed_on_spot(row))
        return len(written) == len(item_ids)

    def set_note(self, item_id: str, note: str, *, failed: bool = True) -> None:
        """N: a note on an item (a note usually explains a fault, so it fails by default)."""
        if self._ready():
            row = self.current_row
            self._record(lambda: self.session.set_note(row, item_id, note, failed=failed))

    def attach_photo(self, item_id: str, source: Path) -> None:
        if self._ready():
            row = self.current_row
            self._record(lambda: self.session.attach_photo(row, item_id, Path(source)))

    def toggle_attendance(self, attendance: Attendance) -> None:
        """A, L, T. Absent and on leave complete the person and move on; pressing the same key
        again brings them back to "to do". Late people stay on screen: they are still inspected."""
        if not self._ready():
            return
        row = self.current_row
        before = self.session.inspections[row].attendance
        if self._record(lambda: self.session.toggle_attendance(row, attendance)) and (
            attendance in lineup_session.AWAY and before is not attendance
        ):
            self._advance()

    # -- finishing and amending ------------------------------------------------------------

    def finish(self) -> bool:
        if self.session.lineup is None:
            return False
        if self.session.closed:
            return True
        ok, _ = self._attempt(self.session.finish)
        if not ok:
            return False
        self._saved()
        lineup_id = self.session.lineup.id
        self.open(lineup_id)
        self.finished.emit(lineup_id)
        return True

    def apply_amendment(self, change: Change, reason: str, author: str) -> bool:
        """Write a change to a finished line-up, with its reason and author, into the change log."""
        ok, _ = self._attempt(lambda: self.session.amend(change, reason, author))
        if not ok:
            return False
        self._saved()
        row = self.session.row_of(change.inspection_id)
        self._refresh(row)
        self.amended.emit(self.session.lineup.id)
        return True

    def retranslate(self) -> None:
        for model in (self.people_model, self.items_model, self.grid_model):
            model.retranslate()
