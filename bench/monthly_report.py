"""Benchmark: the monthly pack for 2,000 and 5,000 employees x 22 line-up days.

Creates (or reuses) bench/out/monthly-{N}x22.db with the demo generator, then measures for each
size, after one warm-up build, the best of several runs (the median beside it; the best is the
least disturbed by other work on the machine); the font is loaded once per process and timed
apart:

- query: ``report_queries.monthly_pack_data`` (every figure of the pack, SQL aggregations);
- build: ``render_monthly_pack`` from that data (formatting, story, layout, PDF);
- total: ``build_monthly_pack`` end to end (query + build), as the app calls it;
- floor: the same tables and charts laid out by plain ReportLab from precomputed data (rows
  already formatted as strings, chart data ready; same column widths, table styles, page
  template and charts), i.e. what any implementation pays ReportLab for this PDF;
- ratio: total / floor;
- process: one whole ``inspector report monthly`` command in a new process (start-up,
  imports, font, query, layout, PDF), as a user runs it: the figure the 3 s target is about.

The floor lays the employee table out as a Platypus Table; the pack draws it with
``reports.row_table.RowTable``, so the pack can beat its floor.

Prints figures; asserts nothing. Usage:
python bench/monthly_report.py [--repeat N] [--lang L] [--employees 2000,5000]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer, Table  # noqa: E402

from inspector.domain.scoring import format_percent  # noqa: E402
from inspector.files.checklists import load_catalogue  # noqa: E402
from inspector.reports import charts, monthly_pack  # noqa: E402
from inspector.reports.fonts import register_fonts  # noqa: E402
from inspector.reports.i18n import label, month_label  # noqa: E402
from inspector.reports.page import build_pdf  # noqa: E402
from inspector.reports.styles import (  # noqa: E402
    CONTENT_WIDTH,
    HEADING_ROOM,
    grid_style,
    pairs_style,
    scale,
    style,
)
from inspector.services.demo import fill_demo  # noqa: E402
from inspector.services.report_jobs import build_monthly_pack  # noqa: E402
from inspector.storage import Store  # noqa: E402
from inspector.storage.report_queries import monthly_pack_data  # noqa: E402

SIZES = (2000, 5000)
DAYS = 22
TODAY = date(2025, 2, 1)  # the 22 working days before it all fall in January 2025
MONTH = date(2025, 1, 1)
OUT = ROOT / "bench" / "out"


def ensure_database(employees: int) -> tuple[Path, float]:
    """The benchmark database, made once (returns its path and the seconds it took)."""
    db = OUT / f"monthly-{employees}x{DAYS}.db"
    if db.exists():
        with Store(db) as store:
            if store.employee_count() == employees:
                return db, 0.0
    OUT.mkdir(parents=True, exist_ok=True)
    temp = db.with_suffix(".building.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{temp}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    with Store(temp) as store:
        fill_demo(store, load_catalogue(), employees=employees, days=DAYS, seed=1, today=TODAY)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    os.replace(temp, db)
    return db, time.perf_counter() - started


# -- the floor --------------------------------------------------------------------------------


def precompute(data, lang: str) -> dict:
    """Everything the floor lays out, as plain strings and numbers (not timed)."""
    group_rows, group_widths = monthly_pack.group_table_rows(
        data, data.departments, "department", lang
    )
    site_rows, _ = monthly_pack.group_table_rows(data, data.sites, "site", lang)
    return {
        "title": label("monthly_title", lang),
        "subtitle": f"{month_label(data.month, lang)} · {monthly_pack.scope_label(data, lang)}",
        "headings": {
            key: label(key, lang)
            for key in (
                "key_figures",
                "departments_ranked",
                "sites",
                "supervisors",
                "monthly_trend",
                "top_faults",
                "daily_trend",
                "ladder",
                "employees",
                "versions",
            )
        },
        "key_figures": monthly_pack.key_figures(data, lang),
        "rule": label("pass_rate_rule", lang),
        "trend_caption": label("trend_caption", lang).format(
            value=format_percent(data.tally.pass_rate)
        ),
        "ladder_rule": monthly_pack.ladder_rule(data, lang),
        "employees_order": label("employees_order", lang),
        "departments": _strings(group_rows),
        "sites": _strings(site_rows),
        "group_widths": group_widths,
        "supervisors": _strings(monthly_pack.supervisor_table_rows(data, lang)),
        "series": monthly_pack.trend_series(data, lang),
        "faults": _strings(
            monthly_pack.fault_table_rows(data.faults, lang, monthly_pack.TOP_FAULTS_TABLE)
        ),
        "bars": monthly_pack.fault_bars(data, lang),
        "trend": [(p.day, p.pass_rate) for p in data.daily],
        "average": data.tally.pass_rate,
        "ladder": _strings(monthly_pack.ladder_table_rows(data, lang)),
        "employees": _strings(monthly_pack.employee_table_rows(data, lang)[0]),
        "employee_widths": monthly_pack.employee_widths(data),
        "versions": _strings(monthly_pack.version_table_rows(data, lang)),
        "company": data.company.get(lang),
        "month": data.month,
    }


def _strings(rows: list[list]) -> list[list[str]]:
    return [[c if isinstance(c, str) else c.text for c in row] for row in rows]


def floor_story(pre: dict) -> list:
    """The same tables and charts from precomputed strings: header rows and the free-text
    columns as Paragraphs (they must wrap), everything else plain strings."""
    cell, head = style("cell"), style("cell_header")

    def table(rows, widths, right_from, wrap=()):
        body = [[Paragraph(c, head) for c in rows[0]]]
        body += [
            [Paragraph(c, cell) if i in wrap else c for i, c in enumerate(r)] for r in rows[1:]
        ]
        return Table(
            body,
            colWidths=widths,
            repeatRows=1,
            splitByRow=1,
            style=grid_style(right_from, 1),
            hAlign="LEFT",
        )

    h = pre["headings"]
    pairs = [Paragraph(t, cell) for pair in pre["key_figures"] for t in pair]
    return [
        Paragraph(pre["title"], style("title")),
        Paragraph(pre["subtitle"], style("subtitle")),
        Paragraph(h["key_figures"], style("heading")),
        Table(
            [pairs[i : i + 6] for i in range(0, len(pairs), 6)],
            colWidths=scale([21, 12, 21, 12, 21, 13]),
            style=pairs_style(6),
        ),
        Spacer(1, 3),
        Paragraph(pre["rule"], style("small")),
        Paragraph(h["departments_ranked"], style("heading")),
        table(pre["departments"], pre["group_widths"], 2),
        Paragraph(h["sites"], style("heading")),
        table(pre["sites"], pre["group_widths"], 2),
        Paragraph(h["supervisors"], style("heading")),
        table(pre["supervisors"], monthly_pack.SUPERVISOR_WIDTHS, 1),
        Paragraph(h["monthly_trend"], style("heading")),
        charts.month_trend_chart(pre["series"], CONTENT_WIDTH),
        CondPageBreak(200),
        CondPageBreak(HEADING_ROOM),
        Paragraph(h["top_faults"], style("heading")),
        charts.fault_bar_chart(pre["bars"], CONTENT_WIDTH),
        Spacer(1, 4),
        table(pre["faults"], monthly_pack.FAULT_WIDTHS, 3, wrap=(1,)),
        KeepTogether(
            [
                Paragraph(h["daily_trend"], style("heading")),
                charts.trend_line_chart(
                    pre["trend"], pre["month"], CONTENT_WIDTH, average=pre["average"]
                ),
                Paragraph(pre["trend_caption"], style("small")),
            ]
        ),
        CondPageBreak(120),
        CondPageBreak(HEADING_ROOM),
        Paragraph(h["ladder"], style("heading")),
        Paragraph(pre["ladder_rule"], style("small")),
        Spacer(1, 3),
        table(pre["ladder"], monthly_pack.LADDER_WIDTHS, 5, wrap=(0, 4)),
        PageBreak(),
        CondPageBreak(HEADING_ROOM),
        Paragraph(h["employees"], style("heading")),
        Paragraph(pre["employees_order"], style("small")),
        Spacer(1, 3),
        table(pre["employees"], pre["employee_widths"], 5),
        CondPageBreak(120),
        CondPageBreak(HEADING_ROOM),
        Paragraph(h["versions"], style("heading")),
        table(pre["versions"], monthly_pack.VERSION_WIDTHS, 4, wrap=(1,)),
    ]


# -- measuring --------------------------------------------------------------------------------


def timed(function, *args, **kwargs) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def whole_process(path: Path, out: Path, lang: str) -> float:
    """One ``inspector report monthly`` command in a new process, wall-clock seconds."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "inspector", "--db", str(path), "report", "monthly",
         "--month", f"{MONTH:%Y-%m}", "--lang", lang, "--out", str(out)],
        check=True, capture_output=True, cwd=ROOT,
    )  # fmt: skip
    return time.perf_counter() - started


