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
        assert (card.inspected, card.clean) == (inspected, clean)
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
