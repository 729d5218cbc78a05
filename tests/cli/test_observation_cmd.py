"""``inspector observation list`` and ``inspector observation show``: text and JSON."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from inspector.cli import main
from inspector.domain.people import Employee, Sex
from inspector.services.observation_session import ObservationSession
from inspector.storage import Store

DAY = date(2026, 11, 3)


@pytest.fixture
def observations(db_path, catalogue) -> dict[str, int]:
    """张伟 on the phone with one fault (3 Nov), 李娜 seated with none (4 Nov)."""
    with Store(db_path) as store:
        store.upsert_employees(
            [
                Employee("1001", "张伟", Sex.MALE, "客服部", "customer-service", "翠湖花园"),
                Employee("1002", "李娜", Sex.FEMALE, "前台", "receptionist", "翠湖花园"),
            ]
        )
        phone = ObservationSession(store, catalogue, clock=lambda: datetime(2026, 11, 3, 9, 15))
        first = phone.start(store.employee_by_no("1001"), ["phone"], "质检 刘")
        phone.set_note("phone.commanding-tone", "“你等着”")
        phone.save()
        seated = ObservationSession(store, catalogue, clock=lambda: datetime(2026, 11, 4, 14, 0))
        second = seated.start(store.employee_by_no("1002"), ["seated", "reception"], "质检 刘")
        seated.save()
    return {"phone": first.id, "seated": second.id}


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_every_observation_newest_first(observations, db_path, capsys):
    code, out, _ = run(capsys, "observation", "list", "--db", str(db_path))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["id", "date", "time", "observer"]
    assert "李娜" in lines[1] and "seated, reception" in lines[1]
    assert "张伟" in lines[2] and "09:15" in lines[2] and "phone" in lines[2]


def test_list_filters_by_period_and_employee(observations, db_path, capsys):
    _, out, _ = run(capsys, "observation", "list", "--db", str(db_path), "--employee", "1001",
                    "--json")  # fmt: skip
    assert [o["id"] for o in json.loads(out)] == [observations["phone"]]
    _, out, _ = run(capsys, "observation", "list", "--db", str(db_path), "--from", "2026-11-04",
                    "--to", "2026-11-30", "--json")  # fmt: skip
    assert [o["id"] for o in json.loads(out)] == [observations["seated"]]


def test_show_json_has_the_fault_and_its_note(observations, db_path, capsys):
    code, out, _ = run(capsys, "observation", "show", str(observations["phone"]), "--db",
                       str(db_path), "--json")  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["observer"] == "质检 刘"
    assert (data["employee_no"], data["name"], data["department"]) == ("1001", "张伟", "客服部")
    assert data["situations"] == ["phone"]
    assert data["saved"] is True and data["passed"] is False
    assert data["fault_count"] == 1
    [fault] = data["faults"]
    assert fault["item_id"] == "phone.commanding-tone"
    assert fault["note"] == "“你等着”"
    assert fault["text"]["zh"] == "使用命令口吻"


def test_show_text(observations, db_path, capsys):
    _, out, _ = run(capsys, "observation", "show", str(observations["seated"]), "--db",
                    str(db_path))  # fmt: skip
    assert "Observer: 质检 刘" in out
    assert "Seated work (seated), Reception desk / visitor (reception)" in out
    assert "No fault observed." in out


def test_bad_input_gets_a_message(observations, db_path, capsys):
    code, _, err = run(capsys, "observation", "show", "999", "--db", str(db_path))
    assert code == 2 and "there is no observation 999" in err
    code, _, err = run(capsys, "observation", "list", "--db", str(db_path), "--employee", "77")
    assert code == 2 and "no employee number 77" in err
    assert main(["observation", "list", "--db", str(db_path), "--from", "3 Nov"]) == 2
    assert "not a date: '3 Nov'" in capsys.readouterr().err
