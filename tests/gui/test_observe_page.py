"""Floor observation on screen: find by pinyin, pick situations, mark with the line-up keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inspector.domain.checklist import InspectionType
from inspector.domain.lineup import Result
from inspector.services.observation_session import list_observations


def open_observe(qtbot, window):
    qtbot.mouseClick(window.lineup.home.observe_button, Qt.MouseButton.LeftButton)
    page = window.pages["observe"]
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    return page


def observe_zhang_wei_on_the_phone(press) -> None:
    """From the search: find 张伟 by "zw", take him, pick the phone call, start marking."""
    press(Qt.Key.Key_Z)
    press(Qt.Key.Key_W)
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Return)


def go_to_item(page, press, item_id: str) -> None:
    rows = [r.point.id for r in page.controller.items_model.rows()]  # one reason each
    press(Qt.Key.Key_Down, times=rows.index(item_id))
    assert page.person_view.current_item_id() == item_id


def test_a_phone_call_with_one_fault(qtbot, roster, window, store, press):
    page = open_observe(qtbot, window)
    qtbot.keyClicks(page.observer_edit, "Liu QA")
    qtbot.keyClick(page.observer_edit, Qt.Key.Key_Return)
    assert page.search_edit.hasFocus()
    press(Qt.Key.Key_Z)
    press(Qt.Key.Key_W)
    assert page.results_model.row_object(0).name == "张伟"
    press(Qt.Key.Key_Return)
    assert page.step == "situations"
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Return)
    assert page.step == "marking"
    assert {s.id for s, _ in page.controller.session.applicable(0)} == {"phone"}
    go_to_item(page, press, "phone.commanding-tone")
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_Space)

    assert page.step == "search" and page.search_edit.text() == ""
    assert "1 fault" in page.message.text()
    [record] = list_observations(store)
    lineup = store.get_lineup(record.id)
    assert lineup.inspection_type is InspectionType.OBSERVATION and lineup.finished
    assert lineup.supervisor == "Liu QA"
    assert record.employee.name == "张伟"
    assert record.situations == ("phone",)
    marks = store.marks_for(store.inspections_for(record.id)[0].id)
    assert [(m.item_id, m.result) for m in marks] == [("phone.commanding-tone", Result.FAIL)]
    assert store.list_lineups() == []  # not a line-up


def test_the_observer_is_required_and_remembered(qtbot, roster, window, store, press):
    page = open_observe(qtbot, window)
    page.observer_edit.clear()
    page.search_edit.setFocus()
    press(Qt.Key.Key_Z)
    press(Qt.Key.Key_W)
    press(Qt.Key.Key_Return)
    assert page.step == "search"
    assert "observer's name" in page.message.text()
    assert page.observer_edit.hasFocus()
    qtbot.keyClicks(page.observer_edit, "Liu QA")
    qtbot.keyClick(page.observer_edit, Qt.Key.Key_Return)
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_6)
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Space)
    assert list_observations(store)[0].passed
    assert store.get_setting("observer") == "Liu QA"


def test_several_situations_and_down_picks_the_next(qtbot, roster, window, store, press):
    store.set_setting("observer", "Liu QA")
    page = open_observe(qtbot, window)
    assert page.observer_edit.text() == "Liu QA"
    press(Qt.Key.Key_Z)  # 张伟, 赵敏, 周婷, 朱军 ...
    names = [e.name for e in page.results_model.rows()]
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Return)
    assert page.employee.name == names[1]
    press(Qt.Key.Key_2)
    press(Qt.Key.Key_3)
    press(Qt.Key.Key_3)  # toggled off again
    press(Qt.Key.Key_7)
    press(Qt.Key.Key_Return)
    sets = {s.id for s, _ in page.controller.session.applicable(0)}
    assert {"reception", "handshake", "business-card", "introductions"} <= sets
    assert "complaint-handling" not in sets
    press(Qt.Key.Key_Space)
    assert list_observations(store)[0].situations == ("reception", "handshake-cards")


def test_no_situation_is_refused_and_esc_drops_an_empty_observation(
    qtbot, roster, window, store, press
):
    store.set_setting("observer", "Liu QA")
    page = open_observe(qtbot, window)
    press(Qt.Key.Key_Z)
    press(Qt.Key.Key_W)
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Return)
    assert page.step == "situations"
    assert "at least one situation" in page.message.text()
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Return)
    press(Qt.Key.Key_Escape)
    assert page.step == "situations"
    assert list_observations(store) == []


def test_attendance_and_fix_keys_do_nothing_in_an_observation(qtbot, roster, window, store, press):
    store.set_setting("observer", "Liu QA")
    page = open_observe(qtbot, window)
    observe_zhang_wei_on_the_phone(press)
    view = page.person_view
    assert not any(
        b.isVisibleTo(view)
        for b in (view.absent_button, view.leave_button, view.late_button, view.fix_button)
    )
    assert view.fail_button.isVisibleTo(view) and view.note_button.isVisibleTo(view)
    press(Qt.Key.Key_A)
    assert "not attendance" in page.message.text()
    inspection = store.inspections_for(page.controller.session.lineup.id)[0]
    assert inspection.attendance is None
    press(Qt.Key.Key_X)  # a fault: the first situation's first point
    if view.picker.is_open:
        press(Qt.Key.Key_1)
    press(Qt.Key.Key_F)
    assert "no fix on the spot" in page.message.text()
    assert store.query("SELECT * FROM follow_ups") == []


def test_the_screen_the_command_line_the_record_and_the_pack_agree(
    qtbot, roster, window, store, press, db_path, catalogue, capsys, tmp_path
):
    """Done when: found by pinyin initials, a phone call with one fault, saved; the database,
    ``observation show --json``, the employee record and the monthly pack say the same."""
    import json
    from datetime import date

    from helpers.reports_data import assert_clean_cjk_pdf, squash

    from inspector.cli import main
    from inspector.services import report_jobs
    from inspector.services.employee_record import employee_record
    from inspector.services.lineup_session import LineupSession
    from inspector.storage import report_queries

    today = date.today()
    lineup = LineupSession(store, catalogue)  # a line-up this month, for the pack
    lineup.start(day=today, shift="早班", site="", department="", supervisor="Huang")
    for row in range(lineup.count):
        lineup.pass_all(row)
    lineup.finish()
    figures_before = report_queries.monthly_pack_data(store, today).tally

    page = open_observe(qtbot, window)
    qtbot.keyClicks(page.observer_edit, "Liu QA")
    qtbot.keyClick(page.observer_edit, Qt.Key.Key_Return)
    observe_zhang_wei_on_the_phone(press)
    go_to_item(page, press, "phone.commanding-tone")
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_Space)
    [record] = list_observations(store)

    assert main(["observation", "show", str(record.id), "--db", str(db_path), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["name"], shown["observer"], shown["situations"]) == ("张伟", "Liu QA", ["phone"])
    assert [f["item_id"] for f in shown["faults"]] == ["phone.commanding-tone"]
    assert shown["observed"] == record.observed > 1

    data = employee_record(store, "C003", today.replace(day=1), today)
    [entry] = data.observations
    assert entry.id == record.id and [f.item_id for f in entry.faults] == ["phone.commanding-tone"]

    pack = report_queries.monthly_pack_data(store, today)
    assert pack.tally == figures_before  # the line-up figures did not move
    month = pack.observations
    assert (month.observations, month.passed) == (1, 0)
    assert [(f.item_id, f.count) for f in month.faults] == [("phone.commanding-tone", 1)]
    assert [p.employee_no for p in month.people_with_faults] == ["C003"]
    out = report_jobs.MONTHLY_PACK.build(
        store, report_jobs.ReportRequest(lang="zh", month=today), tmp_path / "pack.pdf"
    )
    text = squash(assert_clean_cjk_pdf(out))
    assert squash("使用命令口吻") in text and "C003" in text and "张伟" in text


def test_todays_sheet_is_printed_in_the_background(qtbot, roster, window, store, press):
    from helpers.reports_data import assert_clean_cjk_pdf, squash

    store.set_setting("observer", "Liu QA")
    page = open_observe(qtbot, window)
    opened = []
    page.open_file = opened.append
    qtbot.mouseClick(page.sheet_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.sheet_button.isEnabled())
    assert "No observation was saved today" in page.message.text()
    observe_zhang_wei_on_the_phone(press)
    go_to_item(page, press, "phone.commanding-tone")
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_Space)
    assert page.today_model.rowCount() == 1
    qtbot.mouseClick(page.sheet_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened))
    text = squash(assert_clean_cjk_pdf(opened[0]))
    assert "Floorobservationsheet" in text and "Usesacommandingtone" in text and "张伟" in text


def test_a_saved_observation_is_changed_with_a_reason(qtbot, roster, window, store, press):
    store.set_setting("observer", "Liu QA")
    page = open_observe(qtbot, window)
    observe_zhang_wei_on_the_phone(press)
    press(Qt.Key.Key_Space)  # saved with no fault
    [record] = list_observations(store)
    index = page.today_model.index(0, 1)
    page.today.scrollTo(index)
    rect = page.today.visualRect(index)
    qtbot.mouseClick(page.today.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.today.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.step == "marking" and page.controller.session.closed
    assert "(saved)" in page.marking.text()
    go_to_item(page, press, "phone.speakerphone")
    press(Qt.Key.Key_X)
    dialog = page.amend_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.reason, "heard on the call recording")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.amend_dialog is None)
    [change] = store.change_log(record.id)
    assert (change.reason, change.changed_by) == ("heard on the call recording", "Liu QA")
    [again] = list_observations(store)
    assert [f.item.id for f in again.faults] == ["phone.speakerphone"]
    press(Qt.Key.Key_Escape)
    assert page.step == "search"
