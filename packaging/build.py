"""Build the self-contained app: dist/inspector/ (one folder) from packaging/inspector.spec.

    python -m pip install -e '.[build]'
    python packaging/build.py

The folder runs on a machine without Python; copy it whole (or build the Windows installer from
it, packaging/windows/). Prints the folder's size and how long the build took.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "inspector.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def folder_size(folder: Path) -> int:
    """Bytes on disk, each file once (the Qt libraries are linked, not copied, on Linux)."""
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def main() -> int:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is not installed: python -m pip install -e '.[build]'", file=sys.stderr)
        return 1
    started = time.monotonic()
    shutil.rmtree(DIST / "inspector", ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        os.environ.get("PYINSTALLER_LOG_LEVEL", "WARN"),
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0:
        print(f"the build failed (PyInstaller exit status {result.returncode})", file=sys.stderr)
        return result.returncode
    program = DIST / "inspector" / ("inspector.exe" if sys.platform == "win32" else "inspector")
    if not program.is_file():
        print(f"the build made no {program}", file=sys.stderr)
        return 1
    if sys.platform.startswith("linux"):  # the menu entry and the per-user installer, beside it
        for name in ("inspector.desktop", "install.sh"):
            shutil.copy2(ROOT / "packaging" / "linux" / name, DIST / "inspector" / name)
    seconds = time.monotonic() - started
    size_mb = folder_size(DIST / "inspector") / 1_000_000
    print(f"built {program.relative_to(ROOT)}: {size_mb:.0f} MB in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
