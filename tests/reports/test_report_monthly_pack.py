"""The monthly compliance pack PDF against the figures in the database."""

from __future__ import annotations

from datetime import date

import pytest
from helpers.reports_data import APRIL, COMPANY, COMPANY_EN, squash

from inspector.domain.scoring import format_percent
from inspector.services.report_jobs import build_monthly_pack
from inspector.storage import report_queries
from inspector.storage.report_queries import NoReportData


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def _value(lines: list[str], label: str) -> str:
    return lines[lines.index(label) + 1]


def _pack(built, lang: str, department: str | None = None) -> tuple:
    return built(
        f"pack-{lang}-{department}",
        lambda store, out: build_monthly_pack(store, APRIL, out, lang, department=department),
    )


@pytest.fixture
def pack_zh(built):
    return _pack(built, "zh")


def test_key_figures(pack_zh) -> None:
    _, text = pack_zh
    lines = _lines(text)
    assert COMPANY in lines
    assert "2025年4月 · 全公司" in lines
    assert _value(lines, "在册员工") == "6"
    assert _value(lines, "参加晨会人数") == "6"
    assert _value(lines, "晨会场次") == "5"
    assert _value(lines, "检查人次") == "23"
    assert _value(lines, "缺勤人次") == "1"
    assert _value(lines, "请假人次") == "1"
    assert _value(lines, "检查项次") == "114"
    assert _value(lines, "问题项") == "8"
    assert _value(lines, "严重问题") == "1"
    assert _value(lines, "扣分") == "30"
    assert _value(lines, "屡犯人次") == "1"
    assert _value(lines, "合格率") == "93.0%"
    assert _value(lines, "上月合格率") == "97.6%"
    assert _value(lines, "变化（百分点）") == "-4.7"


def test_departments_match_the_queries(seeded, pack_zh) -> None:
    _, text = pack_zh
    lines = _lines(text)
    data = report_queries.monthly_pack_data(seeded, APRIL)
    start = lines.index("各部门情况")
    for row in data.departments:
        at = lines.index(row.department, start)
        t = row.tally
        assert lines[at + 1 : at + 9] == [
            str(row.staff),
            str(t.inspections),
            str(t.absent),
            str(t.leave),
            str(t.failed),
            str(t.critical_failed),
            str(t.fault_points),
            format_percent(t.compliance),
        ]
    engineering = lines.index("工程部", start)
    assert lines[engineering + 8 : engineering + 11] == ["85.0%", "100.0%", "-15.0"]


def test_faults_offenders_employees_and_versions(seeded, pack_zh, read_pages) -> None:
    path, text = pack_zh
    lines = _lines(text)
    # the most frequent faults: rank, item, severity, times, people
    table = lines.index("涉及人数")
    assert lines[table + 1 : table + 6] == ["1", "当日已剃刮胡须", "一般", "4", "1"]
    # repeat offenders
    offenders = lines.index("屡犯人员")
    assert "同一项目本月不合格 3 次及以上" in lines[offenders + 1]
    at = lines.index("E004", offenders)
    assert lines[at : at + 6] == ["E004", "赵强", "工程部", "当日已剃刮胡须", "4", "2025-04-03"]
    # every employee, those needing attention first
    employees = lines.index("员工明细（需关注者在前）")
    order = [line for line in lines[employees:] if line in {f"E00{n}" for n in range(1, 7)}]
    assert order == ["E005", "E004", "E001", "E003", "E002", "E006"]
    chen = lines.index("E005", employees)
    # no., name, department, site, days, absent, leave, faults, critical, points, compliance
    assert lines[chen - 1 : chen + 11] == [
        "1", "E005", "陈静", "秩序维护部", "翠湖花园", "4", "0", "0", "1", "1", "10", "95.0%",
    ]  # fmt: skip
    # the standards the month was judged against
    data = report_queries.monthly_pack_data(seeded, APRIL)
    for version in data.versions:
        assert version.hash_prefix in lines
    pages = read_pages(path)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页，共 {len(pages)} 页" in page
        assert "生成时间" in page


@pytest.mark.parametrize("lang", ["en", "both"])
def test_pack_in_english_and_both(built, lang) -> None:
    _, text = _pack(built, lang)
    flat = squash(text)
    assert squash(COMPANY_EN) in flat
    assert squash("April 2025") in flat
    assert squash("Repeat offenders") in flat
    assert squash("Shaved today") in flat
    assert "93.0%" in flat
    if lang == "both":
        assert squash("关键指标 / Key figures") in flat
        assert squash("2025年4月 / April 2025") in flat
    else:
        assert "关键指标" not in flat


def test_one_department(built) -> None:
    _, text = _pack(built, "zh", "工程部")
    lines = _lines(text)
    assert "2025年4月 · 部门: 工程部" in lines
    assert _value(lines, "合格率") == "85.0%"
    assert "张伟" not in lines and "赵强" in lines


def test_progress_is_reported(seeded, tmp_path) -> None:
    calls: list[tuple[float, str]] = []
    build_monthly_pack(
        seeded, APRIL, tmp_path / "p.pdf", "zh", progress=lambda f, m: calls.append((f, m))
    )
    fractions = [f for f, _ in calls]
    assert len(calls) >= 3
    assert fractions == sorted(fractions)
    assert fractions[0] >= 0.0 and fractions[-1] == 1.0
    assert all(isinstance(m, str) and m for _, m in calls)


def test_empty_month(seeded, tmp_path) -> None:
    with pytest.raises(NoReportData, match="no line-ups in 2025-06"):
        build_monthly_pack(seeded, date(2025, 6, 1), tmp_path / "x.pdf", "zh")
    assert not (tmp_path / "x.pdf").exists()


def test_invariant_pack_is_reproducible(seeded, tmp_path) -> None:
    first = build_monthly_pack(seeded, APRIL, tmp_path / "a.pdf", "both", invariant=True)
    second = build_monthly_pack(seeded, APRIL, tmp_path / "b.pdf", "both", invariant=True)
    assert first.read_bytes() == second.read_bytes()


def test_pack_prints_the_seal_of_the_month(seeded, pack_zh) -> None:
    from datetime import date

    from inspector.storage import seal

    head, sealed, lineups = seal.seal_for_period(seeded, date(2025, 4, 1), date(2025, 4, 30))
    assert head and 0 < sealed <= lineups
    text = squash(pack_zh[1])
    assert head.rstrip("…") in text
    assert f"已封存班前检查 {sealed} 次".replace(" ", "") in text.replace(" ", "")
