"""The HR figures recomputed here from the stored records (Store objects, no report code) and
compared with what the pack prints, what the export writes and what ``lineup show --json``
says: pass rate, ranking and change, scores under 扣分制, supervisors and calibration."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import pytest
from helpers.reports_data import pdf_pages, pdf_text

from inspector.cli import main
from inspector.domain.checklist import InspectionType
from inspector.domain.lineup import Attendance, Result
from inspector.domain.people import Employee, Sex
from inspector.services import settings
from inspector.services.demo import fill_demo
from inspector.services.figures import export_monthly
from inspector.services.report_jobs import build_monthly_pack
from inspector.storage import Store
from inspector.storage.bulk import BulkInspection, BulkLineup, BulkMark, bulk_insert_history

MARCH = date(2025, 3, 1)
FEBRUARY = date(2025, 2, 1)
DEDUCTIONS = {"minor": 2, "major": 5, "critical": 10}


@dataclass
class Group:
    inspected: int = 0
    clean: int = 0
    faults: int = 0
    people: set = field(default_factory=set)
    lineups: set = field(default_factory=set)

    @property
    def rate(self) -> float | None:
        return self.clean / self.inspected if self.inspected else None


def recount(store: Store, month: date) -> dict:
    """The month's figures from Store objects: who was inspected (present or late and
    completed), who had no fault, per department, site and supervisor; each person's
    deductions (severity defaults; a critical fault takes all 100 when ``zeroes``)."""
    end = date(month.year + month.month // 12, month.month % 12 + 1, 1) - timedelta(days=1)
    employees = {e.id: e for e in store.list_employees()}
    groups: dict[tuple[str, str], Group] = defaultdict(Group)
    deducted: dict[int, int] = defaultdict(int)
    deducted_zeroing: dict[int, int] = defaultdict(int)
    inspected_people: set[int] = set()
    for lineup in store.list_lineups(start=month, end=end):
        items = {i.id: i for _, s in store.lineup_checklists(lineup.id) for i in s.items}
        marks = store.marks_for_lineup(lineup.id)
        for i in store.inspections_for(lineup.id):
            if i.completed_at is None or i.attendance not in (Attendance.PRESENT, Attendance.LATE):
                continue
            failed = [m for m in marks.get(i.id, []) if m.result is Result.FAIL]
            person = employees[i.employee_id]
            inspected_people.add(person.id)
            for key in (
                ("all", ""),
                ("department", person.department),
                ("site", lineup.site),
                ("supervisor", lineup.supervisor),
            ):
                g = groups[key]
                g.inspected += 1
                g.clean += not failed
                g.faults += len(failed)
                g.people.add(person.id)
                g.lineups.add(lineup.id)
            severities = [items[m.item_id].severity.value for m in failed]
            deducted[person.id] += sum(DEDUCTIONS[s] for s in severities)
            deducted_zeroing[person.id] += (
                100 if "critical" in severities else sum(DEDUCTIONS[s] for s in severities)
            )
    return {
        "groups": groups,
        "deducted": deducted,
        "deducted_zeroing": deducted_zeroing,
        "people": inspected_people,
        "employees": employees,
    }


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def points(value: float | None) -> str:
    if value is None:
        return "–"
    rounded = round(value, 1)
    return "0.0" if rounded == 0 else f"{rounded:+.1f}"


def ranks(values: dict[str, float | None]) -> dict[str, int]:
    """1 for the highest; equal values share a place."""
    ordered = sorted((v for v in values.values() if v is not None), reverse=True)
    return {k: ordered.index(v) + 1 for k, v in values.items() if v is not None}


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory, catalogue_module):
    path = tmp_path_factory.mktemp("hr") / "demo.db"
    with Store(path) as store:
        fill_demo(store, catalogue_module, employees=70, days=44, seed=5, today=date(2025, 4, 1))
    return path


@pytest.fixture(scope="module")
def catalogue_module():
    from inspector.files.checklists import load_catalogue

    return load_catalogue()


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def read_csv(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"))))


def test_pass_rate_ranking_and_supervisors_agree_everywhere(demo_path, tmp_path) -> None:
    with Store(demo_path, read_only=True) as store:
        now, before = recount(store, MARCH), recount(store, FEBRUARY)
        pdf = build_monthly_pack(store, MARCH, tmp_path / "pack.pdf", "en")
        sheet = export_monthly(store, MARCH, tmp_path / "figures.csv", "csv", lang="en")
    text, first = pdf_text(pdf), pdf_pages(pdf)[0]
    lines = lines_of(text)
    company = now["groups"][("all", "")]
    previous = before["groups"][("all", "")]
    # the headline on the first page
    assert percent(company.rate) in first
    assert points((company.rate - previous.rate) * 100) in first

    rows = read_csv(sheet)
    header = rows[0]
    by_level = defaultdict(list)
    for row in rows[1:]:
        by_level[row[0]].append(dict(zip(header, row, strict=True)))

    for kind, level, title in (
        ("department", "Department", "Departments ranked"),
        ("site", "Site", "Sites ranked"),
    ):
        names = {k[1] for k in now["groups"] if k[0] == kind}
        rates = {n: now["groups"][(kind, n)].rate for n in names}
        earlier = {
            n: before["groups"][(kind, n)].rate for n in names if (kind, n) in before["groups"]
        }
        place, place_before = ranks(rates), ranks(earlier)
        exported = {r[level]: r for r in by_level[level]}
        assert set(exported) == names
        start = lines.index(title, lines.index("Key figures"))
        for name in names:
            g = now["groups"][(kind, name)]
            change = (g.rate - earlier[name]) * 100 if name in earlier else None
            moved = place_before[name] - place[name] if name in place_before else None
            expected = [
                str(place[name]), name, f"{len(g.people):,}", f"{g.inspected:,}", f"{g.clean:,}",
                percent(g.rate), percent(earlier.get(name)), points(change),
                "–" if moved is None else ("0" if moved == 0 else f"{moved:+d}"),
            ]  # fmt: skip
            at = lines.index(name, start)
            assert lines[at - 1 : at + 8] == expected, name
            row = exported[name]
            assert [
                row["Rank"], row[level], row["Staff in line-ups"], row["Inspections"],
                row["Passed (no fault)"], row["Pass rate"], row["Previous month"],
                row["Change (points)"],
            ] == [e.replace(",", "") for e in expected[:8]]  # fmt: skip
        # ranked: the order of the table is the order of the places
        order = [lines.index(n, start) for n in sorted(names, key=lambda n: (place[n], n))]
        assert order == sorted(order)

    supervisors = {k[1] for k in now["groups"] if k[0] == "supervisor"}
    assert len(supervisors) >= 1
    start = lines.index("Supervisors", lines.index("Key figures"))
    per_100 = company.faults * 100 / company.inspected
    exported = {r["Name"]: r for r in by_level["Supervisor"]}
    for name in supervisors:
        g = now["groups"][("supervisor", name)]
        own = g.faults * 100 / g.inspected
        at = lines.index(name, start)
        assert lines[at : at + 7] == [
            name, f"{len(g.lineups):,}", f"{g.inspected:,}", f"{g.faults:,}", f"{own:.1f}",
            f"{per_100:.1f}", percent(g.rate),
        ]  # fmt: skip
        flagged = g.inspected >= 100 and own < per_100 / 2
        assert (exported[name]["Calibrate"] == "Yes") is flagged
        assert exported[name]["Line-ups held"] == str(len(g.lineups))


def test_scores_under_deduction_scoring_agree(demo_path, tmp_path) -> None:
    path = tmp_path / "demo.db"
    path.write_bytes(demo_path.read_bytes())
    with Store(path) as store:
        settings.set_value(store, "scoring_profile", "deduction")
        for zeroes in ("no", "yes"):
            settings.set_value(store, "critical_zeroes", zeroes)
            counted = recount(store, MARCH)
            off = counted["deducted_zeroing" if zeroes == "yes" else "deducted"]
            sheet = export_monthly(store, MARCH, tmp_path / f"s-{zeroes}.csv", "csv", lang="en")
            rows = read_csv(sheet)
            header = rows[0]
            records = [dict(zip(header, r, strict=True)) for r in rows[1:]]
            by_no = {e.employee_no: e for e in counted["employees"].values()}
            for r in (r for r in records if r["Level"] == "Employee"):
                person = by_no[r["Employee no."]]
                score = max(0, 100 - off[person.id]) if person.id in counted["people"] else None
                assert r["Score"] == ("" if score is None else str(score)), r["Employee no."]
                assert r["Points off"] == str(off[person.id])
            scores = {p: max(0, 100 - off[p]) for p in counted["people"]}
            departments = defaultdict(list)
            for p, s in scores.items():
                departments[counted["employees"][p].department].append(s)
            for r in (r for r in records if r["Level"] == "Department"):
                values = departments[r["Department"]]
                assert r["Score"] == f"{sum(values) / len(values):.1f}"
            (total,) = [r for r in records if r["Level"] == "Total"]
            assert total["Score"] == f"{sum(scores.values()) / len(scores):.1f}"
            pdf = build_monthly_pack(store, MARCH, tmp_path / f"p-{zeroes}.pdf", "en")
            first = pdf_pages(pdf)[0]
            assert "Average score this month" in first
            assert f"{sum(scores.values()) / len(scores):.1f}" in first


def test_calibration_flag_for_a_lenient_supervisor(tmp_path, clean_pdf) -> None:
    """Two supervisors, 120 people each: one finds 12 faults, the other 1 (0.8 per 100, under
    half of the overall 5.4): the second is flagged, the rule is printed."""
    from helpers.reports_data import SETS

    with Store(tmp_path / "c.db") as store:
        store.upsert_employees(
            [
                Employee(f"E{n:03}", f"员工{n}", Sex.MALE, "客服部", "cook", "翠湖花园")
                for n in range(12)
            ]
        )
        people = store.list_employees()
        lineups = []
        for day_number in range(20):
            day = MARCH + timedelta(days=day_number)
            strict = day_number % 2 == 0
            start = datetime.combine(day, time(8))
            inspections = tuple(
                BulkInspection(
                    p.id,
                    Attendance.PRESENT,
                    start + timedelta(minutes=1),
                    (BulkMark("g.hair-clean", Result.FAIL),)
                    if (strict and n == day_number % 12)
                    or (not strict and day_number == 1 and n == 0)
                    else (),
                )
                for n, p in enumerate(people)
            )
            lineups.append(
                BulkLineup(
                    day,
                    "早班",
                    "翠湖花园",
                    "",
                    "严主管" if strict else "宽主管",
                    start,
                    start + timedelta(minutes=10),
                    inspections,
                )
            )
        # the strict supervisor's ten line-ups find one fault each, plus two more on the first
        first = lineups[0]
        lineups[0] = BulkLineup(
            first.day, first.shift, first.site, first.department, first.supervisor,
            first.started_at, first.finished_at,
            tuple(
                BulkInspection(i.employee_id, i.attendance, i.completed_at,
                               (BulkMark("u.pressed", Result.FAIL),) if n in (5, 6) else i.marks)
                for n, i in enumerate(first.inspections)
            ),
        )  # fmt: skip
        bulk_insert_history(store, SETS, lineups)
        counted = recount(store, MARCH)["groups"]
        assert counted[("supervisor", "严主管")].faults == 12
        assert counted[("supervisor", "宽主管")].faults == 1
        pdf = build_monthly_pack(store, MARCH, tmp_path / "c.pdf", "zh")
        text = clean_pdf(pdf)
        rows = read_csv(export_monthly(store, MARCH, tmp_path / "c.csv", "csv", lang="zh"))
    lines = lines_of(text)
    start = lines.index("检查人", lines.index("关键指标"))
    assert "至少 100 人次" in lines[start + 1] and "50%" in lines[start + 1]
    lenient = lines.index("宽主管", start)
    assert lines[lenient : lenient + 9] == [
        "宽主管", "10", "120", "1", "0.8", "5.4", "99.2%", "0", "是",
    ]  # fmt: skip
    strict = lines.index("严主管", start)
    assert lines[strict + 8] != "是"
    assert "需校准的检查人: 宽主管" in pdf_pages(pdf)[0]
    flagged = [r for r in rows if r[0] == "检查人" and "是" in r]
    assert [r[5] for r in flagged] == ["宽主管"]


def test_lineup_show_json_pass_rate(seeded_path, lineup_ids, capsys) -> None:
    with Store(seeded_path, read_only=True) as store:
        expected = {}
        for lineup_id in lineup_ids.values():
            people = [
                i
                for i in store.inspections_for(lineup_id)
                if i.completed_at is not None
                and i.attendance in (Attendance.PRESENT, Attendance.LATE)
            ]
            clean = [i for i in people if not i.failed]
            expected[lineup_id] = (len(clean) / len(people), {i.id: not i.failed for i in people})
    for lineup_id, (rate, by_person) in expected.items():
        assert main(["--db", str(seeded_path), "lineup", "show", str(lineup_id), "--json"]) == 0
        shown = json.loads(capsys.readouterr().out)
        assert shown["pass_rate"] == rate
        for person in shown["inspections"]:
            if person["inspection_id"] in by_person:
                assert person["pass_rate"] == (1.0 if by_person[person["inspection_id"]] else 0.0)
            else:
                assert person["pass_rate"] is None  # absent, on leave or not inspected
    morning = lineup_ids[(date(2025, 4, 3), "早班")]
    assert expected[morning][0] == 4 / 6  # 赵强 and 陈静 had faults; 李娜 was late, inspected


HANDS = """
[set]
id = "hands"
version = 2
inspection_type = "lineup"
area = "hands"
zh = "手部"
en = "Hands"
source_file = "company.txt"

