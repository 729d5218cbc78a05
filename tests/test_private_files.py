"""Private by default: the database, its WAL and SHM, and the folders the app makes are the
owner's only, whatever the umask."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers.permissions import mode

from inspector.paths import create_private_file, private_folder
from inspector.storage import Store

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="POSIX permissions"),
    pytest.mark.usefixtures("desktop_umask"),
]


def test_a_new_database_and_its_wal_and_shm_are_private(tmp_path: Path) -> None:
    db = tmp_path / "new" / "place" / "inspector.db"
    with Store(db) as store:
        store.set_setting("k", "v")
        wal = db.with_name("inspector.db-wal")
        shm = db.with_name("inspector.db-shm")
        assert wal.exists() and shm.exists()
        assert (mode(db), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)
    assert mode(db.parent) == 0o700 and mode(db.parent.parent) == 0o700


def test_an_existing_folder_keeps_its_permissions(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    private_folder(shared / "inner")
    create_private_file(shared / "file")
    assert mode(shared) == 0o1777
    assert mode(shared / "inner") == 0o700
    assert mode(shared / "file") == 0o600


def test_private_even_under_a_umask_that_takes_the_owners_bits(tmp_path: Path) -> None:
    os.umask(0o277)
    folder = private_folder(tmp_path / "made")
    made = create_private_file(folder / "x")
    os.umask(0o022)
    assert mode(folder) == 0o700 and mode(made) == 0o600


def test_the_data_and_log_folders_the_app_creates_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspector import paths

    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "fresh"))
    assert mode(paths.data_dir()) == 0o700
    assert mode(paths.log_path().parent) == 0o700
