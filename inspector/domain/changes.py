"""Changes to a finished line-up (the change log), as people read them: who was changed, what,
from what to what, why, by whom and when.

The change log stores each change as two snapshots (``before`` and ``after``: the attendance,
whether the person was inspected, and for an item its result, note and photo). ``describe``
words the difference once, in Chinese and English, for the review screen, the summary, the
day's sheet, the employee record and ``inspector lineup show``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from inspector.domain.text import Text

ATTENDANCE_WORDS: Mapping[str | None, Text] = {
    "present": Text("出勤", "Present"),
    "late": Text("迟到", "Late"),
    "absent": Text("缺勤", "Absent"),
    "leave": Text("请假", "On leave"),
    None: Text("未点名", "Not recorded"),
}
RESULT_WORDS: Mapping[str | None, Text] = {
    "pass": Text("合格", "Pass"),
    "fail": Text("不合格", "Fail"),
    "na": Text("不适用", "N/A"),
    None: Text("合格", "Pass"),  # no mark on a completed inspection: the item passed
}
WHAT_ATTENDANCE = Text("出勤", "Attendance")
WHAT_INSPECTION = Text("检查", "Inspection")
INSPECTED = Text("已检查", "inspected")
NOT_INSPECTED = Text("未检查", "not inspected")
NOTE = Text("备注", "note")
PHOTO = Text("照片", "photo")
NOTHING = Text("无", "none")


@dataclass(frozen=True, slots=True)
class ChangeLine:
    """One change to a finished line-up, worded (``describe``) and with the person it is about."""

    id: int
    lineup_id: int
    day: date  # the line-up's day
    inspection_id: int | None
    position: int | None  # the person's place in the line-up, from 1
    employee_no: str
    name: str
    item_id: str | None  # None: the person's attendance or inspection
    what: Text  # the item's wording, 出勤 / Attendance or 检查 / Inspection
    before: Text
    after: Text
    reason: str
    changed_by: str
    changed_at: datetime
    before_values: Mapping  # the stored snapshots, as the change log keeps them
    after_values: Mapping


def _join(parts: list[Text]) -> Text:
    return Text("，".join(p.zh for p in parts), ", ".join(p.en for p in parts))


def _labelled(label: Text, value: str) -> Text:
    return Text(f"{label.zh}：{value or NOTHING.zh}", f"{label.en}: {value or NOTHING.en}")


def _person_words(snapshot: Mapping, *, show_inspected: bool) -> Text:
    attendance = snapshot.get("attendance")
    words = [ATTENDANCE_WORDS.get(attendance, Text(str(attendance), str(attendance)))]
    if show_inspected:
        words.append(INSPECTED if snapshot.get("inspected") else NOT_INSPECTED)
    return _join(words)


def _item_words(snapshot: Mapping, keys: list[str]) -> Text:
    words = []
    for key in keys:
        if key == "result":
            result = snapshot.get("result")
            words.append(RESULT_WORDS.get(result, Text(str(result), str(result))))
        elif key == "note":
            words.append(_labelled(NOTE, snapshot.get("note") or ""))
        elif key == "photo":
            words.append(_labelled(PHOTO, "✓" if snapshot.get("photo") else ""))
    return _join(words)


def describe(
    before: Mapping, after: Mapping, item_text: Text | None = None
) -> tuple[Text, Text, Text]:
    """(what, before, after) of one change: an item's result, note or photo; else the person's
    attendance (with whether they were inspected, when that changed too) or their inspection."""
    if "result" in before or "result" in after or item_text is not None:
        keys = [k for k in ("result", "note", "photo") if before.get(k) != after.get(k)]
        keys = keys or ["result"]
        what = item_text or Text("", "")
        return what, _item_words(before, keys), _item_words(after, keys)
    if before.get("attendance") == after.get("attendance"):
        return (
            WHAT_INSPECTION,
            _capital(INSPECTED if before.get("inspected") else NOT_INSPECTED),
            _capital(INSPECTED if after.get("inspected") else NOT_INSPECTED),
        )
    show = before.get("inspected") != after.get("inspected") and not _away(after)
    return (
        WHAT_ATTENDANCE,
        _person_words(before, show_inspected=False),
        _person_words(after, show_inspected=show),
    )


def _capital(text: Text) -> Text:
    return Text(text.zh, text.en[:1].upper() + text.en[1:])


def _away(snapshot: Mapping) -> bool:
    return snapshot.get("attendance") in ("absent", "leave")


def arrow(line: ChangeLine, lang: str) -> str:
    """'before → after' in one language (or both: "zh / en")."""
    if lang == "both":
        return f"{arrow(line, 'zh')} / {arrow(line, 'en')}"
    return f"{line.before.get(lang)} → {line.after.get(lang)}"
