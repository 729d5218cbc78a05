"""The backup, restore, verify and photo use cases that the GUI and the CLI both call."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from inspector.services import maintenance
from inspector.services.maintenance import MaintenanceError
from inspector.storage import Store


def filled(path: Path, key: str = "k") -> Path:
    with Store(path) as store:
        store.set_setting(key, "值")
    return path


def test_backup_now_into_the_backups_folder_and_never_over_a_file(db_path: Path) -> None:
    result = maintenance.backup_now(filled(db_path))
    assert result.dest.parent.name == "inspector-backups" and result.dest.is_file()
    assert result.message == f"Backed up {db_path} to {result.dest} (integrity check: ok)"
    with pytest.raises(MaintenanceError, match="already exists"):
        maintenance.backup_now(db_path, result.dest)


def test_daily_backup_keeps_the_newest(db_path: Path) -> None:
    filled(db_path)
    today = date(2025, 6, 10)
    for n in range(4):
        result = maintenance.daily_backup(db_path, keep=2, today=today + timedelta(days=n))
        assert result.made is not None
    assert [p.name for p in result.kept] == ["inspector-2025-06-13.db", "inspector-2025-06-12.db"]
    again = maintenance.daily_backup(db_path, keep=2, today=today + timedelta(days=3))
    assert again.made is None and again.kept == result.kept
    with pytest.raises(MaintenanceError, match="at least 1"):
        maintenance.daily_backup(db_path, keep=0)


def test_restore_says_what_it_replaced(db_path: Path, tmp_path: Path) -> None:
    backup = maintenance.backup_now(filled(db_path, "old"), tmp_path / "b.db").dest
    filled(db_path, "new")
    result = maintenance.restore(backup, db_path)
    assert result.kept_aside is not None and result.employees == 0
    assert result.lines == [
        f"Restored {backup} as {db_path} (0 employees).",
        f"The database it replaced is kept as {result.kept_aside}",
    ]
    with Store(db_path) as store:
        assert store.get_setting("new") == "" and store.get_setting("old") == "值"


def test_verify_and_purge_need_an_existing_database(tmp_path: Path) -> None:
    for use_case in (maintenance.verify, maintenance.purge_photos, maintenance.backup_now):
        with pytest.raises(MaintenanceError, match="does not exist"):
            use_case(tmp_path / "gone.db")


def test_verify_result_of_an_empty_database(db_path: Path) -> None:
    result = maintenance.verify(filled(db_path))
    assert result.ok and result.report.seals == 0
    assert result.lines[-2].endswith("0 sealed line-ups (0 seals): every record matches its seal.")
    with pytest.raises(MaintenanceError, match="--expect"):
        maintenance.verify(db_path, ["not-a-seal"])
    unknown = maintenance.verify(db_path, ["ab12cd34"])
    assert not unknown.ok and "ab12cd34… is no longer in the chain" in unknown.lines[0]


def test_purge_photos_refuses_a_negative_age(db_path: Path) -> None:
    with pytest.raises(MaintenanceError, match="--older-than"):
        maintenance.purge_photos(filled(db_path), -1)
    assert maintenance.purge_photos(db_path).summary.marks_cleared == 0
