"""Follow-up of faults: fixed on the spot during the line-up, re-checks after it, their seals
and the month's figures, computed here from the stored rows."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest
from helpers.factories import Fail, finished_lineup, make_roster, make_set

from inspector.domain.follow_ups import FaultStatus, RecheckOutcome
from inspector.domain.lineup import Result
from inspector.services import rechecks
from inspector.storage import seal
from inspector.storage.report_queries import monthly_pack_data

DAY = date(2025, 3, 4)
SET = make_set("t", 4)


def _open_lineup(store, n=3, day=DAY):
    employees = [store.save_employee(p) for p in make_roster("A", n)]
    lineup = store.start_lineup(
        day=day,
        shift="早班",
        site="总店",
        department=employees[0].department,
        supervisor="王经理",
        sets=[SET],
        employees=employees,
    )
    return lineup, store.inspections_for(lineup.id)


def test_fixed_on_spot_is_part_of_the_lineup_seal(store):
    lineup, people = _open_lineup(store)
    store.set_mark(people[0].id, "t.item-1", Result.FAIL)
    store.set_mark(people[1].id, "t.item-2", Result.FAIL)
    assert rechecks.toggle_fixed_on_spot(store, people[0].id, "t.item-1") is True
    assert rechecks.toggle_fixed_on_spot(store, people[1].id, "t.item-2") is True
    assert rechecks.toggle_fixed_on_spot(store, people[1].id, "t.item-2") is False
    for p in people:
        store.complete_inspection(p.id)
    store.finish_lineup(lineup.id)

    assert rechecks.spot_fixes(store, lineup.id) == {(people[0].id, "t.item-1")}
    latest = seal.latest_seal(store, lineup.id)
    assert latest.content_version == seal.CONTENT_VERSION == 3
    content = seal.lineup_content(store.db.conn, lineup.id)
    assert [f["event"] for f in content["follow_ups"]] == [
        "fixed_on_spot",
        "fixed_on_spot",
        "spot_fix_undone",
    ]
    assert seal.verify_store(store).ok
    # After the line-up, a fix on the spot is refused with a message that says what to do.
    with pytest.raises(rechecks.SpotFixAfterFinish) as raised:
        rechecks.set_fixed_on_spot(store, people[1].id, "t.item-2", True)
    assert "Record a re-check instead" in raised.value.text("en")
    assert "请改为记录复查" in raised.value.text("zh")


def test_recheck_after_finish_is_a_sealed_record_of_its_own(store):
    lineup_id = finished_lineup(
        store, [SET], make_roster("B", 2), day=DAY, fails=[Fail(0, "t.item-0")]
    )
    before = seal.latest_seal(store, lineup_id)
    content_before = seal.lineup_content(store.db.conn, lineup_id)
    [fault] = rechecks.open_faults(store, DAY, "总店")
    assert fault.status is FaultStatus.DUE and fault.name == "员工0"

    rechecks.record_recheck(store, fault, RecheckOutcome.NOT_FIXED, "李主管", "still dirty")
    fault = rechecks.refreshed(store, fault)
    assert fault.status is FaultStatus.NOT_FIXED and fault.status.open
    rechecks.record_recheck(store, fault, RecheckOutcome.FIXED, "李主管")
    assert rechecks.open_faults(store, DAY, "总店") == []

    # The line-up, its seal and its change log stay as they were; the re-checks have seals.
    assert seal.latest_seal(store, lineup_id) == before
    assert seal.lineup_content(store.db.conn, lineup_id) == content_before
    assert store.change_log(lineup_id) == []
    own = store.query("SELECT follow_up_id FROM seals WHERE follow_up_id IS NOT NULL")
    assert len(own) == 2
    report = seal.verify_store(store)
    assert report.ok and report.follow_ups == 2


def test_verify_names_a_recheck_changed_behind_the_app(store):
    lineup_id = finished_lineup(
        store, [SET], make_roster("C", 1), day=DAY, fails=[Fail(0, "t.item-0")]
    )
    [fault] = rechecks.open_faults(store, DAY)
    record = rechecks.record_recheck(store, fault, RecheckOutcome.NOT_FIXED, "李主管")
    conn = store.db.conn
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE follow_ups SET outcome = 'fixed'")
    conn.execute("DROP TRIGGER follow_ups_no_update")
    conn.execute("UPDATE follow_ups SET outcome = 'fixed' WHERE id = ?", (record.id,))
    conn.commit()
    report = seal.verify_store(store)
    assert not report.ok
    assert any(
        f"Follow-up {record.id}" in p.message and "no longer matches its seal" in p.message
        for p in report.problems
    )
    assert report.bad_lineups == [lineup_id]


def test_bad_input_is_named(store):
    finished_lineup(store, [SET], make_roster("D", 1), day=DAY, fails=[Fail(0, "t.item-0")])
    with pytest.raises(rechecks.UnknownFault) as unknown:
        rechecks.find_fault(store, "999-abcde")
    assert "999-abcde" in unknown.value.text("en") and "999-abcde" in unknown.value.text("zh")
    [fault] = rechecks.open_faults(store, DAY)
    assert rechecks.find_fault(store, fault.key.upper()) == fault
    with pytest.raises(rechecks.CheckerRequired) as empty:
        rechecks.record_recheck(store, fault, RecheckOutcome.FIXED, "  ")
    assert "复查人" in empty.value.text("zh")
    rechecks.record_recheck(store, fault, RecheckOutcome.FIXED, "李主管")
    with pytest.raises(rechecks.AlreadyFixed) as fixed:
        rechecks.record_recheck(
            store, rechecks.refreshed(store, fault), RecheckOutcome.FIXED, "李主管"
        )
    assert "already re-checked as fixed" in fixed.value.text("en")


def test_month_figures_from_the_stored_rows(store):
    lineup, people = _open_lineup(store, n=5)
    fails = [(0, "t.item-0"), (0, "t.item-1"), (1, "t.item-0"), (2, "t.item-3"), (3, "t.item-2")]
    for person, item in fails:
        store.set_mark(people[person].id, item, Result.FAIL)
    rechecks.set_fixed_on_spot(store, people[0].id, "t.item-0", True)
    for p in people:
        store.complete_inspection(p.id)
    store.finish_lineup(lineup.id)
    by_key = {(f.inspection_id, f.item_id): f for f in rechecks.faults_of_day(store, DAY)}
    in_time = by_key[(people[0].id, "t.item-1")]
    late = by_key[(people[1].id, "t.item-0")]
    rechecks.record_recheck(
        store, in_time, RecheckOutcome.FIXED, "李主管", at=datetime(2025, 3, 4, 23, 59)
    )
    rechecks.record_recheck(store, late, RecheckOutcome.FIXED, "李主管", at=datetime(2025, 3, 5, 9))
    not_fixed = by_key[(people[2].id, "t.item-3")]
    rechecks.record_recheck(store, not_fixed, RecheckOutcome.NOT_FIXED, "李主管")

    # Independently: the stored rows, one fault per failed mark.
    rows = store.query(
        "SELECT m.inspection_id, m.item_id, "
        "(SELECT group_concat(event || ':' || coalesce(outcome, '') || ':' || "
        "substr(recorded_at, 1, 10), ',') FROM follow_ups f WHERE f.inspection_id = "
        "m.inspection_id AND f.item_id = m.item_id) AS events FROM marks m WHERE result = 'fail'"
    )
    spot = sum(1 for r in rows if (r["events"] or "").startswith("fixed_on_spot"))
    in_time_n = sum(1 for r in rows if "rechecked:fixed:2025-03-04" in (r["events"] or ""))
    late_n = sum(1 for r in rows if "rechecked:fixed:2025-03-05" in (r["events"] or ""))
    figures = rechecks.month_figures(store, DAY)
    assert (figures.faults, figures.fixed_on_spot) == (len(rows), spot) == (5, 1)
    assert (figures.rechecked_in_time, figures.rechecked_late) == (in_time_n, late_n) == (1, 1)
    assert figures.still_open == 2
    assert monthly_pack_data(store, DAY).follow_up == figures
    assert seal.verify_store(store).ok
