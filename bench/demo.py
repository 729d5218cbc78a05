"""How long the demo fill takes, for the default demo and for large companies. Prints figures,
asserts nothing (the target is under 30 s for 2,000 people over a month).

    python bench/demo.py                    # 60 people x 66 days, 2,000 x 22, 5,000 x 22
    python bench/demo.py --employees 5000 --days 22 --keep bench/out/demo-5000.db

``--keep`` leaves the database behind (bench/startup.py opens one of 5,000 people).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from inspector.files.checklists import load_catalogue
from inspector.services.demo import DEFAULT_DAYS, DEFAULT_EMPLOYEES, fill_demo
from inspector.storage import Store

TODAY = date(2024, 6, 17)
SIZES = ((DEFAULT_EMPLOYEES, DEFAULT_DAYS), (2000, 22), (5000, 22))


def fill(path: Path, employees: int, days: int) -> None:
    catalogue = load_catalogue()
    started = time.perf_counter()
    with Store(path) as store:
        summary = fill_demo(store, catalogue, employees=employees, days=days, today=TODAY)
    seconds = time.perf_counter() - started
    size = path.stat().st_size / 1e6
    print(
        f"{employees:>6} people x {days:>3} days: {seconds:6.2f} s, "
        f"{summary.lineups} line-ups, {summary.inspections} inspections, "
        f"{summary.faults} faults, {size:.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int)
    parser.add_argument("--days", type=int, default=22)
    parser.add_argument("--keep", type=Path, help="write the database here and keep it")
    args = parser.parse_args()
    sizes = ((args.employees, args.days),) if args.employees else SIZES
    for employees, days in sizes:
        if args.keep:
            args.keep.parent.mkdir(parents=True, exist_ok=True)
            args.keep.unlink(missing_ok=True)
            fill(args.keep, employees, days)
            continue
        with tempfile.TemporaryDirectory() as folder:
            fill(Path(folder) / "demo.db", employees, days)


if __name__ == "__main__":
    main()
