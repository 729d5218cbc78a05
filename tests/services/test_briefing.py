"""The 讲评 card's data: the previous line-up day at the site, counted here from the stored
rows (the demo history, amendments included) and compared with ``services.briefing``."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from inspector.domain.attendance import counts_as_inspected
from inspector.domain.lineup import Result
from inspector.services.briefing import TOP_FAULTS, briefing
from inspector.services.demo import fill_demo
from inspector.storage import Store

TODAY = date(2024, 6, 17)  # a Monday


@pytest.fixture(scope="module")
def demo(tmp_path_factory, catalogue):
    path = tmp_path_factory.mktemp("briefing") / "demo.db"
    with Store(path) as store:
        fill_demo(store, catalogue, today=TODAY, observations=False)
    store = Store(path)
    yield store
    store.close()


def _count(store: Store, day: date, site: str) -> tuple[int, int, dict[str, set[int]]]:
    inspected = clean = 0
    people: dict[str, set[int]] = defaultdict(set)
    for lineup in store.list_lineups():
        if lineup.day != day or lineup.site != site or not lineup.finished:
            continue
        marks = store.marks_for_lineup(lineup.id)
        for inspection in store.inspections_for(lineup.id):
            if not counts_as_inspected(inspection.attendance, inspection.completed_at):
                continue
            inspected += 1
            failed = [m for m in marks.get(inspection.id, []) if m.result is Result.FAIL]
            clean += not failed
            for mark in failed:
                people[mark.item_id].add(inspection.employee_id)
    return inspected, clean, people


def test_the_card_counts_what_the_previous_lineup_day_recorded(demo, catalogue):
    store = demo
    sites = sorted({lu.site for lu in store.list_lineups()})
    assert len(sites) == 2
    for site in sites:
        days = sorted({lu.day for lu in store.list_lineups() if lu.site == site and lu.day < TODAY})
        card = briefing(store, site, TODAY)
        assert card.day == days[-1]
        inspected, clean, people = _count(store, card.day, site)
        assert (card.tally.inspections, card.tally.clean) == (inspected, clean)
        assert card.pass_rate == clean / inspected
        expected = sorted(((-len(who), item) for item, who in people.items()))[:TOP_FAULTS]
        assert [(-f.people, f.item_id) for f in card.faults] == expected
        assert [f.text for f in card.faults] == [catalogue.item(i).text for _, i in expected]
        assert card.more_faults == max(0, len(people) - TOP_FAULTS)


def test_a_site_without_a_lineup_before_today_has_an_empty_card(demo):
    first_day = min(lu.day for lu in demo.list_lineups())
    assert briefing(demo, "翠湖花园", first_day).empty
    assert briefing(demo, "no such site", TODAY).empty
    assert briefing(demo, "no such site", TODAY).faults == ()


def _open_faults(store: Store, days: set[date], site: str) -> set[tuple[int, str]]:
    """Faults of completed inspections on ``days`` at ``site`` that no event closed: not fixed
    on the spot (a later undo reopens) and not re-checked fixed."""
    faults: set[tuple[int, str]] = set()
    for lineup in store.list_lineups():
        if lineup.day not in days or lineup.site != site:
            continue
        marks = store.marks_for_lineup(lineup.id)
        for inspection in store.inspections_for(lineup.id):
            if counts_as_inspected(inspection.attendance, inspection.completed_at):
                faults |= {
                    (inspection.id, m.item_id)
                    for m in marks.get(inspection.id, [])
                    if m.result is Result.FAIL
                }
    closed: dict[tuple[int, str], bool] = {}
    for event in store.query("SELECT * FROM follow_ups ORDER BY id"):
        key = (event["inspection_id"], event["item_id"])
        if event["event"] == "fixed_on_spot":
            closed[key] = True
        elif event["event"] == "spot_fix_undone":
            closed[key] = False
        elif event["outcome"] == "fixed":
            closed[key] = True
    return {key for key in faults if not closed.get(key)}


def test_the_card_names_the_faults_still_open_from_that_day_and_today(demo):
    store = demo
    seen_open = 0
    lineups = store.list_lineups()
    for site, today in sorted(
        {(lu.site, lu.day) for lu in lineups} | {(lu.site, TODAY) for lu in lineups}
    ):
        card = briefing(store, site, today)
        expected = _open_faults(store, {card.day, today}, site)
        shown = {(f.inspection_id, f.item_id) for f in card.rechecks_due}
        assert shown <= expected
        assert len(card.rechecks_due) + card.more_rechecks == len(expected)
        assert len(card.rechecks_due) == min(len(expected), 6)
        if card.rechecks_due:
            assert card.recheck_day == min(f.day for f in card.rechecks_due)
        seen_open += len(expected)
    assert seen_open > 0  # the demo leaves some faults open: the checks above saw some
