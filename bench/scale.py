"""Figures for a large database (built by ``bench/scale_generate.py``). Prints, asserts nothing.

- the file size and bytes per inspected person-day;
- the monthly pack (PDF, or its queries) on the large database and on a one-month database
  with the same roster;
- one employee's history, for one month and for all time;
- start-up: Store open with the migrations check, the checklists, and the first window
  (offscreen; the first start of a day also makes the day's backup);
- one durable mark through ``Store.set_mark`` against raw sqlite3 with the same pragmas doing
  the same single-row upsert, interleaved in the same run (median, p99, ratio).

    python bench/scale.py                      # bench/out/scale.db
    python bench/scale.py --db bench/out/small.db --profile

Targets (reported, not asserted): history < 50 ms, the monthly pack as fast as on a one-month
database, a mark's p99 < 1 ms and within 2x of raw sqlite3.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.scale_generate import DEFAULT_DB, END, OUT, generate  # noqa: E402
from inspector import paths  # noqa: E402
from inspector.domain.checklist import InspectionType  # noqa: E402
from inspector.domain.lineup import Result  # noqa: E402
from inspector.files.checklists import load_catalogue  # noqa: E402
from inspector.storage import Store  # noqa: E402

MONTH_DB = OUT / "scale-month.db"
BENCH_SHIFT = "bench"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.2f} ms"


def timed(fn, repeat: int = 5) -> tuple[float, float]:
    """(first run, median of the rest) in seconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return runs[0], statistics.median(runs[1:] or runs)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def section(title: str) -> None:
    print(f"\n== {title}")


# -- size ---------------------------------------------------------------------------------------


def size_figures(db: Path) -> None:
    section("size")
    size = sum(Path(f"{db}{s}").stat().st_size for s in ("", "-wal") if Path(f"{db}{s}").exists())
    with Store(db, read_only=True) as store:
        counts = store._one(
            "SELECT (SELECT count(*) FROM employees) AS employees, "
            "(SELECT count(*) FROM lineups) AS lineups, "
            "(SELECT count(*) FROM inspections) AS inspections, "
            "(SELECT count(*) FROM inspections WHERE attendance IN ('present', 'late')) "
            "AS inspected, (SELECT count(*) FROM marks) AS marks, "
            "(SELECT count(*) FROM seals) AS seals, "
            "(SELECT min(day) FROM lineups) AS first, (SELECT max(day) FROM lineups) AS last"
        )
    print(
        f"{db}: {size / 1e6:,.1f} MB; {counts['employees']:,} employees, "
        f"{counts['lineups']:,} line-ups ({counts['first']} to {counts['last']}), "
        f"{counts['inspections']:,} inspections, {counts['marks']:,} marks, "
        f"{counts['seals']:,} seals"
    )
    print(f"bytes per inspected person-day: {size / max(1, counts['inspected']):,.0f}")


# -- monthly pack -------------------------------------------------------------------------------


def last_month(db: Path) -> date:
    with Store(db, read_only=True) as store:
        last = date.fromisoformat(store._one("SELECT max(day) AS d FROM lineups")["d"])
    return last.replace(day=1)


def pack_time(db: Path, month: date) -> tuple[str, float, float]:
    try:
        from inspector.services.report_jobs import build_monthly_pack
    except ImportError:
        build_monthly_pack = None
    from inspector.storage import report_queries

    with Store(db, read_only=True) as store, tempfile.TemporaryDirectory() as folder:
        if build_monthly_pack is not None:
            out = Path(folder) / "pack.pdf"
            pdf = timed(lambda: build_monthly_pack(store, month, out, "zh"), repeat=3)
        else:
            pdf = (float("nan"), float("nan"))
        queries = timed(lambda: report_queries.monthly_pack_data(store, month), repeat=3)
    return ("PDF" if build_monthly_pack else "queries only"), pdf[1], queries[1]


def monthly_pack_figures(db: Path, month_db: Path, employees: int) -> None:
    section("monthly pack")
    month = last_month(db)
    if not month_db.exists():
        print(f"(building the one-month database {month_db} with {employees:,} employees)")
        working = sum(
            1 for n in range((END - month).days) if (month + timedelta(days=n)).weekday() != 6
        )
        generate(month_db, employees=employees, working_days=working, quiet=True)
    from inspector.storage.backup import refresh_statistics

    for name, path in (("large", db), ("one month", month_db)):
        for attempt in range(2):
            with Store(path, read_only=True) as store:
                stats = "sqlite_stat1" in store.db.table_names()
            kind, pdf, queries = pack_time(path, month)
            print(
                f"{month:%Y-%m} on the {name} database "
                f"({'with' if stats else 'without'} planner statistics): {kind} {ms(pdf)} "
                f"(of which the queries {ms(queries)})"
            )
            if stats or attempt:
                break
            with Store(path) as store:  # as the app's daily maintenance does
                start = time.perf_counter()
                refresh_statistics(store)
                print(
                    f"  (ANALYZE, as the daily maintenance runs it: {ms(time.perf_counter() - start)})"
                )