def measure(employees: int, repeat: int, lang: str) -> None:
    path, made = ensure_database(employees)
    print(
        f"database        {path.relative_to(ROOT)}"
        + (f" (made in {made:.1f} s)" if made else " (reused)")
    )
    out = OUT / f"monthly-{employees}-{MONTH:%Y-%m}-{lang}.pdf"
    floor_out = OUT / f"floor-{employees}-{MONTH:%Y-%m}-{lang}.pdf"
    process_out = OUT / f"process-{employees}-{MONTH:%Y-%m}-{lang}.pdf"
    queries, builds, totals, floors, processes = [], [], [], [], []
    with Store(path, read_only=True) as store:
        build_monthly_pack(store, MONTH, out, lang)  # warm-up
        for _ in range(repeat):
            seconds, data = timed(monthly_pack_data, store, MONTH)
            queries.append(seconds)
            seconds, _ = timed(monthly_pack.render_monthly_pack, data, out, lang)
            builds.append(seconds)
            seconds, _ = timed(build_monthly_pack, store, MONTH, out, lang)
            totals.append(seconds)
            pre = precompute(data, lang)
            seconds, _ = timed(
                lambda p=pre: build_pdf(
                    floor_story(p),
                    floor_out,
                    title=p["title"],
                    company=p["company"],
                    lang=lang,
                )
            )
            floors.append(seconds)
    for _ in range(repeat):
        processes.append(whole_process(path, process_out, lang))
    pages = len(PdfReader(str(out)).pages)
    floor_pages = len(PdfReader(str(floor_out)).pages)
    runs = (queries, builds, totals, floors, processes)
    best = [min(x) for x in runs]
    median = [statistics.median(x) for x in runs]
    query, build, total, floor, process = best
    print(
        f"employees       {len(data.employees):,} in line-ups, {data.lineups} line-ups, "
        f"{data.tally.inspections:,} inspections"
    )
    print(f"                best of {repeat} (median)")
    print(f"query           {query:.3f} s ({median[0]:.3f})")
    print(f"build           {build:.3f} s ({median[1]:.3f})")
    print(f"pages           {pages} (floor: {floor_pages})")
    print(f"total           {total:.3f} s ({median[2]:.3f})")
    print(f"floor           {floor:.3f} s ({median[3]:.3f})  Platypus tables, precomputed strings")
    print(
        f"ratio           {total / floor:.2f} (total / floor; medians: {median[2] / median[3]:.2f})"
    )
    print(f"process         {process:.3f} s ({median[4]:.3f})  whole 'inspector report monthly'")
    print(f"pdf             {out.relative_to(ROOT)} ({out.stat().st_size / 1e6:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure (default 3)")
    parser.add_argument("--lang", default="zh", choices=("zh", "en", "both"))
    parser.add_argument(
        "--employees", default=",".join(map(str, SIZES)), help="sizes, e.g. 2000,5000"
    )
    args = parser.parse_args()
    try:
        import _rl_accel  # noqa: F401

        accel = "yes"
    except ImportError:
        accel = "no"
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, rl_accel: {accel}")
    font, _ = timed(register_fonts)
    print(f"font load       {font:.3f} s (once per process, not counted below)")
    for size in (int(n) for n in args.employees.split(",")):
        print()
        measure(size, args.repeat, args.lang)


if __name__ == "__main__":
    main()
