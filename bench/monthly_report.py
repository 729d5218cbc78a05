"""Benchmark: the monthly compliance pack for 2,000 employees x 22 line-up days.

Creates (or reuses) bench/out/monthly-2000x22.db with the demo generator, then measures in one
run, after one warm-up build, the best of several runs (the median beside it; the best is the
least disturbed by other work on the machine); the font is loaded once per process and timed
apart:

- query: ``report_queries.monthly_pack_data`` (every figure of the pack, SQL aggregations);
- build: ``render_monthly_pack`` from that data (formatting, story, layout, PDF);
- total: ``build_monthly_pack`` end to end (query + build), as the app calls it;
- floor: the same tables and charts laid out by plain ReportLab from precomputed data (rows
  already formatted as strings, chart data ready; same column widths, table styles, page
  template and charts), i.e. what any implementation pays ReportLab for this PDF;
- ratio: total / floor.

Prints figures; asserts nothing. Usage: python bench/monthly_report.py [--repeat N] [--lang L]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
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

EMPLOYEES = 2000
DAYS = 22
TODAY = date(2025, 2, 1)  # the 22 working days before it all fall in January 2025
MONTH = date(2025, 1, 1)
OUT = ROOT / "bench" / "out"
DB = OUT / f"monthly-{EMPLOYEES}x{DAYS}.db"


def ensure_database() -> tuple[Path, float]:
    """The benchmark database, made once (returns its path and the seconds it took)."""
    if DB.exists():
        with Store(DB) as store:
            if store.employee_count() == EMPLOYEES:
                return DB, 0.0
    OUT.mkdir(parents=True, exist_ok=True)
    temp = DB.with_suffix(".building.db")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{temp}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    with Store(temp) as store:
        fill_demo(store, load_catalogue(), employees=EMPLOYEES, days=DAYS, seed=1, today=TODAY)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DB}{suffix}").unlink(missing_ok=True)
    os.replace(temp, DB)
    return DB, time.perf_counter() - started


# -- the floor --------------------------------------------------------------------------------


def precompute(data, lang: str) -> dict:
    """Everything the floor lays out, as plain strings and numbers (not timed)."""
    return {
        "title": label("monthly_title", lang),
        "subtitle": f"{month_label(data.month, lang)} · {monthly_pack.scope_label(data, lang)}",
        "headings": {
            key: label(key, lang)
            for key in (
                "key_figures",
                "by_department",
                "top_faults",
                "daily_trend",
                "repeat_offenders",
                "employees",
                "versions",
            )
        },
        "key_figures": monthly_pack.key_figures(data, lang),
        "rule": label("compliance_rule", lang),
        "trend_caption": label("trend_caption", lang).format(
            value=format_percent(data.tally.compliance)
        ),
        "repeat_rule": label("repeat_rule", lang).format(n=data.repeat_threshold),
        "employees_order": label("employees_order", lang),
        "departments": _strings(monthly_pack.department_table_rows(data, lang)),
        "faults": _strings(monthly_pack.fault_table_rows(data.faults, lang)),
        "bars": monthly_pack.fault_bars(data, lang),
        "trend": [(p.day, p.compliance) for p in data.daily],
        "average": data.tally.compliance,
        "offenders": _strings(monthly_pack.offender_table_rows(data, lang)),
        "employees": _strings(monthly_pack.employee_table_rows(data, lang)[0]),
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
        Paragraph(h["by_department"], style("heading")),
        table(pre["departments"], monthly_pack.DEPARTMENT_WIDTHS, 1),
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
        Paragraph(h["repeat_offenders"], style("heading")),
        Paragraph(pre["repeat_rule"], style("small")),
        Spacer(1, 3),
        table(pre["offenders"], monthly_pack.OFFENDER_WIDTHS, 4, wrap=(3,)),
        PageBreak(),
        CondPageBreak(HEADING_ROOM),
        Paragraph(h["employees"], style("heading")),
        Paragraph(pre["employees_order"], style("small")),
        Spacer(1, 3),
        table(pre["employees"], monthly_pack.EMPLOYEE_WIDTHS, 5),
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each measure (default 5)")
    parser.add_argument("--lang", default="zh", choices=("zh", "en", "both"))
    args = parser.parse_args()

    path, made = ensure_database()
    try:
        import _rl_accel  # noqa: F401

        accel = "yes"
    except ImportError:
        accel = "no"
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, rl_accel: {accel}")
    print(
        f"database        {path.relative_to(ROOT)}"
        + (f" (made in {made:.1f} s)" if made else " (reused)")
    )
    font, _ = timed(register_fonts)
    print(f"font load       {font:.3f} s (once per process, not counted below)")

    out = OUT / f"monthly-{MONTH:%Y-%m}-{args.lang}.pdf"
    floor_out = OUT / f"floor-{MONTH:%Y-%m}-{args.lang}.pdf"
    queries, builds, totals, floors = [], [], [], []
    with Store(path, read_only=True) as store:
        build_monthly_pack(store, MONTH, out, args.lang)  # warm-up
        for _ in range(args.repeat):
            seconds, data = timed(monthly_pack_data, store, MONTH)
            queries.append(seconds)
            seconds, _ = timed(monthly_pack.render_monthly_pack, data, out, args.lang)
            builds.append(seconds)
            seconds, _ = timed(build_monthly_pack, store, MONTH, out, args.lang)
            totals.append(seconds)
            pre = precompute(data, args.lang)
            seconds, _ = timed(
                lambda p=pre: build_pdf(
                    floor_story(p),
                    floor_out,
                    title=p["title"],
                    company=p["company"],
                    lang=args.lang,
                )
            )
            floors.append(seconds)
    pages = len(PdfReader(str(out)).pages)
    floor_pages = len(PdfReader(str(floor_out)).pages)
    best = [min(x) for x in (queries, builds, totals, floors)]
    median = [statistics.median(x) for x in (queries, builds, totals, floors)]
    query, build, total, floor = best
    print(
        f"employees       {len(data.employees):,} in line-ups, {data.lineups} line-ups, "
        f"{data.tally.inspections:,} inspections"
    )
    print(f"                best of {args.repeat} (median)")
    print(f"query           {query:.3f} s ({median[0]:.3f})")
    print(f"build           {build:.3f} s ({median[1]:.3f})")
    print(f"pages           {pages} (floor: {floor_pages})")
    print(f"total           {total:.3f} s ({median[2]:.3f})")
    print(f"floor           {floor:.3f} s ({median[3]:.3f})")
    print(
        f"ratio           {total / floor:.2f} (total / floor; medians: {median[2] / median[3]:.2f})"
    )
    print(f"pdf             {out.relative_to(ROOT)} ({out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
