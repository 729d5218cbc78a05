"""整改与复查 in the monthly pack and its export: the figures recomputed here from the stored
rows (line-ups, inspections, marks, follow_ups; no report or domain code) and compared with
the PDF text and the CSV, for the company, one site and one department."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date, timedelta

import pytest
from helpers.reports_data import pdf_text

from inspector.domain.lineup import Attendance, Result
from inspector.services.demo import fill_demo
from inspector.services.figures import export_monthly
from inspector.services.report_jobs import build_monthly_pack
from inspector.storage import Store

MAY = date(2024, 5, 1)
GROUPS = ("fixed_on_spot", "in_time", "late", "open")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory, catalogue):
    path = tmp_path_factory.mktemp("follow") / "demo.db"
    with Store(path) as store:
        fill_demo(store, catalogue, employees=70, days=44, seed=3, today=date(2024, 6, 12))
    return path


def recount(store: Store, month: date, site: str | None = None, department: str | None = None):
    """Each fault of the month's inspected people, by what its follow-up rows say."""
    end = date(month.year, month.month + 1, 1) - timedelta(days=1)
    counts: Counter = Counter()
    for lineup in store.list_lineups(start=month, end=end):
        if site and lineup.site != site:
            continue
        marks = store.marks_for_lineup(lineup.id)
        for i in store.inspections_for(lineup.id):
            if i.completed_at is None or i.attendance not in (Attendance.PRESENT, Attendance.LATE):
                continue
            if department and store.judged_identity(i.id).department != department:
                continue
            for mark in marks.get(i.id, []):
                if mark.result is not Result.FAIL:
                    continue
                events = store.query(
                    "SELECT event, outcome, recorded_at FROM follow_ups "
                    "WHERE inspection_id = ? AND item_id = ? ORDER BY id",
                    (i.id, mark.item_id),
                )
                spot = [e["event"] for e in events if e["event"] != "rechecked"]
                fixed = [e for e in events if e["outcome"] == "fixed"]
                counts["faults"] += 1
                if spot and spot[-1] == "fixed_on_spot":
                    counts["fixed_on_spot"] += 1
                elif fixed and fixed[0]["recorded_at"][:10] <= lineup.day.isoformat():
                    counts["in_time"] += 1
                elif fixed:
                    counts["late"] += 1
                else:
                    counts["open"] += 1
    return counts


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%"


def test_the_demo_has_realistic_follow_up(demo_path) -> None:
    with Store(demo_path) as store:
        counts = recount(store, MAY)
    assert counts["faults"] > 50
    assert 0.1 < counts["fixed_on_spot"] / counts["faults"] < 0.4
    assert counts["in_time"] > counts["late"] > 0 and counts["open"] > 0


@pytest.mark.parametrize(
    ("site", "department"), [(None, None), ("翠湖花园", None), (None, "客服部")]
)
def test_pack_and_csv_agree_with_the_stored_rows(demo_path, tmp_path, site, department) -> None:
    with Store(demo_path) as store:
        counts = recount(store, MAY, site, department)
        pdf = build_monthly_pack(
            store, MAY, tmp_path / "pack.pdf", "en", department, site=site, invariant=True
        )
        sheet = export_monthly(
            store, MAY, tmp_path / "f.csv", "csv", department, lang="en", site=site
        )
    text = pdf_text(pdf)
    assert "\x00" not in text
    section = text[text.index("Fixes and re-checks") :]
    faults = counts["faults"]
    expected = [
        ("Faults", f"{faults:,}"),
        ("Fixed on the spot", f"{counts['fixed_on_spot']:,} ({share(counts['fixed_on_spot'], faults)})"),
        ("Re-checked in time", f"{counts['in_time']:,} ({share(counts['in_time'], faults)})"),
        ("Re-checked late", f"{counts['late']:,} ({share(counts['late'], faults)})"),
        ("Still open", f"{counts['open']:,} ({share(counts['open'], faults)})"),
    ]  # fmt: skip
    lines = [line.strip() for line in section.splitlines()]
    for caption, value in expected:
        assert caption in lines, caption
        assert value in lines, (caption, value)

    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    follow = {
        r["Item"]: (r["Count"], r["Share of faults"])
        for r in rows
        if r["Level"] == "Fixes and re-checks"
    }
    assert follow["Faults"] == (str(faults), "100.0%")
    assert follow["Fixed on the spot"] == (
        str(counts["fixed_on_spot"]),
        share(counts["fixed_on_spot"], faults),
    )
    assert follow["Re-checked in time"] == (
        str(counts["in_time"]),
        share(counts["in_time"], faults),
    )
    assert follow["Re-checked late"] == (str(counts["late"]), share(counts["late"], faults))
    assert follow["Still open"] == (str(counts["open"]), share(counts["open"], faults))


def test_the_chinese_pack_says_it_in_chinese(demo_path, tmp_path) -> None:
    with Store(demo_path) as store:
        counts = recount(store, MAY)
        pdf = build_monthly_pack(store, MAY, tmp_path / "zh.pdf", "zh", invariant=True)
    text = pdf_text(pdf)
    assert "\x00" not in text
    section = text[text.index("整改与复查") :]
    for caption in ("当场整改", "按时复查", "逾期复查", "仍未整改", "晨会当天结束前复查合格"):
        assert caption in section
    assert f"{counts['late']:,} ({share(counts['late'], counts['faults'])})" in section