# -- history ------------------------------------------------------------------------------------


def history_figures(db: Path) -> None:
    """The employee screen's record (the same computation as the employee PDF)."""
    from inspector.services.employee_record import employee_record

    section("one employee's record")
    with Store(db, read_only=True) as store:
        employee = store.query_one(
            "SELECT e.employee_no AS no, count(*) AS n FROM inspections i "
            "JOIN employees e ON e.id = i.employee_id GROUP BY i.employee_id "
            "ORDER BY n DESC LIMIT 1"
        )
        month = last_month(db)
        end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        first, median = timed(lambda: employee_record(store, employee["no"], month, end), 7)
        rows = len(employee_record(store, employee["no"], month, end).entries)
        print(f"one month ({rows} inspections): first {ms(first)}, then median {ms(median)}")
        always = (date(1, 1, 1), date(9999, 12, 31))
        first, median = timed(lambda: employee_record(store, employee["no"], *always), 5)
        rows = len(employee_record(store, employee["no"], *always).entries)
        print(f"all time ({rows} inspections): first {ms(first)}, then median {ms(median)}")


# -- start-up -----------------------------------------------------------------------------------

STORE_START = textwrap.dedent(
    """
    import json, sys, time
    t0 = time.perf_counter()
    from inspector.files.checklists import load_catalogue
    from inspector.storage import Store
    t1 = time.perf_counter()
    store = Store(sys.argv[1])
    pending = store.pending_migrations()
    t2 = time.perf_counter()
    catalogue = load_catalogue(include_user=False)
    t3 = time.perf_counter()
    store.close()
    print(json.dumps({"imports": t1 - t0, "store": t2 - t1, "catalogue": t3 - t2}))
    """
)

GUI_START = textwrap.dedent(
    """
    import json, os, sys, time
    t0 = time.perf_counter()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    from inspector.gui import startup as app
    from inspector.cli import build_parser
    args = build_parser().parse_args(["--db", sys.argv[1], "--lang", "zh"])
    qapp = app.application()
    t1 = time.perf_counter()
    launcher, code = app.start(args, app=qapp)
    qapp.processEvents()
    t2 = time.perf_counter()
    print(json.dumps({"code": code, "imports": t1 - t0, "to_window": t2 - t0}))
    if launcher is not None:
        launcher.close()
    """
)


def _run(script: str, db: Path, data_dir: str) -> tuple[dict | None, float, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "INSPECTOR_DATA_DIR": data_dir}
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", script, str(db)],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - start, "timed out (a dialog waiting?)"
    wall = time.perf_counter() - start
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        return None, wall, done.stderr.strip().splitlines()[-1:] or ["failed"]
    return json.loads(lines[-1]), wall, ""


def startup_figures(db: Path, gui: bool) -> None:
    section("start-up")
    with tempfile.TemporaryDirectory() as data_dir:
        figures, wall, error = _run(STORE_START, db, data_dir)
        if figures:
            print(
                f"process {ms(wall)}: imports {ms(figures['imports'])}, Store open + migrations "
                f"check {ms(figures['store'])}, checklists {ms(figures['catalogue'])}"
            )
        else:
            print(f"store start failed: {error}")
        if not gui:
            return
        try:
            import PySide6  # noqa: F401
        except ImportError:
            print("(no GUI: PySide6 is not installed)")
            return
        backups = paths.backups_dir(db)
        before = set(backups.glob("*")) if backups.exists() else set()
        for label in ("first start of the day (makes the daily backup)", "second start"):
            figures, wall, error = _run(GUI_START, db, data_dir)
            if figures and figures["code"] == 0:
                print(
                    f"{label}: first window after {ms(figures['to_window'])} (process {ms(wall)})"
                )
            else:
                print(f"{label}: {error or figures}")
        for made in (set(backups.glob("*")) if backups.exists() else set()) - before:
            made.unlink()  # the benchmark's own daily backup: do not keep a copy of a big file


# -- marks --------------------------------------------------------------------------------------

RAW_UPSERT = (
    "INSERT INTO marks (inspection_id, item_id, checklist_version_id, result, note, photo, "
    "marked_at) VALUES (?, ?, ?, ?, ?, '', ?) ON CONFLICT (inspection_id, item_id) DO UPDATE "
    "SET result = excluded.result, note = excluded.note, photo = excluded.photo, "
    "marked_at = excluded.marked_at"
)


