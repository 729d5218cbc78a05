"""Killing the app mid line-up loses no mark that was shown as saved.

A child process drives the real Store through line-ups and prints ``saved <inspection> <item>``
(flushed) after each ``set_mark`` returns, ``completed``/``finished`` likewise. The test kills it
with SIGKILL at random points (also while it starts, opens or migrates), then reopens the file and
checks every printed record is there, ``PRAGMA integrity_check`` is ok, the seals verify, and the
line-up can be resumed by the next child.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from inspector.storage import Store, seal

ROOT = Path(__file__).resolve().parents[2]
KILLS = 15

CHILD = textwrap.dedent(
    """
    import random
    import sys
    from datetime import date

    from helpers.factories import make_roster, make_set
    from inspector.domain.lineup import Result
    from inspector.domain.people import Sex
    from inspector.storage import Store

    SET = make_set("crash", 8)
    ITEMS = SET.items


    def say(line):
        sys.stdout.write(line + "\\n")
        sys.stdout.flush()


    rng = random.Random(int(sys.argv[2]))
    store = Store(sys.argv[1])
    if not store.employee_count():
        store.upsert_employees(make_roster("C", 10, sex=Sex.FEMALE))
    employees = store.list_employees()
    while True:
        lineup = store.unfinished_lineup()
        if lineup is None:
            lineup = store.start_lineup(
                day=date(2025, 6, 1), shift="早班", site="总店", department="前厅",
                supervisor="王", sets=[SET], employees=employees,
            )
        for inspection in store.inspections_for(lineup.id):
            if inspection.completed_at is not None:
                continue
            done = {m.item_id for m in store.marks_for(inspection.id)}
            todo = [item.id for item in ITEMS if item.id not in done]
            for item_id in rng.sample(todo, min(len(todo), rng.randint(0, 3))):
                result = rng.choice([Result.FAIL, Result.NOT_APPLICABLE])
                note = f"备注-{rng.randrange(10**6)}"
                store.set_mark(inspection.id, item_id, result, note=note)
                say(f"saved {inspection.id} {item_id} {result.value} {note}")
            store.complete_inspection(inspection.id)
            say(f"completed {inspection.id}")
        store.finish_lineup(lineup.id)
        say(f"finished {lineup.id}")
    """
)


def test_sigkill_loses_no_saved_mark(tmp_path: Path) -> None:
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("SIGKILL is POSIX")
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    db = tmp_path / "crash.db"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    rng = random.Random(20250601)
    marks: dict[tuple[int, str], tuple[str, str]] = {}
    completed: set[int] = set()
    finished: set[int] = set()
    kills_mid_run = 0

    for round_no in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(script), str(db), str(round_no)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=ROOT,
        )
        lines: list[str] = []
        if round_no % 4 == 0:
            # Kill while it starts: importing, opening, migrating, creating the line-up.
            time.sleep(rng.uniform(0.0, 0.4))
        else:
            wanted = rng.randint(1, 25)
            while len(lines) < wanted:
                line = child.stdout.readline()
                if not line:
                    pytest.fail(f"the child stopped by itself:\n{child.stderr.read()}")
                lines.append(line)
            time.sleep(rng.uniform(0.0, 0.004))  # land inside the next transaction, sometimes
            kills_mid_run += 1
        child.send_signal(signal.SIGKILL)
        rest, errors = child.communicate(timeout=10)
        assert child.returncode == -signal.SIGKILL, errors
        lines += rest.splitlines()
        for line in lines:
            kind, *fields = line.split()
            if kind == "saved":
                marks[(int(fields[0]), fields[1])] = (fields[2], fields[3])
            elif kind == "completed":
                completed.add(int(fields[0]))
            elif kind == "finished":
                finished.add(int(fields[0]))

        with Store(db) as store:  # reopening must work, whatever was interrupted
            assert store.integrity_check() == "ok"
            for (inspection_id, item_id), (result, note) in marks.items():
                stored = {m.item_id: m for m in store.marks_for(inspection_id)}
                assert item_id in stored, f"mark {inspection_id} {item_id} lost (round {round_no})"
                assert (stored[item_id].result.value, stored[item_id].note) == (result, note)
            for inspection_id in completed:
                assert store.get_inspection(inspection_id).completed_at is not None
            for lineup_id in finished:
                assert store.get_lineup(lineup_id).finished
                assert seal.seal_for_lineup(store, lineup_id)
            assert seal.verify(store.db.conn).ok
            if marks:
                resumed = store.unfinished_lineup()
                assert resumed is None or resumed.id not in finished

    assert kills_mid_run >= KILLS // 2
    assert len(marks) > 20, "too few marks were saved to prove anything"
