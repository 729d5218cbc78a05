"""One line-up, three faces: the summary screen, the day's sheet (PDF) and ``inspector lineup
show --json`` give the same figures, and the figures are the ones the line-up really had."""

from __future__ import annotations

import json

from pypdf import PdfReader
from PySide6.QtCore import Qt

from inspector.cli import main

CTRL = Qt.KeyboardModifier.ControlModifier

# What happened, person by person, and so what every face must say (counted by hand):
#  1 two faults · 2 a fault, then marked absent, then found present (not inspected)
#  3 late with a fault · 4 on leave · 5-18 all pass · 19, 20 never reached.
EXPECTED = {
    "total": 20,
    "inspected": 16,  # 1, 3 and 5-18
    "all_pass": 14,
    "with_faults": 2,  # people: 1 and 3
    "absent": 0,  # 2 was there after all
    "leave": 1,
    "late": 1,
    "not_inspected": 3,  # 2, 19, 20
    "faults": 3,  # failed items of the people inspected (2's fault does not count)
}
SHEET_LABELS = {
    "total": "People",
    "inspected": "Inspected",
    "all_pass": "All passed",
    "with_faults": "With faults",
    "absent": "Absent",
    "leave": "Leave",
    "late": "Late arrivals",
    "not_inspected": "Not inspected",
    "faults": "Faults",
}
JSON_KEYS = {"total": "people"}


def test_screen_sheet_and_cli_agree(
    qtbot, roster, window, store, db_path, press, start_lineup, capsys
):
    section = window.lineup
    controller = start_lineup(window, "Huang")
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Space)  # person 1: two faults
    assert controller.current_row == 1
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_A)  # person 2: a fault, then absent
    assert controller.current_row == 2
    press(Qt.Key.Key_T)
    press(Qt.Key.Key_X)
    press(Qt.Key.Key_1)
    press(Qt.Key.Key_Space)  # person 3: late with a fault
    press(Qt.Key.Key_L)  # person 4: on leave
    press(Qt.Key.Key_Space, times=14)  # persons 5-18
    assert controller.current_row == 18
    press(Qt.Key.Key_Return, CTRL)
    press(Qt.Key.Key_Return)  # finish with 19 and 20 still to do
    qtbot.waitUntil(lambda: section.currentWidget() is section.summary)

    # Person 2 was there after all: the amendment makes them "not inspected".
    qtbot.mouseClick(section.summary.review_button, Qt.MouseButton.LeftButton)
    page = section.lineup_page
    qtbot.waitUntil(page.person_view.items.isVisible)
    press(Qt.Key.Key_Right)
    assert controller.current_row == 1
    press(Qt.Key.Key_A)
    qtbot.keyClicks(page.amend_dialog.reason, "Was at the gate")
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.amend_dialog is None)
    press(Qt.Key.Key_Return, CTRL)  # back to the summary
    qtbot.waitUntil(lambda: section.currentWidget() is section.summary)

    summary = section.summary
    screen = {key: int(value.text()) for key, (value, _caption) in summary._tile_labels.items()}
    screen["faults"] = sum(f.count for f in summary.summary.fault_counts)

    opened = []
    summary.open_file = opened.append
    with qtbot.waitSignal(summary.sheet_ready, timeout=30_000):
        qtbot.mouseClick(summary.open_sheet_button, Qt.MouseButton.LeftButton)
    text = "\n".join(p.extract_text() for p in PdfReader(opened[0]).pages)
    block = text[text.index("Counts") : text.index("Item ratio")]
    lines = [line.strip() for line in block.splitlines()[1:]]
    pairs = dict(zip(lines[::2], lines[1::2], strict=True))  # each label, then its figure
    sheet = {key: int(pairs[label]) for key, label in SHEET_LABELS.items()}
    assert pairs["Pass rate"] == "87.5%"  # 14 of the 16 inspected had no fault

    capsys.readouterr()
    assert (
        main(["lineup", "show", str(controller.session.lineup.id), "--json", "--db", str(db_path)])
        == 0
    )
    shown = json.loads(capsys.readouterr().out)
    cli = {key: shown[JSON_KEYS.get(key, key)] for key in EXPECTED}

    assert {key: screen[key] for key in EXPECTED} == EXPECTED
    assert sheet == EXPECTED
    assert cli == EXPECTED
