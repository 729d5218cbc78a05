"""The demo data: a believable company and history, the same for a seed, and quick to make."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest

from inspector import paths
from inspector.domain.checklist import InspectionType, Severity, applicable_items
from inspector.domain.lineup import Attendance, Result
from inspector.domain.people import Sex
from inspector.domain.scoring import score_inspection
from inspector.services.demo import (
    COMPANY_NAME,
    DemoRefused,
    ensure_demo_database,
    fill_demo,
    generate_roster,
    working_days,
)
from inspector.storage import Store
from inspector.storage.seal import verify

TODAY = date(2024, 6, 17)  # a Monday


@pytest.fixture(scope="module")
def demo(tmp_path_factory, catalogue):
    """The quick-start demo (default sizes), built once for the module."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store(path) as store:
        summary = fill_demo(store, catalogue, today=TODAY)
    store = Store(path)
    yield store, summary
    store.close()


def test_default_sizes(demo):
    store, summary = demo
    assert summary.employees == store.employee_count() == 60
    lineups = store.list_lineups()
    assert len({lu.day for lu in lineups}) == 66
    assert summary.lineups == len(lineups)
    assert summary.inspections == sum(len(store.inspections_for(lu.id)) for lu in lineups)


def test_roster_looks_like_a_property_management_company(demo):
    store, _ = demo
    employees = store.list_employees()
    assert {e.sex for e in employees} == {Sex.MALE, Sex.FEMALE}
    assert any(e.role == "lifeguard" and e.department == "会所" for e in employees)
    assert {"客服部", "秩序维护部", "工程部", "环境部", "会所"} <= set(store.departments())
    assert 1 <= len(store.sites()) <= 3
    assert all(2 <= len(e.name) <= 3 for e in employees)
    assert len({e.employee_no for e in employees}) == 60


def test_company_name_settings(demo):
    store, _ = demo
    assert store.get_setting("company_name") == COMPANY_NAME
    assert store.get_setting("company_name_en")


def test_one_finished_morning_lineup_per_site_and_working_day(demo):
    store, _ = demo
    lineups = store.list_lineups()
    assert all(lu.finished for lu in lineups)
    assert all(lu.shift == "早班" and lu.supervisor for lu in lineups)
    days = sorted({lu.day for lu in lineups})
    assert all(day.weekday() != 6 for day in days)  # no Sundays
    assert days[-1] == TODAY - timedelta(days=2)  # Saturday before this Monday
    per_day = Counter(lu.day for lu in lineups)
    assert set(per_day.values()) == {len(store.sites())}
    assert store.unfinished_lineup() is None


def test_sites_lining_up_by_department_keep_one_to_three_supervisors(tmp_path, catalogue):
    """A large site lines up department by department; the same few supervisors run them."""
    with Store(tmp_path / "big.db") as store:
        fill_demo(store, catalogue, employees=200, days=10, seed=2, today=date(2025, 3, 1))
        by_site: dict[str, set] = {}
        for lineup in store.list_lineups():
            assert lineup.department  # split by department
            by_site.setdefault(lineup.site, set()).add(lineup.supervisor)
    assert all(1 <= len(names) <= 3 for names in by_site.values()), by_site


def test_each_site_has_one_to_three_regular_supervisors(demo):
    store, _ = demo
    by_site: dict[str, Counter] = {}
    for lineup in store.list_lineups():
        by_site.setdefault(lineup.site, Counter())[lineup.supervisor] += 1
    assert len(by_site) >= 2
    for site, supervisors in by_site.items():
        assert 1 <= len(supervisors) <= 3, site
        assert min(supervisors.values()) >= 5, site  # regulars, not one-offs
    names = {e.name for e in store.list_employees()}
    assert all(name in names for s in by_site.values() for name in s)


def test_attendance_and_fault_rates_are_plausible(demo):
    store, _ = demo
    inspections = [i for lu in store.list_lineups() for i in store.inspections_for(lu.id)]
    attendance = Counter(i.attendance for i in inspections)
    total = len(inspections)
    assert 0.015 < attendance[Attendance.ABSENT] / total < 0.05
    assert 0.005 < attendance[Attendance.LEAVE] / total < 0.04
    assert 0.005 < attendance[Attendance.LATE] / total < 0.04
    assert all(i.completed_at is not None for i in inspections)
    inspected = [i for i in inspections if i.attendance.inspected]
    with_faults = sum(1 for i in inspected if i.failed)
    assert 0.05 <= with_faults / len(inspected) <= 0.10
    absent = [i for i in inspections if not i.attendance.inspected]
    assert all(i.applicable == i.failed == 0 for i in absent)


