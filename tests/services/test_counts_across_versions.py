"""A period that spans a change of checklist version counts each fault once, under the reason
in force: an old item id is counted under the reason that names it in ``replaces``."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from helpers.gui_pages import add_people, run_lineup

from inspector.domain.checklist import Catalogue
from inspector.files.checklists import load_catalogue
from inspector.services.employee_record import employee_record
from inspector.storage import report_queries

ROOT = Path(__file__).resolve().parents[2]
OLD_DIRTY, DIRTY = "hands.nails-clean", "hands.nails.dirty"


def old_catalogue(tmp_path) -> Catalogue:
    folder = tmp_path / "v1"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "checklists" / "v1" / "hands.toml", folder)
    shutil.copy(ROOT / "checklists" / "areas.toml", folder)
    return load_catalogue([folder], include_shipped=False)


def test_old_and_new_dirty_nails_count_as_one_reason(tmp_path, store, catalogue):
    people = add_people(store)
    wang = people[0]
    run_lineup(
        store, old_catalogue(tmp_path), date(2025, 5, 5), [wang], faults={"E001": [OLD_DIRTY]}
    )
    run_lineup(store, catalogue, date(2025, 5, 6), [wang], faults={"E001": [DIRTY]})

    record = employee_record(store, "E001", date(2025, 5, 1), date(2025, 5, 31))
    [fault] = record.faults
    assert (fault.item_id, fault.count, fault.last_day) == (DIRTY, 2, date(2025, 5, 6))
    assert fault.text == catalogue.item(DIRTY).text  # worded as the reason in force

    [month] = report_queries.fault_counts(store, date(2025, 5, 1))
    assert (month.item_id, month.count) == (DIRTY, 2)
    assert month.text == catalogue.item(DIRTY).text
    # The day of the old version keeps its own words on its sheet.
    old_day = report_queries.lineup_sheet_data(store, 1)
    [line] = [m for p in old_day.people for m in p.marks]
    assert line.item_id == OLD_DIRTY and line.text.en != catalogue.item(DIRTY).text.en
