"""Figures for the company hub: many sites, one HR copy, a real PostgreSQL. Prints, asserts nothing.

A company of SITES sites with EMPLOYEES staff each and DAYS line-up days (``inspector demo
--site``): every site's first push, one more day at every site and its daily push, HR's full
pull, a second push and pull with nothing new, and HR's monthly pack over the whole company.

    python bench/hub.py                         # 30 sites x 100 staff x 22 days, own server
    python bench/hub.py --sites 3 --days 5      # a quick look
    python bench/hub.py --url "host=... dbname=... user=it"   # an existing, empty hub database

Goals (reported, not asserted): a site's daily push under 1 s, HR's full pull of a month
under 30 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
for extra in (ROOT, ROOT / "tests" / "hub"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

from inspector.files.checklists import load_catalogue  # noqa: E402
from inspector.services import hub_sync  # noqa: E402
from inspector.services.demo import fill_demo  # noqa: E402
from inspector.services.report_jobs import build_monthly_pack  # noqa: E402
from inspector.storage import Store  # noqa: E402

T = TypeVar("T")

MONTH_END = date(2026, 11, 28)  # a Saturday: the daily push adds that day


def _timed(function: Callable[..., T], *args) -> tuple[float, T]:
    """(wall-clock seconds, result) of one call."""
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f} documents/s" if seconds > 0 else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=30)
    parser.add_argument("--employees", type=int, default=100)
    parser.add_argument("--days", type=int, default=22)
    parser.add_argument("--url", help="IT's login on an existing empty hub database")
    parser.add_argument("--keep", type=Path, help="keep the databases in this folder")
    args = parser.parse_args()

    server = None
    if args.url:
        admin = args.url
    else:
        import psycopg
        from pg_server import start_server

        server = start_server()
        with psycopg.connect(server.admin_url(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE hub")
        admin = server.admin_url("hub")
    work = args.keep or Path(tempfile.mkdtemp(prefix="inspector-hub-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    pgpass = work / "pgpass"
    pgpass.touch(mode=0o600)
    os.environ["PGPASSFILE"] = str(pgpass)
    catalogue = load_catalogue()
    try:
        hub_sync.init_hub(admin)

        def login(creds: hub_sync.Credentials) -> str:
            if server is None:
                return creds.connect_url  # the password goes in ~/.pgpass by hand
            with pgpass.open("a", encoding="utf-8") as out:
                out.write(f"127.0.0.1:{server.port}:hub:{creds.role}:{creds.password}\n")
            return server.tcp_url(creds.role, "hub")

        print(
            f"{args.sites} sites x {args.employees} staff x {args.days} line-up days "
            f"(PostgreSQL {'at ' + args.url if args.url else 'started here'})"
        )
        started = time.perf_counter()
        sites: list[Path] = []
        for n in range(1, args.sites + 1):
            name = f"Site{n:02d}"
            path = work / f"{name}.db"
            with Store(path) as store:
                fill_demo(
                    store,
                    catalogue,
                    employees=args.employees,
                    days=args.days,
                    site=name,
                    seed=n,
                    today=MONTH_END,
                )
                hub_sync.connect(store, login(hub_sync.add_site(admin, name)))
            sites.append(path)
        print(f"  made the site databases in {time.perf_counter() - started:.1f} s")

        first, sent = [], 0
        for path in sites:
            with Store(path) as store:
                seconds, result = _timed(hub_sync.push, store)
                first.append(seconds)
                sent += result.sent
        print(
            f"first push of each site: {sent} documents, median {statistics.median(first):.2f} s, "
            f"max {max(first):.2f} s per site, {_rate(sent, sum(first))}"
        )

        daily, daily_sent = [], 0
        for n, path in enumerate(sites, start=1):
            with Store(path) as store:
                fill_demo(
                    store,
                    catalogue,
                    employees=args.employees,
                    days=1,
                    site=path.stem,
                    seed=n,
                    today=MONTH_END + timedelta(days=2),
                    force=True,
                )
                seconds, result = _timed(hub_sync.push, store)
                daily.append(seconds)
                daily_sent += result.sent
        print(
            f"daily push (one more day at every site): {daily_sent} documents, median "
            f"{statistics.median(daily):.2f} s, max {max(daily):.2f} s per site (goal < 1 s)"
        )

        hr = work / "hr.db"
        with Store(hr) as store:
            hub_sync.connect(store, login(hub_sync.add_hr(admin, "hub_hr")))
            pull_s, pulled = _timed(hub_sync.pull, store)
            print(
                f"HR's full pull: {pulled.documents} documents ({pulled.lineups} line-ups) of "
                f"{len(pulled.sites)} sites in {pull_s:.1f} s, {_rate(pulled.documents, pull_s)} "
                "(goal < 30 s)"
            )

        again = []
        for path in sites:
            with Store(path) as store:
                seconds, result = _timed(hub_sync.push, store)
                assert result.sent == 0
                again.append(seconds)
        with Store(hr) as store:
            pull_again, nothing = _timed(hub_sync.pull, store)
        print(
            f"second push (nothing to send): median {statistics.median(again) * 1000:.0f} ms per "
            f"site; second pull: {nothing.documents} documents in {pull_again * 1000:.0f} ms"
        )

        with Store(hr) as store:
            pack_s, out = _timed(
                build_monthly_pack, store, MONTH_END.replace(day=1), work / "company.pdf", "zh"
            )
            employees = store.employee_count()
            lineups = len(store.list_lineups())
        print(
            f"HR's monthly pack for the company ({employees} employees, {lineups} line-ups): "
            f"{pack_s:.1f} s, {Path(out).stat().st_size / 1e6:.1f} MB"
        )
        print(f"HR's database: {hr.stat().st_size / 1e6:.0f} MB")
    finally:
        if server is not None:
            server.stop()
    if args.keep is None:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