def test_stored_counts_equal_a_recomputation(demo):
    store, _ = demo
    employees = {e.id: e for e in store.list_employees()}
    checked = 0
    for lineup in store.list_lineups():
        sets = [s for _, s in store.lineup_checklists(lineup.id)]
        marks = store.marks_for_lineup(lineup.id)
        for inspection in store.inspections_for(lineup.id):
            if not inspection.attendance.inspected:
                continue
            items = [item for _, item in applicable_items(sets, employees[inspection.employee_id])]
            score = score_inspection(
                items, {m.item_id: m.result for m in marks.get(inspection.id, [])}
            )
            assert (
                inspection.applicable, inspection.passed, inspection.failed,
                inspection.critical_failed, inspection.fault_points,
            ) == (
                score.applicable, score.passed, score.failed,
                score.critical_failed, score.fault_points,
            )  # fmt: skip
            checked += 1
    assert checked > 3000


def test_repeat_offenders_and_rare_critical_faults(demo, catalogue):
    store, summary = demo
    fails = store.db.conn.execute(
        "SELECT i.employee_id, m.item_id, substr(l.day, 1, 7) AS month, count(*) "
        "FROM marks m JOIN inspections i ON i.id = m.inspection_id "
        "JOIN lineups l ON l.id = i.lineup_id WHERE m.result = 'fail' "
        "GROUP BY i.employee_id, m.item_id, month HAVING count(*) >= 3"
    ).fetchall()
    repeaters = {store.get_employee(row[0]).employee_no for row in fails}
    assert len(repeaters) >= 2
    assert set(summary.repeat_offenders) <= repeaters

    failed_items = [
        row[0] for row in store.db.conn.execute("SELECT item_id FROM marks WHERE result = 'fail'")
    ]
    critical = [i for i in failed_items if catalogue.item(i).severity is Severity.CRITICAL]
    assert 1 <= len(critical) <= len(failed_items) * 0.05
    assert "face.shave.not-shaved" in failed_items
    assert "shoes.shoes.dusty" in failed_items
    notes = [row[0] for row in store.db.conn.execute("SELECT note FROM marks WHERE note != ''")]
    assert notes  # faults come with a supervisor's note


def test_faults_only_on_items_that_apply_to_the_person(demo):
    store, _ = demo
    employees = {e.id: e for e in store.list_employees()}
    # A fault amended to a pass keeps its note: an explicit pass, in the change log.
    amended = {(c.inspection_id, c.item_id) for c in store.change_log()}
    for lineup in store.list_lineups()[:20]:
        sets = [s for _, s in store.lineup_checklists(lineup.id)]
        by_id = {i.id: i for i in store.inspections_for(lineup.id)}
        for inspection_id, marks in store.marks_for_lineup(lineup.id).items():
            employee = employees[by_id[inspection_id].employee_id]
            applicable = {item.id for _, item in applicable_items(sets, employee)}
            assert {m.item_id for m in marks} <= applicable
            assert all(
                m.result in (Result.FAIL, Result.NOT_APPLICABLE)
                or (inspection_id, m.item_id) in amended
                for m in marks
            )


def test_demo_is_sealed(demo):
    store, _ = demo
    report = verify(store.db.conn)
    assert report.ok, report.problems
    observations = store.list_lineups(inspection_type=InspectionType.OBSERVATION)
    assert observations  # the demo has floor observations, sealed in the same chain
    assert report.lineups == len(store.list_lineups()) + len(observations)


def test_the_history_has_a_few_amendments_a_month_by_the_sites_supervisors(demo):
    """Made through the amendment path: in the change log, each sealed again, by the line-up's
    own supervisor, on the day, after the line-up finished, with a plausible reason."""
    store, _ = demo
    log = store.change_log()
    lineups = {lu.id: lu for lu in store.list_lineups()}
    per_month = Counter(f"{lineups[c.lineup_id].day:%Y-%m}" for c in log)
    months = {f"{lu.day:%Y-%m}" for lu in lineups.values()}
    assert set(per_month) == months
    assert all(2 <= n <= 10 for n in per_month.values()), per_month
    for change in log:
        lineup = lineups[change.lineup_id]
        assert change.changed_by == lineup.supervisor
        assert lineup.finished_at < change.changed_at
        assert change.changed_at.date() == lineup.day
        assert any(word in change.reason for word in ("误判", "员工补到", "漏记", "请假"))
    sealed = store.db.conn.execute("SELECT count(*) FROM seals WHERE change_id IS NOT NULL")
    assert sealed.fetchone()[0] == len(log)
    reasons = {c.reason for c in log}
    assert any("误判" in r for r in reasons) and any("员工补到" in r for r in reasons)


