"""Changes after finishing in the printed reports: the day's sheet marks each changed row
(已修改 #n) and lists the changes (修改记录) with before → after, reason, who and when; the
employee record lists the changes to that person. In zh, en and both, with every glyph drawn."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from helpers.reports_data import assert_clean_cjk_pdf, squash

from inspector.domain.changes import describe
from inspector.domain.lineup import Attendance, Result
from inspector.domain.text import Text
from inspector.services.report_jobs import build_employee_record, build_lineup_sheet
from inspector.storage import Store

DAY = (date(2025, 4, 2), "早班")
AT = datetime(2025, 4, 2, 9, 30)


@pytest.fixture
def amended(seeded_path, lineup_ids):
    """The seeded line-up of DAY with two changes: an absentee on leave after all, and the
    first person's first applicable item failed on a second look."""
    lineup_id = lineup_ids[DAY]
    with Store(seeded_path) as store:
        inspections = store.inspections_for(lineup_id)
        absent = next(i for i in inspections if i.attendance is Attendance.ABSENT)
        first = next(i for i in inspections if i.attendance is Attendance.PRESENT)
        item = store.applicable_items_for(first)[0][1].id
        store.amend_attendance(
            absent.id, Attendance.LEAVE, reason="请假条已补交", changed_by="周主管", changed_at=AT
        )
        store.amend_mark(
            first.id, item, Result.FAIL, reason="复核发现", changed_by="李经理", changed_at=AT
        )
        people = {i.id: store.get_employee(i.employee_id) for i in (absent, first)}
    return seeded_path, lineup_id, absent, first, people


MARKER = {"zh": "已修改", "en": "Amended", "both": "已修改/Amended"}


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
def test_the_sheet_marks_the_changed_rows_and_lists_the_changes(amended, tmp_path, lang):
    path, lineup_id, _absent, _first, people = amended
    with Store(path) as store:
        out = build_lineup_sheet(store, lineup_id, tmp_path / f"sheet-{lang}.pdf", lang)
    text = squash(assert_clean_cjk_pdf(out))
    assert f"{MARKER[lang]}#1" in text and f"{MARKER[lang]}#2" in text
    if lang in ("zh", "both"):
        assert "修改记录" in text and squash("缺勤 → 请假") in text
    if lang in ("en", "both"):
        assert squash("Changes after finishing") in text and squash("Absent → On leave") in text
    assert squash("请假条已补交 周主管 2025-04-02 09:30") in text
    assert squash("复核发现 李经理") in text
    for who in people.values():
        assert squash(who.name) in text


def test_an_unchanged_sheet_has_no_change_list(seeded_path, lineup_ids, tmp_path):
    with Store(seeded_path) as store:
        out = build_lineup_sheet(store, lineup_ids[DAY], tmp_path / "sheet.pdf", "en")
    text = squash(assert_clean_cjk_pdf(out))
    assert "Amended" not in text and squash("Changes after finishing") not in text


def test_the_employee_record_lists_the_changes_to_that_person(amended, tmp_path):
    path, _lineup_id, absent, _first, people = amended
    who = people[absent.id]
    with Store(path) as store:
        out = build_employee_record(
            store, who.employee_no, date(2025, 4, 1), date(2025, 4, 30), tmp_path / "rec.pdf", "zh"
        )
    text = squash(assert_clean_cjk_pdf(out))
    assert "已修改#1" in text and "修改记录" in text
    assert squash("缺勤 → 请假 请假条已补交 周主管") in text
    assert "复核发现" not in text  # someone else's change


def test_describe_words_each_kind_of_change():
    assert describe({"attendance": "absent", "inspected": True}, {"attendance": "late",
                    "inspected": False}) == (
        Text("出勤", "Attendance"), Text("缺勤", "Absent"), Text("迟到，未检查", "Late, not inspected")
    )  # fmt: skip
    assert describe({"attendance": "late", "inspected": False}, {"attendance": "late",
                    "inspected": True}) == (
        Text("检查", "Inspection"), Text("未检查", "Not inspected"), Text("已检查", "Inspected")
    )  # fmt: skip
    shoes = Text("鞋面干净", "Shoes clean")
    before = {"attendance": "present", "result": "fail", "note": "脏", "photo": ""}
    after = {**before, "result": "pass"}
    assert describe(before, after, shoes) == (shoes, Text("不合格", "Fail"), Text("合格", "Pass"))
    noted = {**before, "note": "很脏"}
    assert describe(before, noted, shoes)[1:] == (
        Text("备注：脏", "note: 脏"),
        Text("备注：很脏", "note: 很脏"),
    )
