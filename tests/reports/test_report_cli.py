"""``inspector report ...`` and ``inspector export ...``: files written, clear errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from inspector.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out.strip(), captured.err.strip()


def test_report_lineup_by_id_and_by_date(seeded_path, lineup_ids, tmp_path, capsys) -> None:
    db = str(seeded_path)
    out = tmp_path / "sheet.pdf"
    lineup_id = lineup_ids[(date(2025, 4, 2), "早班")]
    code, stdout, _ = run(capsys, "--db", db, "report", "lineup", str(lineup_id), "--out", str(out))
    assert code == 0 and stdout == str(out.resolve())
    assert len(PdfReader(str(out)).pages) >= 1
    code, stdout, _ = run(
        capsys, "report", "lineup", "--date", "2025-04-01", "--lang", "both", "--db", db,
        "--out", str(tmp_path / "by-date.pdf"),
    )  # fmt: skip
    assert code == 0 and Path(stdout).is_file()


def test_report_lineup_errors(seeded_path, capsys) -> None:
    db = str(seeded_path)
    code, _, err = run(capsys, "--db", db, "report", "lineup", "999")
    assert code == 2 and err == "inspector: there is no line-up with id 999"
    code, _, err = run(capsys, "--db", db, "report", "lineup", "--date", "2025-04-03")
    assert code == 2 and "2 line-ups on 2025-04-03" in err and err.endswith("or --shift")
    assert "--site" not in err  # both at one site
    code, _, err = run(capsys, "--db", db, "report", "lineup", "--date", "2025-04-31")
    assert code == 2 and "not a date: '2025-04-31'" in err
    code, _, err = run(capsys, "--db", db, "report", "lineup")
    assert code == 2 and "give a line-up ID or --date" in err
    code, _, err = run(capsys, "--db", db, "report", "lineup", "--date", "2025-06-01")
    assert code == 2 and "no line-up on 2025-06-01" in err


def test_report_lineup_with_shift_and_default_name(
    seeded_path, tmp_path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = run(
        capsys,
        "--db",
        str(seeded_path),
        "report",
        "lineup",
        "--date",
        "2025-04-03",
        "--shift",
        "晚班",
    )
    assert code == 0
    assert Path(stdout).parent == tmp_path.resolve()
    assert Path(stdout).name.startswith("lineup-20250403-") and Path(stdout).is_file()


def test_report_employee(seeded_path, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    db = str(seeded_path)
    code, stdout, _ = run(
        capsys, "--db", db, "report", "employee", "E004", "--from", "2025-03-01", "--to", "2025-04-30",
        "--lang", "en",
    )  # fmt: skip
    assert code == 0
    assert Path(stdout).name == "employee-E004-20250301-20250430-en.pdf" and Path(stdout).is_file()
    code, _, err = run(
        capsys,
        "--db",
        db,
        "report",
        "employee",
        "E999",
        "--from",
        "2025-03-01",
        "--to",
        "2025-04-30",
    )
    assert code == 2 and err == "inspector: there is no employee with number E999"
    code, _, err = run(
        capsys,
        "--db",
        db,
        "report",
        "employee",
        "E004",
        "--from",
        "2025-04-30",
        "--to",
        "2025-04-01",
    )
    assert code == 2 and "is before --from" in err


def test_report_monthly(seeded_path, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    db = str(seeded_path)
    code, stdout, _ = run(capsys, "--db", db, "report", "monthly", "--month", "2025-04")
    assert code == 0 and Path(stdout).name == "monthly-2025-04.pdf"
    code, stdout, _ = run(
        capsys, "--db", db, "report", "monthly", "--month", "2025-4", "--department", "工程部",
        "--lang", "both",
    )  # fmt: skip
    assert code == 0 and Path(stdout).name == "monthly-2025-04-工程部-both.pdf"


@pytest.mark.parametrize(
    ("month", "message"),
    [
        ("2025-13", "--month: not a month: '2025-13' (use YYYY-MM"),
        ("April", "--month: not a month: 'April'"),
        ("2025-05", "there are no line-ups in 2025-05"),
    ],
)
def test_report_monthly_errors(seeded_path, capsys, month, message) -> None:
    code, _, err = run(capsys, "--db", str(seeded_path), "report", "monthly", "--month", month)
    assert code == 2 and message in err


def test_unknown_department(seeded_path, capsys) -> None:
    code, _, err = run(
        capsys, "--db", str(seeded_path), "report", "monthly", "--month", "2025-04",
        "--department", "财务部",
    )  # fmt: skip
    assert code == 2 and "no department '财务部'" in err and "工程部" in err


def test_report_monthly_for_a_site(seeded_path, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    db = str(seeded_path)
    code, stdout, err = run(
        capsys, "--db", db, "report", "monthly", "--month", "2025-04", "--site", "翠湖花园",
        "--department", "工程部",
    )  # fmt: skip
    assert code == 0, err
    assert Path(stdout).name == "monthly-2025-04-翠湖花园-工程部.pdf"
    text = "".join(page.extract_text() for page in PdfReader(stdout).pages)
    assert "项目: 翠湖花园 · 部门: 工程部" in text
    code, _, err = run(
        capsys, "--db", db, "report", "monthly", "--month", "2025-04", "--site", "别处"
    )
    assert code == 2 and "there is no site '别处' (sites: 翠湖花园)" in err
    code, _, err = run(
        capsys, "--db", db, "export", "monthly", "--month", "2025-04", "--site", "别处"
    )
    assert code == 2 and "there is no site '别处'" in err


def test_export_monthly(seeded_path, tmp_path, capsys) -> None:
    db = str(seeded_path)
    out = tmp_path / "figures.xlsx"
    code, stdout, _ = run(
        capsys, "--db", db, "export", "monthly", "--month", "2025-04", "--out", str(out)
    )
    assert code == 0 and stdout == str(out.resolve()) and out.read_bytes()[:2] == b"PK"
    csv_out = tmp_path / "figures.txt"
    code, stdout, _ = run(
        capsys, "--db", db, "export", "monthly", "--month", "2025-04", "--format", "csv",
        "--out", str(csv_out), "--department", "客服部",
    )  # fmt: skip
    assert code == 0 and csv_out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "E001" in csv_out.read_text("utf-8-sig") and "E004" not in csv_out.read_text("utf-8-sig")
    code, _, err = run(capsys, "--db", db, "export", "monthly", "--month", "2025-1x")
    assert code == 2 and "not a month" in err


def test_missing_database(tmp_path, capsys) -> None:
    code, _, err = run(
        capsys, "--db", str(tmp_path / "none.db"), "report", "monthly", "--month", "2025-04"
    )
    assert code == 2 and "does not exist" in err
    assert not (tmp_path / "none.db").exists()


@pytest.fixture
def two_sites(store, catalogue, db_path):
    """Two morning line-ups on 7 May 2025, at 东湖花园 and at 滨江公寓."""
    from helpers.gui_pages import add_people, run_lineup

    people = add_people(store)
    east = run_lineup(store, catalogue, date(2025, 5, 7), people[:2], site="东湖花园")
    river = run_lineup(store, catalogue, date(2025, 5, 7), people[5:7], site="滨江公寓")
    return str(db_path), east, river


def test_report_lineup_by_date_and_site(two_sites, tmp_path, monkeypatch, capsys) -> None:
    db, east, river = two_sites
    code, _, err = run(capsys, "--db", db, "report", "lineup", "--date", "2025-05-07")
    assert code == 2
    assert f"2 line-ups on 2025-05-07: {east.id} (早班 东湖花园), {river.id} (早班 滨江公寓)" in err
    assert err.endswith("give the ID or --site")  # the same shift: --shift would not help
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = run(
        capsys, "--db", db, "report", "lineup", "--date", "2025-05-07", "--site", "滨江公寓"
    )
    assert code == 0 and Path(stdout).name == f"lineup-20250507-{river.id}.pdf"
    assert "赵磊" in "".join(p.extract_text() for p in PdfReader(stdout).pages)
    code, _, err = run(
        capsys, "--db", db, "report", "lineup", "--date", "2025-05-07", "--site", "西湖"
    )
    assert code == 2 and "there is no line-up on 2025-05-07 (at 西湖): that day has" in err
    assert "滨江公寓" in err
    code, _, err = run(capsys, "--db", db, "report", "lineup", str(east.id), "--site", "西湖")
    assert code == 2 and err == "inspector: --site goes with --date"


def test_shift_is_suggested_only_when_it_separates(store, catalogue, db_path, capsys) -> None:
    from helpers.gui_pages import add_people, run_lineup

    people = add_people(store)
    for site, shift in (("东湖花园", "早班"), ("东湖花园", "晚班"), ("滨江公寓", "早班")):
        run_lineup(store, catalogue, date(2025, 5, 7), people[:2], site=site, shift=shift)
    db = str(db_path)
    code, _, err = run(capsys, "--db", db, "report", "lineup", "--date", "2025-05-07")
    assert code == 2 and err.endswith("give the ID or --site or --shift")
    code, _, err = run(
        capsys, "--db", db, "report", "lineup", "--date", "2025-05-07", "--site", "东湖花园"
    )
    assert code == 2 and err.endswith("give the ID or --shift")
    code, _, err = run(
        capsys, "--db", db, "report", "lineup", "--date", "2025-05-07", "--shift", "早班"
    )
    assert code == 2 and err.endswith("give the ID or --site")


def test_export_default_name_has_the_language(seeded_path, tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    db = str(seeded_path)
    code, stdout, _ = run(capsys, "--db", db, "export", "monthly", "--month", "2025-04")
    assert code == 0 and Path(stdout).name == "figures-2025-04-both.csv"  # bilingual headers
    code, stdout, _ = run(
        capsys, "--db", db, "export", "monthly", "--month", "2025-04", "--lang", "zh",
        "--format", "xlsx",
    )  # fmt: skip
    assert code == 0 and Path(stdout).name == "figures-2025-04.xlsx"


def test_report_employee_names_the_role_from_the_checklists(seeded_path, tmp_path, capsys) -> None:
    out = tmp_path / "e001.pdf"
    code, _, _ = run(
        capsys, "--db", str(seeded_path), "report", "employee", "E001", "--from", "2025-04-01",
        "--to", "2025-04-30", "--lang", "en", "--out", str(out),
    )  # fmt: skip
    assert code == 0
    assert "Receptionist" in "".join(p.extract_text() for p in PdfReader(out).pages)
