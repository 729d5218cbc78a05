"""Take the line-up screenshots (docs/img/lineup-zh.png, lineup-en.png) from the demo database.

    python docs/img/take_lineup_screenshots.py          # offscreen, bundled font only
    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 QT_QPA_PLATFORM=xcb \\
        python docs/img/take_lineup_screenshots.py

The whole demo site in one line-up, driven by the keys a supervisor presses: a few people pass,
one has coloured nail polish (6 X 3), one dusty shoes (9 X 1); the shot shows a person with a
failed point and the reason picker open on another point. Works in a scratch data folder.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from screenshots import biggest_site_lineup, key, open_demo, settle, shoot

from inspector.domain.people import Sex

DIGITS = {n: getattr(Qt.Key, f"Key_{n}") for n in range(1, 10)}


def keys(*presses) -> None:
    for k in presses:
        key(k if isinstance(k, Qt.Key) else DIGITS[k])


def main() -> int:
    launcher, window = open_demo("zh")
    section = biggest_site_lineup(window)
    key(Qt.Key.Key_Return)
    settle()
    controller = section.controller
    keys(Qt.Key.Key_Space, Qt.Key.Key_Space)
    keys(9, Qt.Key.Key_X, 1, Qt.Key.Key_Space)  # dusty shoes
    keys(Qt.Key.Key_Space)
    # On to the first woman who wears a tie or neck bow (the longest profile): coloured nail
    # polish recorded, then the picker open on her neckwear and top.
    for _ in range(controller.count):
        person = controller.person()
        if person.employee.sex is Sex.FEMALE and len(controller.items_model.rows()) >= 16:
            break
        keys(Qt.Key.Key_Space)
    keys(6, Qt.Key.Key_X, 3)  # coloured nail polish
    keys(4, Qt.Key.Key_Down, Qt.Key.Key_X)  # the shirt and jacket: the picker is open
    shoot(window, "lineup-zh")
    window.set_language("en")
    settle(300)
    shoot(window, "lineup-en")
    launcher.close()
    QGuiApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
