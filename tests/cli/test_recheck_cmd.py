"""``inspector recheck list`` and ``record``, and the follow-up in ``lineup show --json``."""

from __future__ import annotations

import json
from datetime import date, datetime

from inspector.cli import main
from inspector.domain.checklist import InspectionType
from inspector.domain.lineup import Result
from inspector.domain.people import Employee, Sex
from inspector.services import rechecks
from inspector.storage import Store, seal

DAY = date(2024, 5, 6)


def _lineup(db_path, catalogue) -> int:
    """A finished line-up on DAY: 张伟 with two faults (one fixed on the spot), 李娜 clean."""
    with Store(db_path) as store:
        store.upsert_employees(
            [
                Employee("1001", "张伟", Sex.MALE, "秩序维护部", "security", "翠湖花园"),
                Employee("1002", "李娜", Sex.FEMALE, "客服部", "customer-service", "翠湖花园"),
            ]
        )
        people = sorted(store.list_employees(), key=lambda e: e.employee_no)
        lineup = store.start_lineup(
            day=DAY, shift="早班", site="翠湖花园", department="", supervisor="周主管",
            sets=catalogue.sets_for(InspectionType.LINEUP), employees=people,
            started_at=datetime(2024, 5, 6, 7, 50),
        )  # fmt: skip
        first, second = store.inspections_for(lineup.id)
        store.set_mark(first.id, "face.shave.not-shaved", Result.FAIL)
        store.set_mark(first.id, "shoes.shoes.dusty", Result.FAIL)
        rechecks.set_fixed_on_spot(store, first.id, "face.shave.not-shaved", True)
        store.complete_inspection(first.id)
        store.complete_inspection(second.id)
        store.finish_lineup(lineup.id)
        return lineup.id


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_then_record_a_recheck(db_path, catalogue, capsys):
    lineup_id = _lineup(db_path, catalogue)
    code, out, _ = run(capsys, "recheck", "list", "--date", "2024-05-06", "--db", str(db_path))
    assert code == 0
    assert "张伟" in out and "07:50" in out and "秩序维护部" in out
    assert "not-shaved" not in out  # fixed on the spot: not open
    code, out, _ = run(
        capsys, "recheck", "list", "--date", "2024-05-06", "--json", "--db", str(db_path)
    )
    [fault] = json.loads(out)
    assert (fault["item_id"], fault["status"], fault["name"]) == (
        "shoes.shoes.dusty",
        "due",
        "张伟",
    )

    code, out, _ = run(
        capsys, "recheck", "record", fault["id"], "fixed", "--by", "周主管", "--note", "擦干净了",
        "--db", str(db_path),
    )  # fmt: skip
    assert code == 0 and "fixed" in out
    code, out, _ = run(capsys, "recheck", "list", "--date", "2024-05-06", "--db", str(db_path))
    assert "No faults to re-check on 2024-05-06" in out

    with Store(db_path) as store:
        [row] = store.query("SELECT * FROM follow_ups WHERE event = 'rechecked'")
        assert (row["outcome"], row["checked_by"], row["note"]) == ("fixed", "周主管", "擦干净了")
        assert row["after_finish"] == 1
        assert store.change_log(lineup_id) == []

    code, out, _ = run(capsys, "verify", "--db", str(db_path))
    assert code == 0 and "1 sealed line-up and 1 re-check (2 seals)" in out

    code, out, _ = run(capsys, "lineup", "show", str(lineup_id), "--json", "--db", str(db_path))
    marks = {m["item_id"]: m for p in json.loads(out)["inspections"] for m in p["marks"]}
    assert marks["face.shave.not-shaved"]["follow_up"]["status"] == "fixed_on_spot"
    dusty = marks["shoes.shoes.dusty"]["follow_up"]
    assert dusty["status"] == "fixed" and dusty["last_check"]["checked_by"] == "周主管"
    assert dusty["id"] == fault["id"]
    code, out, _ = run(capsys, "lineup", "show", str(lineup_id), "--db", str(db_path))
    assert "face.shave.not-shaved  [fixed on the spot, " in out
    assert f"shoes.shoes.dusty  [fixed, {fault['id']}]" in out


def test_bad_input_gets_a_message(db_path, catalogue, capsys):
    _lineup(db_path, catalogue)
    code, _, err = run(capsys, "recheck", "record", "77-abcde", "fixed", "--by", "周主管",
                       "--db", str(db_path))  # fmt: skip
    assert code == 2
    assert "there is no fault “77-abcde”" in err and "Traceback" not in err
    code, _, err = run(capsys, "--lang", "zh", "recheck", "record", "77-abcde", "fixed",
                       "--by", "周主管", "--db", str(db_path))  # fmt: skip
    assert code == 2 and "没有编号为“77-abcde”的问题" in err
    code, out, _ = run(capsys, "recheck", "list", "--date", "2024-05-06", "--json",
                       "--db", str(db_path))  # fmt: skip
    key = json.loads(out)[0]["id"]
    code, _, err = run(
        capsys, "recheck", "record", key, "fixed", "--by", "  ", "--db", str(db_path)
    )
    assert code == 2 and "Enter who re-checked" in err
    code, _, err = run(capsys, "recheck", "record", key, "maybe", "--by", "x", "--db", str(db_path))
    assert code == 2 and "invalid choice: 'maybe'" in err
    with Store(db_path) as store:
        assert store.query("SELECT * FROM follow_ups WHERE event = 'rechecked'") == []
        assert seal.verify_store(store).ok
