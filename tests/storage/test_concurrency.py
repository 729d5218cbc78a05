"""Two copies on one database: the app lock says so clearly; two writers both succeed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from inspector.storage import Store
from inspector.storage.instance_lock import (
    DatabaseInUseError,
    acquire_app_lock,
    lock_path,
    read_holder,
)

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 200

WRITER = textwrap.dedent(
    """
    import sys
    from datetime import date

    from helpers.factories import make_roster, make_set
    from inspector.domain.lineup import Result
    from inspector.domain.people import Sex
    from inspector.storage import Store

    db, tag = sys.argv[1], sys.argv[2]
    SET = make_set("c", 10)
    ITEMS = SET.items
    print("ready", flush=True)
    sys.stdin.readline()  # the parent says go to both writers at once
    store = Store(db)  # both create and migrate the same new file at once
    employees = [
        store.save_employee(person)
        for person in make_roster(tag, 10, department=tag, role="cook", sex=Sex.MALE, digits=2)
    ]
    lineup = store.start_lineup(
        day=date(2025, 7, 1), shift=tag, site="总店", department=tag, supervisor=tag,
        sets=[SET], employees=employees,
    )
    inspections = store.inspections_for(lineup.id)
    for n in range(int(sys.argv[3])):
        inspection = inspections[n % 10]
        store.set_mark(inspection.id, ITEMS[(n // 10) % 10].id, Result.FAIL, note=f"{tag} {n}")
        store.set_setting(f"{tag}-{n}", str(n))
    for inspection in inspections:
        store.complete_inspection(inspection.id)
    store.finish_lineup(lineup.id)
    store.close()
    print("done", tag)
    """
)

HOLDER = textwrap.dedent(
    """
    import sys
    import time

    from inspector.storage.instance_lock import acquire_app_lock

    lock = acquire_app_lock(sys.argv[1])
    print("locked", flush=True)
    time.sleep(60)
    """
)


def _child(tmp_path: Path, name: str, source: str, *args: str) -> subprocess.Popen:
    script = tmp_path / name
    script.write_text(source, encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(script), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])},
        cwd=ROOT,
    )


def test_two_processes_writing_at_once_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    writers = [_child(tmp_path, f"writer_{t}.py", WRITER, str(db), t, str(ROUNDS)) for t in "AB"]
    for writer in writers:  # both have imported and are waiting on their stdin
        assert writer.stdout.readline() == "ready\n"
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    results = [w.communicate(timeout=60) for w in writers]
    for writer, (out, err) in zip(writers, results, strict=True):
        assert "locked" not in err.lower(), err
        assert writer.returncode == 0, err
        assert out.startswith("done")
    with Store(db, read_only=True) as store:
        settings = store.settings()
        for tag in "AB":
            assert all(settings[f"{tag}-{n}"] == str(n) for n in range(ROUNDS))
        marks = store._one("SELECT count(*) AS n FROM marks")["n"]
        assert marks == 2 * min(ROUNDS, 100)  # 10 people x 10 items each
        assert store.integrity_check() == "ok"
        from inspector.storage.seal import verify

        assert verify(store.db.conn).ok


def test_a_second_copy_is_told_who_holds_the_database(db_path: Path) -> None:
    first = acquire_app_lock(db_path)
    with pytest.raises(DatabaseInUseError) as caught:
        acquire_app_lock(db_path)
    message = str(caught.value)
    assert str(db_path) in message
    assert f"process {os.getpid()}" in message
    assert "read-only" in message
    assert caught.value.holder["pid"] == os.getpid()
    assert caught.value.holder["user"]
    assert caught.value.holder["since"] in message
    assert read_holder(db_path)["pid"] == os.getpid()
    first.close()
    assert read_holder(db_path) == {}
    with acquire_app_lock(db_path) as again:
        assert again.held
    assert lock_path(db_path).name == "inspector.db.lock"


def test_the_lock_of_a_killed_copy_is_released(tmp_path: Path, db_path: Path) -> None:
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("SIGKILL is POSIX")
    Store(db_path).close()
    holder = _child(tmp_path, "holder.py", HOLDER, str(db_path))
    try:
        assert holder.stdout.readline().strip() == "locked", holder.stderr.read()
        with pytest.raises(DatabaseInUseError) as caught:
            acquire_app_lock(db_path)
        assert f"process {holder.pid}" in str(caught.value)
        # The second copy can still look, read-only.
        with Store(db_path, read_only=True) as store:
            assert store.employee_count() == 0
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.communicate(timeout=10)
    with acquire_app_lock(db_path) as lock:  # the stale lock file keeps nobody out
        assert lock.held
        assert read_holder(db_path)["pid"] == os.getpid()


def test_cli_writers_do_not_need_the_app_lock(db_path: Path) -> None:
    Store(db_path).close()
    with acquire_app_lock(db_path), Store(db_path) as store:
        store.set_setting("written", "while the app is open")
        assert store.get_setting("written") == "while the app is open"
