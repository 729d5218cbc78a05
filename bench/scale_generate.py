"""Build a large Inspector database for ``bench/scale.py``.

Default: 5,000 employees × 3 years of daily morning line-ups (Monday to Saturday), written to
``bench/out/scale.db`` (git-ignored). It reuses the demo's roster and history generators and the
store's bulk insert (``executemany`` in one transaction per month, each finished line-up sealed
as the app would), with ``synchronous=OFF`` for the generation only: a database opened by the
app afterwards is back to ``synchronous=FULL``.

    python bench/scale_generate.py                        # the full size (minutes)
    python bench/scale_generate.py --employees 500 --years 1 --out bench/out/small.db
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from inspector.domain.checklist import InspectionType  # noqa: E402
from inspector.files.checklists import load_catalogue  # noqa: E402
from inspector.services import demo  # noqa: E402
from inspector.storage import Store  # noqa: E402
from inspector.storage.bulk import bulk_insert_history  # noqa: E402

OUT = ROOT / "bench" / "out"
DEFAULT_DB = OUT / "scale.db"
WORKING_DAYS_PER_YEAR = 313  # Monday to Saturday
END = date(2026, 1, 1)  # the history ends the day before: reproducible figures


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def generate(
    out: Path,
    *,
    employees: int,
    working_days: int,
    seed: int = 1,
    end: date = END,
    chunk_days: int = 26,
    quiet: bool = False,
) -> dict[str, float]:
    """Write a fresh database; returns counts and the time taken."""
    started = time.perf_counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_database(out)
    catalogue = load_catalogue(include_user=False)
    sets = catalogue.sets_for(InspectionType.LINEUP)
    days = demo.working_days(working_days, end)
    lineups = inspections = marks = 0
    with Store(out) as store:
        store.db.conn.execute("PRAGMA synchronous = OFF")  # generation only
        store.upsert_employees(demo.generate_roster(employees, seed))
        by_no = {e.employee_no: e for e in store.list_employees()}
        roster = [by_no[e.employee_no] for e in demo.generate_roster(employees, seed)]
        for index in range(0, len(days), chunk_days):
            chunk = days[index : index + chunk_days]
            # demo._history writes the ``len(chunk)`` working days before ``chunk_end``.
            chunk_end = chunk[-1] + timedelta(days=1)
            history, _ = demo._history(roster, catalogue, len(chunk), seed + index, chunk_end)
            bulk_insert_history(store, sets, history)
            lineups += len(history)
            inspections += sum(len(lu.inspections) for lu in history)
            marks += sum(len(i.marks) for lu in history for i in lu.inspections)
            if not quiet:
                done = index + len(chunk)
                print(
                    f"  {chunk[-1]}: {done}/{len(days)} days, {lineups:,} line-ups, "
                    f"{inspections:,} inspections, {time.perf_counter() - started:.0f} s",
                    flush=True,
                )
        store.set_setting("company_name", demo.COMPANY_NAME)
        store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {
        "employees": employees,
        "days": len(days),
        "lineups": lineups,
        "inspections": inspections,
        "marks": marks,
        "seconds": time.perf_counter() - started,
        "first_day": days[0].toordinal(),
        "last_day": days[-1].toordinal(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=5000)
    parser.add_argument("--years", type=float, default=3.0)
    parser.add_argument("--days", type=int, default=None, help="working days (overrides --years)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=DEFAULT_DB)
    args = parser.parse_args(argv)
    days = args.days or max(1, round(args.years * WORKING_DAYS_PER_YEAR))
    print(f"Building {args.out}: {args.employees:,} employees x {days} working days")
    stats = generate(args.out, employees=args.employees, working_days=days, seed=args.seed)
    size = args.out.stat().st_size
    print(
        f"Done in {stats['seconds']:.0f} s: {stats['lineups']:,} line-ups, "
        f"{stats['inspections']:,} inspections, {stats['marks']:,} marks, "
        f"{size / 1e6:,.0f} MB ({date.fromordinal(int(stats['first_day']))} to "
        f"{date.fromordinal(int(stats['last_day']))})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
