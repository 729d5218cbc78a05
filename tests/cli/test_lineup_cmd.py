"""``inspector lineup list`` and ``inspector lineup show``: text and JSON."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from inspector.cli import main
from inspector.domain.checklist import InspectionType
from inspector.domain.lineup import Attendance, Result
from inspector.domain.people import Employee, Sex
from inspector.storage import Store

DAY = date(2024, 5, 6)


@pytest.fixture
def lineups(db_path, catalogue):
    """Two line-ups on DAY: a finished morning one with every status, an open evening one."""
    with Store(db_path) as store:
        store.upsert_employees(
            [
                Employee("1001", "张伟", Sex.MALE, "秩序维护部", "security", "翠湖花园"),
                Employee("1002", "李娜", Sex.FEMALE, "客服部", "customer-service", "翠湖花园"),
                Employee("1003", "王芳", Sex.FEMALE, "会所", "lifeguard", "翠湖花园"),
                Employee("1004", "赵强", Sex.MALE, "工程部", "engineer", "翠湖花园"),
                Employee("1005", "钱敏", Sex.FEMALE, "客服部", "receptionist", "翠湖花园"),
            ]
        )
        people = store.list_employees()
        by_no = {e.employee_no: e for e in people}
        ordered = [by_no[n] for n in ("1001", "1002", "1003", "1004", "1005")]
        sets = catalogue.sets_for(InspectionType.LINEUP)
        morning = store.start_lineup(
            day=DAY, shift="早班", site="翠湖花园", department="", supervisor="周主管",
            sets=sets, employees=ordered, started_at=datetime(2024, 5, 6, 7, 50),
        )  # fmt: skip
        first, second, third, fourth, fifth = store.inspections_for(morning.id)
        store.set_mark(first.id, "face.shave.not-shaved", Result.FAIL, note="胡子未刮")
        store.complete_inspection(first.id)
        store.complete_inspection(second.id)
        store.set_attendance(third.id, Attendance.ABSENT)
        store.set_attendance(fourth.id, Attendance.LATE)
        store.set_mark(fourth.id, "shoes.shoes.dusty", Result.FAIL)
        store.complete_inspection(fourth.id)
        store.set_attendance(fifth.id, Attendance.LEAVE)
        store.finish_lineup(morning.id, finished_at=datetime(2024, 5, 6, 8, 5))
        evening = store.start_lineup(
            day=DAY, shift="晚班", site="翠湖花园", department="秩序维护部", supervisor="吴主管",
            sets=sets, employees=[by_no["1001"]], started_at=datetime(2024, 5, 6, 18, 0),
        )  # fmt: skip
        return morning.id, evening.id


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_text(db_path, lineups, capsys):
    code, out, _ = run(capsys, "lineup", "list", "--db", str(db_path))
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == [
        "id", "date", "shift", "site", "department", "supervisor", "people", "done", "with_faults",
        "finished",
    ]  # fmt: skip
    morning = next(r for r in rows if r.split()[0] == str(lineups[0])).split()
    assert morning == [
        str(lineups[0]),
        "2024-05-06",
        "早班",
        "翠湖花园",
        "–",
        "周主管",
        "5",
        "5",
        "2",
        "yes",
    ]
    evening = next(r for r in rows if r.split()[0] == str(lineups[1])).split()
    assert evening[-4:] == ["1", "0", "0", "no"]


def test_list_json(db_path, lineups, capsys):
    code, out, _ = run(capsys, "--db", str(db_path), "lineup", "list", "--json")
    assert code == 0
    data = {item["id"]: item for item in json.loads(out)}
    assert data[lineups[0]] == {
        "id": lineups[0],
        "date": "2024-05-06",
        "shift": "早班",
        "site": "翠湖花园",
        "department": "",
        "supervisor": "周主管",
        "inspection_type": "lineup",
        "started_at": "2024-05-06 07:50:00",
        "finished_at": "2024-05-06 08:05:00",
        "finished": True,
        "people": 5,
        "inspected": 3,
        "all_pass": 1,
        "with_faults": 2,
        "absent": 1,
        "leave": 1,
        "late": 1,
        "not_inspected": 0,
        "faults": 2,
        "critical_faults": 0,
        "fault_points": data[lineups[0]]["fault_points"],
        "applicable": data[lineups[0]]["applicable"],
        "passed": data[lineups[0]]["applicable"] - 2,
        "done": 5,
        "todo": 0,
        "people_with_faults": 2,
        "pass_rate": 1 / 3,  # 3 inspected (the absent and on-leave left out), 1 with no fault
    }
    assert data[lineups[0]]["fault_points"] >= 2
    assert data[lineups[1]]["finished"] is False
    assert data[lineups[1]]["todo"] == 1


def test_show_text(db_path, lineups, capsys):
    code, out, _ = run(capsys, "lineup", "show", str(lineups[0]), "--db", str(db_path))
    assert code == 0
    assert "2024-05-06 早班 翠湖花园" in out
    assert "周主管" in out
    lines = out.splitlines()
    person = {line.split()[1]: line for line in lines if line[:1].isdigit()}
    assert person["1001"].split()[1:] == ["1001", "张伟", "faults"]
    assert person["1002"].split()[1:] == ["1002", "李娜", "all_pass"]
    assert person["1003"].split()[1:] == ["1003", "王芳", "absent"]
    assert person["1004"].split()[1:] == ["1004", "赵强", "faults", "(late)"]
    assert person["1005"].split()[1:] == ["1005", "钱敏", "leave"]
    mark_line = lines[lines.index(person["1001"]) + 1]
    assert mark_line.split()[:4] == ["fail", "face.shave.not-shaved", "胡子未刮", "[due,"]


def test_show_json_is_complete(db_path, lineups, capsys):
    code, out, _ = run(capsys, "lineup", "show", str(lineups[0]), "--json", "--db", str(db_path))
    assert code == 0
    data = json.loads(out)
    assert data["id"] == lineups[0]
    assert {c["set_id"] for c in data["checklists"]} >= {"face", "shoes"}
    people = data["inspections"]
    assert [p["position"] for p in people] == [1, 2, 3, 4, 5]
    assert [p["status"] for p in people] == ["faults", "all_pass", "absent", "faults", "leave"]
    assert [p["late"] for p in people] == [False, False, False, True, False]
    first = people[0]
    assert first["employee_no"] == "1001" and first["name"] == "张伟"
    assert first["failed"] == 1 and first["passed"] == first["applicable"] - 1
    (mark,) = first["marks"]
    assert mark["item_id"] == "face.shave.not-shaved"
    assert mark["result"] == "fail"
    assert mark["note"] == "胡子未刮"
    assert mark["text"]["zh"]
    assert people[2]["marks"] == [] and people[2]["applicable"] == 0


def test_show_by_date_with_several_lineups_asks_for_an_id(db_path, lineups, capsys):
    code, _, err = run(capsys, "lineup", "show", "--date", "2024-05-06", "--db", str(db_path))
    assert code == 2
    assert "2 line-ups on 2024-05-06" in err
    assert f"  {lineups[0]}  早班" in err and f"  {lineups[1]}  晚班" in err


def test_show_by_date_json_gives_all_of_them(db_path, lineups, capsys):
    code, out, _ = run(
        capsys, "lineup", "show", "--date", "2024-05-06", "--json", "--db", str(db_path)
    )
    assert code == 0
    assert [d["id"] for d in json.loads(out)] == list(lineups)


def test_show_by_date_and_shift(db_path, lineups, capsys):
    code, out, _ = run(
        capsys, "lineup", "show", "--date", "2024-05-06", "--shift", "晚班", "--db", str(db_path)
    )
    assert code == 0
    assert f"Line-up {lineups[1]}" in out and "吴主管" in out
    assert out.splitlines()[-1].split()[1:] == ["1001", "张伟", "todo"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["lineup", "show", "999"], "no line-up 999"),
        (["lineup", "show"], "give a line-up ID or --date"),
        (["lineup", "show", "1", "--date", "2024-05-06"], "not both"),
        (["lineup", "show", "--date", "2024-05-07"], "no line-ups on 2024-05-07"),
        (["lineup", "show", "1", "--shift", "早班"], "--shift goes with --date"),
    ],
)
def test_show_mistakes(db_path, lineups, capsys, argv, message):
    code, _, err = run(capsys, *argv, "--db", str(db_path))
    assert code == 2
    assert message in err


def test_bad_date_is_an_argument_error(db_path, capsys):
    assert main(["lineup", "show", "--date", "6 May", "--db", str(db_path)]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_list_on_a_missing_database(tmp_path, capsys):
    code, _, err = run(capsys, "lineup", "list", "--db", str(tmp_path / "none.db"))
    assert code == 2
    assert "does not exist" in err
    assert not (tmp_path / "none.db").exists()


def test_list_empty(db_path, capsys):
    Store(db_path).close()
    code, out, _ = run(capsys, "lineup", "list", "--db", str(db_path))
    assert (code, out) == (0, "No line-ups yet.\n")
    code, out, _ = run(capsys, "lineup", "list", "--json", "--db", str(db_path))
    assert json.loads(out) == []


def test_list_counts_people_with_faults_not_fault_marks(db_path, catalogue, capsys):
    """P20: one person with two faults is one person with faults, as the summary screen says."""
    with Store(db_path) as store:
        store.upsert_employees(
            [
                Employee("2001", "周杰", Sex.MALE, "秩序维护部", "security", "翠湖花园"),
                Employee("2002", "孙丽", Sex.FEMALE, "客服部", "customer-service", "翠湖花园"),
            ]
        )
        lineup = store.start_lineup(
            day=DAY, shift="早班", site="翠湖花园", department="", supervisor="周主管",
            sets=catalogue.sets_for(InspectionType.LINEUP),
            employees=sorted(store.list_employees(), key=lambda e: e.employee_no),
        )  # fmt: skip
        first, second = store.inspections_for(lineup.id)
        store.set_mark(first.id, "face.shave.not-shaved", Result.FAIL)
        store.set_mark(first.id, "shoes.shoes.dusty", Result.FAIL)
        store.complete_inspection(first.id)
        store.complete_inspection(second.id)
    code, out, _ = run(capsys, "lineup", "list", "--db", str(db_path))
    header, row = out.splitlines()
    assert dict(zip(header.split(), row.split(), strict=True))["with_faults"] == "1"
    code, out, _ = run(capsys, "lineup", "list", "--json", "--db", str(db_path))
    assert code == 0
    [listed] = json.loads(out)
    assert (listed["with_faults"], listed["faults"], listed["all_pass"]) == (1, 2, 1)
