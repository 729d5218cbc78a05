"""整改 / 复查 acted out as a user: a fault fixed on the spot during the line-up (F, or the
button), then the re-check list after finishing (F / N, the checker required), and what the
database and ``verify`` say afterwards."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from test_lineup_keyboard import fault_keys

from inspector.domain.follow_ups import FaultStatus
from inspector.gui import i18n
from inspector.gui.models.lineup_items_model import LineupItemsModel
from inspector.services import rechecks
from inspector.storage import seal

CTRL = Qt.KeyboardModifier.ControlModifier


def _result_texts(controller) -> list[str]:
    model = controller.items_model
    return [
        model.data(model.index(n, LineupItemsModel.RESULT)) or "" for n in range(model.rowCount())
    ]


def _follow_up_column(summary) -> dict[str, str]:
    """The summary's "needs follow-up" table: each name (as the model holds it) and the
    words of its follow-up column."""
    model = summary.follow_model
    column = model.FOLLOW_UP
    return {
        model.row_object(n).employee.name: model.data(model.index(n, column))
        for n in range(model.rowCount())
    }


def _finish(qtbot, section, press) -> None:
    press(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: section.lineup_page.finish_box is not None)
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.currentWidget() is section.summary)


def test_fixed_on_the_spot_then_rechecked_after_the_lineup(
    qtbot, roster, window, store, catalogue, press, start_lineup
):
    section = window.lineup
    controller = start_lineup(window, "Huang")
    lineup_id = controller.session.lineup.id
    wang = controller.person().employee
    for key in fault_keys(catalogue, wang, "shoes.shoes.dusty"):
        press(key)
    press(Qt.Key.Key_F)  # the shoes wiped at once
    assert "✓ fixed on the spot: Shoes dusty or marked (uppers or sides)" in _result_texts(
        controller
    )
    press(Qt.Key.Key_F)  # pressed by mistake: taken back
    assert not any("fixed on the spot" in t for t in _result_texts(controller))
    press(Qt.Key.Key_F)
    press(Qt.Key.Key_Space)
    li = controller.person().employee
    for key in fault_keys(catalogue, li, "hands.nails.polish"):
        press(key)
    press(Qt.Key.Key_Space)
    for _ in range(18):
        press(Qt.Key.Key_Space)
    _finish(qtbot, section, press)
    events = store.query("SELECT event, after_finish FROM follow_ups ORDER BY id")
    assert [(e["event"], e["after_finish"]) for e in events] == [
        ("fixed_on_spot", 0),
        ("spot_fix_undone", 0),
        ("fixed_on_spot", 0),
    ]
    lineup_seal = seal.latest_seal(store, lineup_id)
    assert _follow_up_column(section.summary) == {
        wang.name: "✓ fixed on the spot",
        li.name: "due for re-check",
    }

    qtbot.mouseClick(section.summary.recheck_button, Qt.MouseButton.LeftButton)
    page = section.recheck_page
    qtbot.waitUntil(lambda: section.currentWidget() is page)
    assert page.checker.text() == "Huang"  # the supervisor remembered for the site
    [fault] = page.model.rows()
    assert (fault.name, fault.item_id) == (li.name, "hands.nails.polish")
    assert "1 open" in page.title.text()

    press(Qt.Key.Key_N)  # re-checked: still polished
    [fault] = page.model.rows()
    assert fault.status is FaultStatus.NOT_FIXED
    assert "not fixed" in page.model.status_text(fault)

    page.checker.clear()
    page.view.setFocus()
    press(Qt.Key.Key_F)
    assert page.problem.isVisible() and "Enter who re-checked" in page.problem.text()
    assert len(store.query("SELECT * FROM follow_ups WHERE event = 'rechecked'")) == 1

    qtbot.keyClicks(page.checker, "Li")
    page.view.setFocus()
    press(Qt.Key.Key_F)
    assert not page.problem.isVisible()
    assert page.model.rows()[0].status is FaultStatus.FIXED
    assert "0 open" in page.title.text()

    rows = store.query(
        "SELECT outcome, checked_by, after_finish FROM follow_ups WHERE event = 'rechecked' "
        "ORDER BY id"
    )
    assert [tuple(r.values()) for r in rows] == [("not_fixed", "Huang", 1), ("fixed", "Li", 1)]
    assert store.change_log(lineup_id) == []  # not an amendment
    assert seal.latest_seal(store, lineup_id) == lineup_seal  # the line-up stays as sealed
    report = seal.verify_store(store)
    assert report.ok and report.follow_ups == 2

    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: section.currentWidget() is section.summary)
    assert _follow_up_column(section.summary)[li.name] == "✓ re-checked, fixed"


def test_by_touch_while_the_lineup_is_open_in_chinese(
    qtbot, roster, window, store, catalogue, press, start_lineup
):
    i18n.set_language("zh", remember=False)
    section = window.lineup
    controller = start_lineup(window, "Huang")
    lineup_id = controller.session.lineup.id
    view = section.lineup_page.person_view
    for key in fault_keys(catalogue, controller.person().employee, "shoes.shoes.dusty"):
        press(key)
    assert view.fix_button.isEnabled() and "(F)" in view.fix_button.text()
    qtbot.mouseClick(view.fix_button, Qt.MouseButton.LeftButton)
    assert any("✓ 当场整改" in t for t in _result_texts(controller))
    press(Qt.Key.Key_Space)
    for key in fault_keys(catalogue, controller.person().employee, "hands.nails.polish"):
        press(key)
    press(Qt.Key.Key_Space)

    # From the home screen, with the line-up still open.
    section.show_home()
    qtbot.mouseClick(section.home.recheck_button, Qt.MouseButton.LeftButton)
    page = section.recheck_page
    qtbot.waitUntil(lambda: section.currentWidget() is page)
    assert page.current_day() == date.today() and page.current_site() == "阳光花园"
    assert "复查" in page.title.text()
    [fault] = page.model.rows()
    assert fault.item_id == "hands.nails.polish" and not fault.lineup_finished
    qtbot.mouseClick(page.fixed_button, Qt.MouseButton.LeftButton)
    assert page.model.rows()[0].status is FaultStatus.FIXED

    # Part of the line-up's record: its seal covers it when it is finished.
    section.open_lineup(lineup_id)
    qtbot.waitUntil(lambda: section.currentWidget() is section.lineup_page)
    _finish(qtbot, section, press)
    content = seal.lineup_content(store.db.conn, lineup_id)
    assert [(f["event"], f["outcome"]) for f in content["follow_ups"]] == [
        ("fixed_on_spot", None),
        ("rechecked", "fixed"),
    ]
    assert (
        store.query("SELECT count(*) AS n FROM seals WHERE follow_up_id IS NOT NULL")[0]["n"] == 0
    )
    assert seal.verify_store(store).ok


def test_a_fix_on_the_spot_after_finishing_is_refused_with_a_message(
    qtbot, roster, window, store, catalogue, press, start_lineup
):
    section = window.lineup
    controller = start_lineup(window, "Huang")
    for key in fault_keys(catalogue, controller.person().employee, "shoes.shoes.dusty"):
        press(key)
    for _ in range(20):
        press(Qt.Key.Key_Space)
    _finish(qtbot, section, press)
    notices = []
    controller.notice.connect(notices.append)
    section.review(0)
    view = section.lineup_page.person_view
    view.select_item(controller.items_model.row_of("shoes.shoes.dusty"))
    assert not view.fix_action.isEnabled()
    controller.set_fixed_on_spot(["shoes.shoes.dusty"], True)
    assert notices and "Record a re-check instead" in notices[-1]
    assert store.query("SELECT * FROM follow_ups") == []


def test_a_fault_taken_back_takes_its_fix_on_the_spot_with_it(
    qtbot, roster, window, store, catalogue, press, start_lineup
):
    controller = start_lineup(window, "Huang")
    notices = []
    controller.notice.connect(notices.append)
    keys = fault_keys(catalogue, controller.person().employee, "shoes.shoes.dusty")
    for key in keys:
        press(key)
    press(Qt.Key.Key_F)
    for key in keys:  # X on the same reason again: not a fault after all
        press(key)
    assert notices == []
    assert [r["event"] for r in store.query("SELECT event FROM follow_ups ORDER BY id")] == [
        "fixed_on_spot",
        "spot_fix_undone",
    ]
    for key in keys:  # a fault again: not fixed on the spot until F says so
        press(key)
    assert not any("fixed on the spot" in t for t in _result_texts(controller))
    assert rechecks.spot_fixes(store, controller.session.lineup.id) == set()


def test_the_briefing_card_lists_the_open_faults_and_opens_their_re_check(
    qtbot, roster, window, store, catalogue, press, start_lineup
):
    section = window.lineup
    card = section.home.start.briefing
    assert not card.rechecks_panel.isVisibleTo(card)  # nothing recorded: no column at all
    controller = start_lineup(window, "Huang")
    wang = controller.person().employee
    for key in fault_keys(catalogue, wang, "shoes.shoes.dusty"):
        press(key)
    press(Qt.Key.Key_F)  # fixed at once: nothing to re-check
    press(Qt.Key.Key_Space)
    li = controller.person().employee
    for key in fault_keys(catalogue, li, "hands.nails.polish"):
        press(key)
    for _ in range(19):
        press(Qt.Key.Key_Space)
    _finish(qtbot, section, press)
    day = controller.session.lineup.day
    qtbot.mouseClick(section.summary.home_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: section.currentWidget() is section.home)

    assert card.rechecks_panel.isVisibleTo(card)
    assert card.rechecks_heading.text() == "Re-checks due (复查): 1"
    wording = catalogue.item("hands.nails.polish").text.en
    assert li.name in card.rechecks.text() and wording in card.rechecks.text()
    assert wang.name not in card.rechecks.text()  # fixed on the spot

    start = section.home.start
    start.date.setFocus()
    start.date.setDate(start.date.date().addDays(1))  # tomorrow: still due, from today
    assert card.rechecks_heading.text() == "Re-checks due (复查): 1"

    qtbot.mouseClick(card.recheck_button, Qt.MouseButton.LeftButton)
    page = section.recheck_page
    qtbot.waitUntil(lambda: section.currentWidget() is page)
    assert page.day.date().toPython() == day  # the day the fault was found
    [fault] = page.model.rows()
    assert fault.name == li.name
    page.view.setFocus()
    press(Qt.Key.Key_F)
    assert page.model.rows()[0].status is FaultStatus.FIXED
    press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: section.currentWidget() is section.home)
    start.refresh()
    assert not card.rechecks_panel.isVisibleTo(card)  # nothing left to re-check