def _snapshot(store: Store) -> tuple:
    employees = [
        (e.employee_no, e.name, e.sex, e.department, e.role, e.site, e.active)
        for e in store.list_employees()
    ]
    marks = store.db.conn.execute(
        "SELECT l.day, l.site, l.department, e.employee_no, i.attendance, m.item_id, m.result, m.note "
        "FROM inspections i JOIN lineups l ON l.id = i.lineup_id "
        "JOIN employees e ON e.id = i.employee_id "
        "LEFT JOIN marks m ON m.inspection_id = i.id ORDER BY 1, 2, 3, 4, 6"
    ).fetchall()
    return employees, marks


def test_the_same_seed_gives_the_same_data(tmp_path, catalogue):
    snapshots = []
    for name in ("a.db", "b.db", "c.db"):
        with Store(tmp_path / name) as store:
            fill_demo(
                store,
                catalogue,
                employees=40,
                days=10,
                seed=7 if name != "c.db" else 8,
                today=TODAY,
            )
            snapshots.append(_snapshot(store))
    assert snapshots[0] == snapshots[1]
    assert snapshots[0] != snapshots[2]


@pytest.mark.parametrize("count", [5, 6, 29, 150, 1000])
def test_every_roster_size_has_both_sexes_and_a_lifeguard(count):
    roster = generate_roster(count, seed=3)
    assert len(roster) == count
    assert {e.sex for e in roster} == {Sex.MALE, Sex.FEMALE}
    assert any(e.role == "lifeguard" and e.department == "会所" for e in roster)
    assert len({e.employee_no for e in roster}) == count


def test_too_small_a_roster_is_refused():
    with pytest.raises(ValueError, match="at least 5"):
        generate_roster(4)


def test_working_days_skip_sundays():
    days = working_days(7, date(2024, 6, 17))  # a Monday: today itself is not included
    assert days == [date(2024, 6, d) for d in (8, 10, 11, 12, 13, 14, 15)]


def test_refuses_a_database_with_employees_unless_forced(store, catalogue):
    fill_demo(store, catalogue, employees=10, days=1, today=TODAY)
    with pytest.raises(DemoRefused, match=r"already has 10 employees.*--force"):
        fill_demo(store, catalogue, employees=10, days=1, today=TODAY)
    fill_demo(store, catalogue, employees=12, days=1, today=TODAY, force=True)
    assert store.employee_count() == 12


def test_large_sites_line_up_by_department(tmp_path, catalogue):
    with Store(tmp_path / "big.db") as store:
        fill_demo(store, catalogue, employees=300, days=1, today=TODAY)
        lineups = store.list_lineups()
        assert all(lu.department for lu in lineups)
        people = sum(len(store.inspections_for(lu.id)) for lu in lineups)
        assert people == len(store.list_employees(active_only=True))


def test_ensure_demo_database_creates_it_once(catalogue):
    path = ensure_demo_database(catalogue=catalogue)
    assert path == paths.demo_db_path()
    with Store(path) as store:
        assert store.employee_count() == 60
        lineups = len(store.list_lineups())
    stamp = path.stat().st_mtime_ns
    assert ensure_demo_database(catalogue=catalogue) == path
    assert path.stat().st_mtime_ns == stamp
    with Store(path) as store:
        assert len(store.list_lineups()) == lineups
    assert [p.name for p in path.parent.iterdir() if "building" in p.name] == []


@pytest.mark.slow
def test_two_thousand_people_for_a_month(tmp_path, catalogue):
    """The fill scales to a large company (its time is printed by bench/demo.py)."""
    with Store(tmp_path / "big.db") as store:
        summary = fill_demo(store, catalogue, employees=2000, days=22, today=TODAY)
    assert summary.inspections > 40_000
