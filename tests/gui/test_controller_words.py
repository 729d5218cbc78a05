"""The words the controllers show for a refusal: the most specific kind of error is worded,
its details filled in, and an error with no words of its own shows its message."""

from __future__ import annotations

from inspector.domain.errors import UserError
from inspector.gui.controllers.lineup_controller import LineupController
from inspector.gui.controllers.observe_controller import ObserveController
from inspector.services import lineup_session, observation_session
from inspector.services.lineup_session import LineupSession
from inspector.services.observation_session import ObservationSession


class _Unworded(UserError):
    message = "Something the screens have no words for."


class _Away(lineup_session.PersonNotHere):
    """A kind of absence the screens do not word apart from PersonNotHere."""


def test_lineup_refusals_are_worded_with_their_details(qtbot, store, catalogue):
    controller = LineupController(LineupSession(store, catalogue))
    assert controller.words(lineup_session.PersonNotHere("张三")) == (
        "张三 is not here: press A or L again to bring them back."
    )
    assert controller.words(_Away("李四")).startswith("李四 is not here")
    assert controller.words(lineup_session.ReasonRequired()) == (
        "A change to a finished line-up needs a reason."
    )
    assert controller.words(_Unworded()) == "Something the screens have no words for."


def test_an_observation_words_its_own_refusals_and_the_lineups(qtbot, store, catalogue):
    controller = ObserveController(ObservationSession(store, catalogue))
    assert controller.words(observation_session.ReasonRequired()) == (
        "A change to a saved observation needs a reason."
    )
    assert controller.words(observation_session.NoSituation()) == (
        "Pick at least one situation to observe (keys 1 to 7)."
    )
    assert controller.words(lineup_session.ReadOnlyError()) == (
        "The database is open read-only: nothing can be recorded."
    )
    assert controller.session is controller.observation.lineup
