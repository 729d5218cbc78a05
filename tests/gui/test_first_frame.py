"""The first window: what it loads, and what waits until it is on screen."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from inspector.files.catalogue_cache import load_catalogue_cached
from inspector.storage.backup import daily_backups

ROOT = Path(__file__).resolve().parents[2]
# Loaded on first use of the page or command that needs them, never for the first window.
LATER = (
    "reportlab",
    "openpyxl",
    "pypdf",
    "inspector.reports",
    "inspector.storage.report_queries",
    "inspector.services.briefing",
    "inspector.domain.reports",
    "inspector.services.figures",
    "inspector.files.roster",
    "inspector.cli.report_cmd",
    "inspector.gui.pages.roster_page",
    "inspector.gui.pages.employee_page",
    "inspector.gui.pages.checklists_page",
    "inspector.gui.pages.reports_page",
    "inspector.gui.pages.lineup_page",
    "inspector.gui.pages.lineup_summary",
    "inspector.gui.dialogs.shortcuts_dialog",
    "psycopg",
    "inspector.storage.hub_server",
    # The Store reads with sqlite3: sqlite-utils comes with the first write or migration.
    "sqlite_utils",
    "inspector.storage.backup",
    "inspector.storage.seal",
    "inspector.storage.hub_local",
    # From the checklist cache: the files are read (and the reader loaded) when they change.
    "inspector.files.checklists",
    "tomllib",
)

FIRST_FRAME = textwrap.dedent(
    """
    import os, sys
    import inspector.gui.main_window as main_window

    def loaded_at_first_frame():
        later = sys.argv[2].split(",")
        found = [m for m in sorted(sys.modules) if any(m == l or m.startswith(l + ".") for l in later)]
        print("loaded:", ",".join(found), flush=True)
        os._exit(0)

    main_window.report_first_frame_and_quit = loaded_at_first_frame
    from inspector.cli import main
    main(["--db", sys.argv[1], "--lang", "zh"])
    """
)


def loaded_at_first_frame(db_path: Path) -> list[str]:
    """The modules of ``LATER`` that the real start-up has imported when its window is drawn."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "INSPECTOR_FIRST_FRAME": "1",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(db_path), ",".join(LATER)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    [line] = [line for line in done.stdout.splitlines() if line.startswith("loaded:")]
    return [name for name in line.removeprefix("loaded:").strip().split(",") if name]


def test_the_first_window_loads_no_report_or_hidden_page(store) -> None:
    load_catalogue_cached()  # the checklists as read at an earlier start
    store.close()  # no write waits on this connection: the app opens the file alone
    assert loaded_at_first_frame(store.path) == []


def test_a_morning_with_a_roster_and_history_loads_no_report_either(store) -> None:
    """The start screen with its 讲评 card: the card's figures come after the first frame."""
    from inspector.services.demo import fill_demo

    fill_demo(store, load_catalogue_cached(), employees=30, days=5, observations=False)
    load_catalogue_cached()
    store.close()
    assert loaded_at_first_frame(store.path) == []


def test_the_daily_backup_waits_for_the_first_frame(qtbot, roster, db_path, start_app):
    window = start_app(db_path)
    window.context.runner.wait(30_000)
    assert daily_backups(db_path) == []  # nothing is drawn yet: no backup started
    with qtbot.waitSignal(window.first_frame_shown, timeout=30_000):
        pass
    window.context.runner.wait(30_000)
    qtbot.waitUntil(lambda: len(daily_backups(db_path)) == 1)