def _cleanup(db: Path) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        ids = [r[0] for r in conn.execute("SELECT id FROM lineups WHERE shift = ?", (BENCH_SHIFT,))]
        for lineup_id in ids:
            conn.execute(
                "DELETE FROM marks WHERE inspection_id IN "
                "(SELECT id FROM inspections WHERE lineup_id = ?)",
                (lineup_id,),
            )
            conn.execute("DELETE FROM inspections WHERE lineup_id = ?", (lineup_id,))
            conn.execute("DELETE FROM lineup_checklists WHERE lineup_id = ?", (lineup_id,))
            conn.execute("DELETE FROM lineups WHERE id = ?", (lineup_id,))
        conn.execute("COMMIT")
    finally:
        conn.close()


def mark_figures(db: Path, count: int, profile: bool) -> None:
    section(f"one durable mark ({count} marks each, interleaved)")
    _cleanup(db)
    catalogue = load_catalogue(include_user=False)
    sets = catalogue.sets_for(InspectionType.LINEUP)
    with Store(db) as store:
        people = store.list_employees(active_only=True)[:60]
        lineups = [
            store.start_lineup(
                day=END,
                shift=BENCH_SHIFT,
                site="bench",
                department=name,
                supervisor="bench",
                sets=sets,
                employees=people,
            )
            for name in ("store", "raw")
        ]
        plans = []
        for lineup in lineups:
            # As at a line-up: person after person, a few marks each (round-robin over people).
            per_person = [
                [(i.id, item.id) for _, item in store.applicable_items_for(i)]
                for i in store.inspections_for(lineup.id)
            ]
            plan = [
                p[n] for n in range(max(map(len, per_person))) for p in per_person if n < len(p)
            ]
            plans.append(plan[: count + 20])
        version = store._one("SELECT max(id) AS v FROM checklist_versions")["v"]
        raw = sqlite3.connect(db, isolation_level=None)
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute("PRAGMA synchronous = FULL")
        raw.execute("PRAGMA busy_timeout = 5000")
        store_times, raw_times = [], []
        try:
            for n, (ours, theirs) in enumerate(zip(*plans, strict=False)):
                start = time.perf_counter()
                store.set_mark(ours[0], ours[1], Result.FAIL, note=f"bench {n}")
                took = time.perf_counter() - start
                start = time.perf_counter()
                raw.execute("BEGIN IMMEDIATE")
                raw.execute(
                    RAW_UPSERT,
                    (theirs[0], theirs[1], version, "fail", f"bench {n}", "2026-01-01 08:00:00"),
                )
                raw.execute("COMMIT")
                raw_took = time.perf_counter() - start
                if n >= 20:  # warmed up
                    store_times.append(took)
                    raw_times.append(raw_took)
            if profile:
                profiler = cProfile.Profile()
                profiler.enable()
                for n, (inspection_id, item_id) in enumerate(plans[0][:200]):
                    store.set_mark(inspection_id, item_id, Result.NOT_APPLICABLE, note=f"p {n}")
                profiler.disable()
        finally:
            raw.close()
    _cleanup(db)
    for name, values in (("Store.set_mark", store_times), ("raw sqlite3", raw_times)):
        print(
            f"{name:>15}: median {ms(statistics.median(values))}, "
            f"p99 {ms(percentile(values, 99))}, max {ms(max(values))}"
        )
    print(
        f"ratio Store/raw: median {statistics.median(store_times) / statistics.median(raw_times):.2f}x, "
        f"p99 {percentile(store_times, 99) / percentile(raw_times, 99):.2f}x"
    )
    if profile:
        print("\nprofile of 200 set_mark calls (cumulative):")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(18)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--month-db", type=Path, default=None)
    parser.add_argument("--marks", type=int, default=500)
    parser.add_argument("--no-gui", action="store_true", help="skip the first-window figure")
    parser.add_argument("--profile", action="store_true", help="profile Store.set_mark")
    parser.add_argument(
        "--only", choices=("size", "pack", "history", "start", "marks"), action="append"
    )
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db} does not exist: run bench/scale_generate.py first")
        return 2
    only = set(args.only or ("size", "pack", "history", "start", "marks"))
    with Store(args.db, read_only=True) as store:
        employees = store.employee_count()
    month_db = args.month_db or (
        MONTH_DB if args.db == DEFAULT_DB else args.db.with_name(f"{args.db.stem}-month.db")
    )
    print(
        f"Inspector scale figures, sqlite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}"
    )
    if "size" in only:
        size_figures(args.db)
    if "pack" in only:
        monthly_pack_figures(args.db, month_db, employees)
    if "history" in only:
        history_figures(args.db)
    if "start" in only:
        startup_figures(args.db, gui=not args.no_gui)
    if "marks" in only:
        mark_figures(args.db, args.marks, args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
