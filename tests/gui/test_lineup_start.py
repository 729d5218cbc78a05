"""Starting a line-up: the supervisor's name is required, a finished shift is not started twice
by one Enter, and an unfinished line-up with nothing recorded can be discarded."""

from __future__ import annotations

from helpers.gui_pages import unfinished_lineup
from PySide6.QtCore import Qt


def test_enter_without_a_supervisor_asks_for_the_name(
    qtbot, roster, window, store, press, start_lineup
):
    """P5: the line-up does not start with 主管 empty; the screen says why, the cursor waits in
    the name field, and the name typed then starts it (and is kept for next time)."""
    section = window.lineup
    start = section.home.start
    start.supervisor.clear()
    press(Qt.Key.Key_Return)
    assert store.list_lineups() == []
    assert section.currentWidget() is section.home
    assert start.problem.isVisible()
    assert start.problem.text() == "Enter the supervisor's name to start the line-up."
    assert start.supervisor.hasFocus()
    qtbot.keyClicks(start.supervisor, "Huang")
    assert not start.problem.isVisible()
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.currentWidget() is section.lineup_page)
    [lineup] = store.list_lineups()
    assert lineup.supervisor == "Huang"
    assert "Supervisor: Huang" in section.lineup_page.title.text()


def finish_all(qtbot, window, pass_everyone):
    """A line-up where everyone passes, finished, and back on the home screen."""
    controller = pass_everyone(window)
    section = window.lineup
    qtbot.mouseClick(section.summary.home_button, Qt.MouseButton.LeftButton)
    assert section.currentWidget() is section.home and section.home.panel == "start"
    return controller.session.lineup.id


def test_enter_after_finishing_asks_before_a_second_lineup(
    qtbot, roster, window, store, press, pass_everyone
):
    """P10: Enter on the start screen after today's line-up of the shift was finished asks;
    Enter again opens the finished one, and no second line-up is made."""
    first = finish_all(qtbot, window, pass_everyone)
    section = window.lineup
    press(Qt.Key.Key_Return)
    box = section.duplicate_box
    assert box is not None and box.isVisible()
    assert "line-up at 阳光花园 is finished: open it, or start a second one?" in box.text()
    assert box.text().startswith("Today's ")
    press(Qt.Key.Key_Return)  # the default: open it
    qtbot.waitUntil(lambda: section.currentWidget() is section.summary)
    assert section.controller.session.lineup.id == first
    assert [lu.id for lu in store.list_lineups()] == [first]


def test_a_second_lineup_of_the_shift_when_meant(
    qtbot, roster, window, store, press, pass_everyone
):
    first = finish_all(qtbot, window, pass_everyone)
    section = window.lineup
    press(Qt.Key.Key_Return)
    box = section.duplicate_box
    [second_button] = [b for b in box.buttons() if b.text() == "Start a second one"]
    qtbot.mouseClick(second_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.currentWidget() is section.lineup_page)
    assert len(store.list_lineups()) == 2
    assert section.controller.session.lineup.id != first


def test_an_unfinished_lineup_without_marks_is_discarded_from_the_start_screen(
    qtbot, roster, store, catalogue, context, open_window
):
    lineup = unfinished_lineup(store, catalogue, roster)
    window = open_window(context)
    home = window.lineup.home
    assert home.panel == "resume"
    assert home.discard_button.isVisible()
    assert home.discard_button.text() == "Discard it (nothing recorded)"
    qtbot.mouseClick(home.discard_button, Qt.MouseButton.LeftButton)
    assert home.panel == "start"
    assert store.list_lineups() == []
    assert lineup.id not in [lu.id for lu in store.list_lineups()]


def test_a_lineup_with_marks_is_kept(qtbot, roster, store, catalogue, context, open_window):
    lineup = unfinished_lineup(store, catalogue, roster)
    store.complete_inspection(store.inspections_for(lineup.id)[0].id)
    window = open_window(context)
    home = window.lineup.home
    assert home.panel == "resume"
    assert not home.discard_button.isVisible()


def test_the_briefing_card_rewords_itself_on_a_language_switch(qtbot):
    from inspector.gui import i18n
    from inspector.gui.pages.briefing_card import BriefingCard
    from inspector.services.briefing import Briefing

    card = BriefingCard()
    qtbot.addWidget(card)
    card.show_briefing(Briefing(site=""))
    assert card.headline.text() == "No line-up finished here yet."

    i18n.set_language("zh", remember=False)
    qtbot.waitUntil(lambda: card.headline.text() == "此处尚无已结束的班前检查。")
