"""Refresh the Chinese translation from the source and build it.

    python resources/translations/update.py          # lupdate + lrelease
    python resources/translations/update.py --check  # fail if a string is new or unfinished

1. ``pyside6-lupdate`` collects every ``self.tr()`` / ``QCoreApplication.translate()`` string
   of inspector/gui into inspector_zh_CN.ts (strings no longer in the
   source are dropped);
2. translate what is new in the .ts (Qt Linguist, or any XML editor: fill <translation> and
   remove ``type="unfinished"``);
3. ``pyside6-lrelease`` builds inspector_zh_CN.qm, which the app loads. Commit both files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "inspector_zh_CN.ts"
QM = HERE / "inspector_zh_CN.qm"
SOURCES = [ROOT / "inspector" / "gui"]


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        sys.exit(f"{name} not found: install PySide6 (pip install PySide6-Essentials)")
    return found


def unfinished(ts: Path) -> list[str]:
    """Source strings whose translation is missing or not marked finished."""
    problems = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        kind = translation.get("type")
        if kind in ("obsolete", "vanished"):
            continue
        numerus = translation.findall("numerusform")
        text = "".join(n.text or "" for n in numerus) if numerus else (translation.text or "")
        if kind == "unfinished" or not text.strip():
            problems.append(message.findtext("source", ""))
    return problems


def main(argv: list[str]) -> int:
    check = "--check" in argv
    target = TS
    if check:  # run lupdate on a copy: the committed file must already be complete
        target = HERE / ".check_zh_CN.ts"
        shutil.copyfile(TS, target)
    try:
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-extensions",
                "py",
                "-no-obsolete",
                "-locations",
                "none",
                *map(str, SOURCES),
                "-ts",
                str(target),
            ],
            check=True,
            cwd=ROOT,
        )
        missing = unfinished(target)
    finally:
        if check:
            target.unlink(missing_ok=True)
    if missing:
        print(f"{len(missing)} string(s) to translate in {TS.name}:")
        for source in missing:
            print(f"  {source!r}")
        if check:
            return 1
    if not check:
        subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, cwd=ROOT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
