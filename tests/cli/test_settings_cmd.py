"""``inspector settings list | get | set``: what the reports use, checked before it is stored."""

from __future__ import annotations

import json

from helpers.reports_data import pdf_pages

from inspector.cli import main
from inspector.storage import Store


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_list_shows_every_setting_with_defaults(db_path, capsys) -> None:
    Store(db_path).close()
    code, out, _ = run(capsys, "--db", str(db_path), "settings", "list", "--json")
    assert code == 0
    rows = {r["key"]: r for r in json.loads(out)}
    assert list(rows) == [
        "company_name", "company_name_en", "scoring_profile", "deduction_minor",
        "deduction_major", "deduction_critical", "critical_zeroes", "ladder", "repeat_threshold",
        "photo_retention_days", "backup_keep",
    ]  # fmt: skip
    assert rows["scoring_profile"]["value"] == "pass-rate"
    assert rows["scoring_profile"]["allowed"] == "pass-rate, deduction"
    assert rows["ladder"]["value"] == "3=口头提醒/Verbal reminder; 5=书面警告/Written warning"
    assert rows["backup_keep"]["value"] == "14"
    code, out, _ = run(capsys, "--db", str(db_path), "settings", "list")
    assert code == 0 and "scoring_profile" in out and "pass-rate, deduction" in out


def test_set_then_get_stores_the_value(db_path, capsys) -> None:
    for key, value in (
        ("company_name", "  锦江物业有限公司 "),
        ("scoring_profile", "Deduction"),
        ("deduction_major", "6"),
        ("critical_zeroes", "yes"),
        ("ladder", "2=提醒/Reminder；4=警告"),
    ):
        code, _, err = run(capsys, "--db", str(db_path), "settings", "set", key, value)
        assert code == 0, err
    with Store(db_path) as store:
        stored = store.settings()
    assert stored["company_name"] == "锦江物业有限公司"
    assert stored["scoring_profile"] == "deduction"
    assert stored["deduction_major"] == "6"
    assert stored["critical_zeroes"] == "yes"
    assert stored["ladder"] == "2=提醒/Reminder; 4=警告"
    code, out, _ = run(capsys, "--db", str(db_path), "settings", "get", "scoring_profile")
    assert (code, out) == (0, "deduction\n")


def test_bad_values_name_the_key_and_what_it_takes(db_path, capsys) -> None:
    Store(db_path).close()
    cases = {
        ("scoring_profile", "points"): "allowed: pass-rate, deduction",
        ("deduction_minor", "-1"): "a whole number from 0 to 100",
        ("critical_zeroes", "maybe"): "yes or no",
        ("ladder", "3=口头提醒; 3=书面警告"): "each once",
        ("backup_keep", "0"): "from 1 to 365",
    }
    for (key, value), allowed in cases.items():
        code, out, err = run(capsys, "--db", str(db_path), "settings", "set", key, value)
        assert code == 2 and out == ""
        assert err.startswith(f"inspector: {key}: ") and allowed in err
        assert "Traceback" not in err
    code, _, err = run(capsys, "--db", str(db_path), "settings", "get", "colour")
    assert code == 2 and "there is no setting 'colour'" in err and "scoring_profile" in err
    with Store(db_path) as store:
        assert "scoring_profile" not in store.settings()  # nothing was stored


def test_the_setting_changes_the_pack(seeded_path, tmp_path, capsys) -> None:
    code, _, _ = run(
        capsys, "--db", str(seeded_path), "settings", "set", "scoring_profile", "deduction"
    )
    assert code == 0
    out = tmp_path / "pack.pdf"
    code, _, err = run(
        capsys, "--db", str(seeded_path), "report", "monthly", "--month", "2025-04",
        "--out", str(out),
    )  # fmt: skip
    assert code == 0, err
    first = pdf_pages(out)[0]
    assert "本月平均得分" in first and "95.5" in first
