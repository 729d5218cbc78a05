"""The shifts of a day, and which one a line-up held at a given time belongs to."""

from __future__ import annotations

from datetime import datetime

SHIFTS = ("早班", "中班", "晚班")  # stored as the company writes them; shown translated


def shift_for(moment: datetime) -> str:
    """The shift whose line-up is held at this time: 早班 05-12h, 中班 12-19h, 晚班 otherwise."""
    if 5 <= moment.hour < 12:
        return SHIFTS[0]
    if 12 <= moment.hour < 19:
        return SHIFTS[1]
    return SHIFTS[2]
