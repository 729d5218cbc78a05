"""Start-up against a bare window: the real entry point and a QMainWindow with one label are
spawned alternately, each timed from the spawn to its first frame. Prints figures, asserts
nothing. Target: the median within 1.5x the bare window and under 0.6 s (60 people), within
1.7x on 5,000 people.

    python bench/startup.py                    # a 60-person demo database, 7 runs each
    python bench/startup.py --employees 5000 --days 22   # a 5,000-person company, a month
    python bench/startup.py --db some.db --runs 11

The app is started as ``python -m inspector --db DB --lang zh`` with ``INSPECTOR_FIRST_FRAME``
set: it prints "first frame" after its first paint and quits. Both run on the same display and
the same fresh data folder (a first, untimed start of each warms the disk cache and, for the
app, makes the day's backup and the checklist cache, as any start after the first of a day
finds them): a virtual X server that the bench starts (Xvfb, as a desktop has
one: fontconfig and the X connection are part of every start), or ``--platform offscreen``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST_FRAME_ENV = "INSPECTOR_FIRST_FRAME"  # inspector.gui.main_window.FIRST_FRAME_ENV

BARE = textwrap.dedent(
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    class Window(QMainWindow):
        painted = False

        def paintEvent(self, event):
            super().paintEvent(event)
            if not self.painted:
                self.painted = True
                QTimer.singleShot(0, done)

    def done():
        print("first frame", flush=True)
        app.quit()

    app = QApplication([])
    window = Window()
    window.setCentralWidget(QLabel("Inspector"))
    window.resize(1280, 760)
    window.show()
    app.exec()
    """
)


def make_demo(folder: Path, employees: int, days: int) -> Path:
    from inspector.files.checklists import load_catalogue
    from inspector.services.demo import fill_demo
    from inspector.storage import Store

    path = folder / f"demo-{employees}.db"
    with Store(path) as store:
        fill_demo(store, load_catalogue(), employees=employees, days=days, today=date.today())
    return path


def time_to_first_frame(command: list[str], env: dict[str, str]) -> float:
    """Seconds from the spawn to the child's "first frame" line (wall clock: what a
    supervisor waits)."""
    started = time.perf_counter()
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("first frame"):
            seconds = time.perf_counter() - started
            break
    else:
        child.wait()
        raise SystemExit(f"{command[1:3]} showed no frame:\n{child.stderr.read()}")
    # The figure is taken; let it quit by itself (a process killed while it writes its
    # settings leaves a half-written QSettings lock that stalls the next start for 30 s).
    try:
        child.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
    return seconds


@contextlib.contextmanager
def display(platform: str):
    """The environment for the children: an X display of our own, or the offscreen platform."""
    if platform == "offscreen":
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{number}"}
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing database (default: a new demo)")
    parser.add_argument("--employees", type=int, default=60, help="people in the demo")
    parser.add_argument("--days", type=int, default=66, help="working days in the demo")
    parser.add_argument("--runs", type=int, default=7, help="runs of each (at least 7)")
    parser.add_argument(
        "--platform",
        choices=("xcb", "offscreen"),
        default="xcb" if shutil.which("Xvfb") else "offscreen",
        help="a virtual X display (default where Xvfb is installed) or Qt's offscreen platform",
    )
    args = parser.parse_args()
    runs = max(args.runs, 7)
    with (
        tempfile.TemporaryDirectory(prefix="inspector-startup-") as folder,
        display(args.platform) as screen,
    ):
        data = Path(folder) / "data"
        # An installed app runs from compiled bytecode: let both children write and reuse it.
        parent = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env = {
            **parent,
            **screen,
            "INSPECTOR_DATA_DIR": str(data),
            FIRST_FRAME_ENV: "1",
        }
        os.environ["INSPECTOR_DATA_DIR"] = str(data)
        db = args.db or make_demo(Path(folder), args.employees, args.days)
        app = [sys.executable, "-m", "inspector", "--db", str(db), "--lang", "zh"]
        bare = [sys.executable, "-c", BARE]
        time_to_first_frame(app, env)  # the disk cache, the day's backup, the checklist cache
        time_to_first_frame(bare, env)
        times: dict[str, list[float]] = {"app": [], "bare": []}
        for _ in range(runs):
            times["app"].append(time_to_first_frame(app, env))
            times["bare"].append(time_to_first_frame(bare, env))
    app_median = statistics.median(times["app"])
    bare_median = statistics.median(times["bare"])
    what = db if args.db else f"demo, {args.employees} people x {args.days} days"
    print(f"database: {what}; platform: {args.platform}; {os.cpu_count()} cores")
    for name, values in times.items():
        figures = " ".join(f"{v:.3f}" for v in values)
        print(f"{name:>4}: median {statistics.median(values):.3f} s  ({figures})")
    print(f"ratio app/bare: {app_median / bare_median:.2f}")


if __name__ == "__main__":
    main()
