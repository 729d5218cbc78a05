"""``inspector backup | restore | verify | photos purge``: exit codes and messages."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.factories import Fail, make_set
from helpers.factories import finished_lineup as run_lineup

from inspector import paths
from inspector.cli import main
from inspector.domain.people import Employee, Sex
from inspector.domain.text import Text
from inspector.storage import Store
from inspector.storage.instance_lock import acquire_app_lock
from inspector.storage.seal import seal_for_lineup

ROOT = Path(__file__).resolve().parents[2]
SET = make_set("cli", 3, area="uniform", title=Text("制服", "Uniform"))


def finished_lineup(path: Path, day: date = date(2025, 8, 1), photo: str = "") -> int:
    with Store(path) as store:
        person = Employee(f"P{day:%m%d}", "刘", Sex.FEMALE, "客房", "housekeeper")
        fail = Fail(0, "cli.item-1", note="工牌缺失", photo=photo)
        return run_lineup(store, [SET], [person], day=day, fails=[fail], supervisor="陈")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- backup -----------------------------------------------------------------------------------


def test_backup_to_the_backups_folder(db_path: Path, capsys) -> None:
    finished_lineup(db_path)
    code, out, _ = run(capsys, "backup", "--db", str(db_path))
    assert code == 0
    made = list(paths.backups_dir(db_path).glob("inspector-manual-*.db"))
    assert len(made) == 1
    assert str(made[0]) in out and "ok" in out


def test_backup_with_out_and_db_before_the_command(db_path: Path, tmp_path: Path, capsys) -> None:
    finished_lineup(db_path)
    out_file = tmp_path / "usb" / "copy.db"
    code, _, _ = run(capsys, "--db", str(db_path), "backup", "--out", str(out_file))
    assert code == 0 and out_file.is_file()
    code, _, err = run(capsys, "backup", "--db", str(db_path), "--out", str(out_file))
    assert code == 2 and "already exists" in err


def test_backup_of_a_missing_database(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "backup", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "none.db" in err and "does not exist" in err


# -- restore ----------------------------------------------------------------------------------


def test_restore_keeps_the_current_database_aside(db_path: Path, tmp_path: Path, capsys) -> None:
    finished_lineup(db_path)
    backup = tmp_path / "b.db"
    assert run(capsys, "backup", "--db", str(db_path), "--out", str(backup))[0] == 0
    finished_lineup(db_path, date(2025, 8, 2))
    code, out, _ = run(capsys, "restore", "--db", str(db_path), str(backup))
    assert code == 0
    assert "(1 employees)" in out and "before-restore-" in out
    assert len(list(db_path.parent.glob("inspector.db.before-restore-*"))) == 1


def test_restore_refuses_a_file_that_is_not_a_backup(db_path: Path, tmp_path: Path, capsys) -> None:
    finished_lineup(db_path)
    before = db_path.read_bytes()
    bogus = tmp_path / "report.pdf"
    bogus.write_bytes(b"%PDF-1.4 not a database")
    code, _, err = run(capsys, "restore", "--db", str(db_path), str(bogus))
    assert code == 2
    assert str(bogus) in err and "not an SQLite database" in err
    assert db_path.read_bytes() == before


def test_restore_refuses_while_the_app_is_open(db_path: Path, tmp_path: Path, capsys) -> None:
    finished_lineup(db_path)
    backup = tmp_path / "b.db"
    run(capsys, "backup", "--db", str(db_path), "--out", str(backup))
    with acquire_app_lock(db_path):
        code, _, err = run(capsys, "restore", "--db", str(db_path), str(backup))
    assert code == 2 and "already open" in err and str(db_path) in err


# -- verify -----------------------------------------------------------------------------------


def test_verify_a_clean_database(db_path: Path, capsys) -> None:
    lineup_id = finished_lineup(db_path)
    code, out, _ = run(capsys, "verify", "--db", str(db_path))
    assert code == 0
    assert "every record matches its seal" in out
    with Store(db_path) as store:
        assert seal_for_lineup(store, lineup_id) in out  # the head is the last seal


def test_verify_names_a_lineup_edited_by_hand(db_path: Path, capsys) -> None:
    finished_lineup(db_path, date(2025, 8, 1))
    tampered = finished_lineup(db_path, date(2025, 8, 2))
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "UPDATE marks SET note = '一切正常' WHERE inspection_id IN "
            "(SELECT id FROM inspections WHERE lineup_id = ?)",
            (tampered,),
        )
    conn.close()
    code, out, _ = run(capsys, "verify", "--db", str(db_path))
    assert code == 1
    assert f"Line-up {tampered} (2025-08-02" in out
    assert out.strip().endswith(f"no longer match its seal: {tampered}")


def test_verify_exit_status_from_the_shell(db_path: Path) -> None:
    lineup_id = finished_lineup(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE marks SET note = 'x'")
    conn.close()
    done = subprocess.run(
        [sys.executable, "-m", "inspector", "verify", "--db", str(db_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert f"Line-up {lineup_id}" in done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("content", [b"garbage" * 500, b""], ids=["garbage", "empty"])
def test_verify_a_file_that_is_not_a_database(tmp_path: Path, capsys, content: bytes) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(content)
    code, _, err = run(capsys, "verify", "--db", str(path))
    assert code == 2 and str(path) in err and "not an Inspector database" in err
    assert path.read_bytes() == content


def test_verify_a_database_from_a_newer_version(db_path: Path, capsys) -> None:
    finished_lineup(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('inspector', 'm050_later', '2030-01-01')"
        )
    conn.close()
    code, _, err = run(capsys, "verify", "--db", str(db_path))
    assert code == 2 and "newer version" in err and str(db_path) in err


def test_verify_a_missing_database(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "verify", "--db", str(tmp_path / "gone.db"))
    assert code == 2 and "gone.db" in err


def test_verify_expect_a_printed_seal(db_path: Path, capsys) -> None:
    lineup_id = finished_lineup(db_path)
    with Store(db_path) as store:
        printed = seal_for_lineup(store, lineup_id)
    code, out, _ = run(capsys, "verify", "--db", str(db_path), "--expect", printed)
    assert code == 0
    assert f"Seal {printed} is in the chain (line-up {lineup_id})" in out


def test_verify_expect_names_a_lineup_whose_newest_seal_was_removed_and_reopened(
    db_path: Path, capsys
) -> None:
    finished_lineup(db_path, date(2025, 8, 1))
    reopened = finished_lineup(db_path, date(2025, 8, 2))
    with Store(db_path) as store:
        printed = seal_for_lineup(store, reopened)
    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TRIGGER seals_no_delete")
        conn.execute("DELETE FROM seals WHERE lineup_id = ?", (reopened,))
        conn.execute("UPDATE lineups SET finished_at = NULL WHERE id = ?", (reopened,))
        # and the gap in the seal ids covered up, too
        conn.execute("UPDATE sqlite_sequence SET seq = seq - 1 WHERE name = 'seals'")
    conn.close()
    assert run(capsys, "verify", "--db", str(db_path))[0] == 0  # the file alone cannot tell
    code, out, _ = run(capsys, "verify", "--db", str(db_path), "--expect", printed)
    assert code == 1
    assert f"The seal {printed} is no longer in the chain" in out
    assert f"Line-up {reopened} (2025-08-02" in out
    assert out.strip().endswith(f"no longer match its seal: {reopened}")


def test_verify_expect_refuses_what_is_not_a_seal(db_path: Path, capsys) -> None:
    finished_lineup(db_path)
    code, _, err = run(capsys, "verify", "--db", str(db_path), "--expect", "hello")
    assert code == 2 and "--expect" in err and "'hello' is not a seal" in err


# -- photos -----------------------------------------------------------------------------------


def test_photos_purge(db_path: Path, tmp_path: Path, capsys) -> None:
    from inspector.storage.photos import photo_path, store_photo

    source = tmp_path / "p.png"
    source.write_bytes(b"\x89PNG fake")
    name = store_photo(db_path, source)
    lineup_id = finished_lineup(db_path, date.today() - timedelta(days=400), photo=name)
    code, out, _ = run(capsys, "photos", "purge", "--db", str(db_path))
    assert code == 0 and "Cleared 1 photo " in out and "deleted 1 file." in out
    assert not photo_path(db_path, name).exists()
    with Store(db_path) as store:
        assert store.change_log(lineup_id)[-1].reason == "photo retention"
    assert run(capsys, "verify", "--db", str(db_path))[0] == 0
    code, _, err = run(capsys, "photos", "purge", "--db", str(db_path), "--older-than", "-3")
    assert code == 2 and "--older-than" in err