[[item]]
id = "hands.nails-clean"
kind = "required"
zh = "指甲干净"
en = "Nails clean"
severity = "minor"
weight = 3
section = "1"
deduction = {deduction}
"""


def test_a_checklist_items_own_deduction_is_taken(tmp_path) -> None:
    """A company sets its own points for one item in its checklist file; the score uses it."""
    from inspector.files.checklists import ChecklistError, load_catalogue

    folder = tmp_path / "company"
    folder.mkdir()
    (folder / "hands.toml").write_text(HANDS.format(deduction=200), "utf-8")
    with pytest.raises(ChecklistError, match="deduction must be a whole number from 0 to 100"):
        load_catalogue((folder,))
    (folder / "hands.toml").write_text(HANDS.format(deduction=7), "utf-8")
    catalogue = load_catalogue((folder,))
    hands = catalogue.item("hands.nails-clean")
    assert hands.deduction == 7
    assert hands.severity.value == "minor"  # the severity's default would be 2
    with Store(tmp_path / "d.db") as store:
        store.upsert_employees([Employee("E1", "张伟", Sex.MALE, "客服部", "cook", "翠湖花园")])
        (person,) = store.list_employees()
        day = MARCH + timedelta(days=2)
        start = datetime.combine(day, time(8))
        bulk_insert_history(
            store,
            catalogue.sets_for(InspectionType.LINEUP),
            [
                BulkLineup(day, "早班", "翠湖花园", "", "周主管", start, start + timedelta(minutes=5),
                           (BulkInspection(person.id, Attendance.PRESENT, start,
                                           (BulkMark("hands.nails-clean", Result.FAIL),)),))
            ],
        )  # fmt: skip
        settings.set_value(store, "scoring_profile", "deduction")
        rows = read_csv(export_monthly(store, MARCH, tmp_path / "d.csv", "csv", lang="en"))
    header = rows[0]
    (employee,) = [dict(zip(header, r, strict=True)) for r in rows[1:] if r[0] == "Employee"]
    assert (employee["Score"], employee["Points off"]) == ("93", "7")
