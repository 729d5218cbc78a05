"""The line-up sheet PDF: people, faults in words with notes, absentees, counts, signatures."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from helpers.reports_data import COMPANY, COMPANY_EN, FORMULA_NOTE, squash

from inspector.services.report_jobs import build_lineup_sheet
from inspector.storage.report_queries import NoReportData

DAY = (date(2025, 4, 2), "早班")


def _sheet(built, lineup_ids, lang: str) -> tuple:
    return built(
        f"sheet-{lang}",
        lambda store, out: build_lineup_sheet(store, lineup_ids[DAY], out, lang),
    )


def test_sheet_in_chinese(built, lineup_ids, read_pages) -> None:
    out, text = _sheet(built, lineup_ids, "zh")
    assert out.name == "sheet-zh.pdf"
    for expected in (
        COMPANY,
        "晨会仪容仪表检查表",
        "翠湖花园",
        "2025-04-02",
        "早班",
        "周主管",
        "张伟",
        "赵强",
        "佩戴工牌，端正于左胸（较重）",
        "当日已剃刮胡须（一般） — 胡子未刮",
        FORMULA_NOTE,  # escaped, printed as typed
        "缺勤及请假",
        "检查人签字",
        "经理签字",
        "仪容 v2, 制服仪表 v1",
    ):
        assert squash(expected) in squash(text), expected
    lines = [line.strip() for line in text.splitlines()]
    wang = lines.index("王芳")
    assert lines[wang + 2] == "缺勤"  # name, department, status
    assert "Shaved today" not in text
    pages = read_pages(out)
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页，共 {len(pages)} 页" in page


def test_sheet_counts(built, lineup_ids) -> None:
    _, text = _sheet(built, lineup_ids, "zh")
    lines = [line.strip() for line in text.splitlines()]

    def value(label: str) -> str:
        return lines[lines.index(label) + 1]

    assert value("应到人数") == "6"
    assert value("已检查") == "5"
    assert value("全部合格") == "3"
    assert value("有问题") == "2"
    assert value("问题项") == "2"
    assert value("合格率") == "60.0%"  # 3 of the 5 inspected had no fault
    assert value("项目合格率（明细）") == "92.0%"  # the item ratio: 23 of 25


@pytest.mark.parametrize("lang", ["en", "both"])
def test_sheet_in_english_and_both(built, lineup_ids, lang) -> None:
    text = squash(_sheet(built, lineup_ids, lang)[1])
    assert squash(COMPANY_EN) in text
    assert squash("Line-up inspection sheet") in text
    assert squash("Supervisor's signature") in text
    assert squash("Page 1 of 1") in text
    if lang == "both":
        assert COMPANY in text
        assert squash("• 当日已剃刮胡须 / Shaved today (一般 / Minor) — 胡子未刮") in text
        assert squash("检查人签字 / Supervisor's signature") in text
        assert squash("第 1 页，共 1 页 / Page 1 of 1") in text
    else:
        assert squash("• Shaved today (Minor) — 胡子未刮") in text
        assert "当日已剃刮胡须" not in text
        assert COMPANY not in text


def test_unknown_lineup(seeded, tmp_path) -> None:
    out = tmp_path / "out"
    with pytest.raises(NoReportData, match="no line-up with id 4242"):
        build_lineup_sheet(seeded, 4242, out / "x.pdf", "zh")
    assert not out.exists() or not list(out.iterdir())  # nothing half-written


def test_bad_language(seeded, lineup_ids, tmp_path) -> None:
    with pytest.raises(ValueError, match="zh, en, both"):
        build_lineup_sheet(seeded, lineup_ids[DAY], tmp_path / "x.pdf", "fr")


def test_invariant_builds_are_reproducible(seeded, lineup_ids, tmp_path, read_pdf) -> None:
    first = build_lineup_sheet(seeded, lineup_ids[DAY], tmp_path / "a.pdf", "both", invariant=True)
    second = build_lineup_sheet(seeded, lineup_ids[DAY], tmp_path / "b.pdf", "both", invariant=True)
    assert first.read_bytes() == second.read_bytes()
    assert "2000-01-01 00:00" in read_pdf(first)
    stamped = build_lineup_sheet(
        seeded, lineup_ids[DAY], tmp_path / "c.pdf", "zh", generated_at=datetime(2025, 4, 2, 9, 30)
    )
    assert "生成时间: 2025-04-02 09:30" in read_pdf(stamped)


def test_sheet_prints_the_seal_that_verify_checks(built, seeded_master, lineup_ids) -> None:
    from inspector.storage import Store, seal

    with Store(seeded_master[0], read_only=True) as store:
        expected = seal.seal_for_lineup(store, lineup_ids[DAY])
    assert expected, "a finished line-up is sealed"
    _, text = _sheet(built, lineup_ids, "zh")
    assert expected.rstrip("…") in squash(text)
