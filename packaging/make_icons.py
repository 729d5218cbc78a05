"""Draw the application icon (a checkmark on a clipboard) and write it in every form needed.

    python packaging/make_icons.py

writes into resources/icons/:
- inspector.svg: the drawing itself;
- inspector-<N>.png for N in 16…256: the window icon (gui/startup.py) and the Linux desktop
  entry (packaging/linux/);
- inspector.ico: the Windows executable and installer icon (all sizes in one file).

The outputs are committed; run this again only after changing the drawing. It needs PySide6
(QtSvg renders the SVG) and Pillow (writes the .ico); both come with the development install.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)

# A navy clipboard, a white sheet, a steel clip and a green checkmark, on a 256×256 grid.
SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>Inspector</title>
  <rect x="36" y="30" width="184" height="214" rx="22" fill="#1f4e79"/>
  <rect x="56" y="58" width="144" height="168" rx="10" fill="#ffffff"/>
  <rect x="88" y="14" width="80" height="46" rx="12" fill="#8a9bad"/>
  <rect x="104" y="26" width="48" height="12" rx="6" fill="#1f4e79"/>
  <path d="M82 146 L114 178 L176 110" fill="none" stroke="#2e9e4f" stroke-width="24"
        stroke-linecap="round" stroke-linejoin="round"/>
</svg>
"""


def main() -> int:
    from PIL import Image
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs it
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "inspector.svg").write_text(SVG, encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(SVG.encode("utf-8")))
    if not renderer.isValid():
        print("the icon's SVG does not parse", file=sys.stderr)
        return 1
    pngs: list[Path] = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = ICONS / f"inspector-{size}.png"
        if not image.save(str(out)):
            print(f"could not write {out}", file=sys.stderr)
            return 1
        pngs.append(out)
    images = [Image.open(png).convert("RGBA") for png in pngs]
    largest = images[-1]
    largest.save(
        ICONS / "inspector.ico",
        sizes=[(size, size) for size in SIZES],
        append_images=images[:-1],
    )
    for path in [ICONS / "inspector.svg", *pngs, ICONS / "inspector.ico"]:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
