"""The monthly pack PDF against the figures in the database (worked out by hand from the
seeded history: see helpers/reports_data.py; tests/reports/test_hr_figures.py recomputes them
from the stored records)."""

from __future__ import annotations

from datetime import date

import pytest
from helpers.reports_data import APRIL, COMPANY, COMPANY_EN, squash

from inspector.services import settings
from inspector.services.report_jobs import build_monthly_pack
from inspector.storage import report_queries
from inspector.storage.report_queries import NoReportData


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def employee_rows(lines: list[str]) -> dict[str, list[str]]:
    """The employee table's rows (each drawn as one line of cells): number -> cells."""
    start = lines.index("员工明细（需关注者在前）")
    rows = {}
    for line in lines[start:]:
        cells = line.split(" ")
        if len(cells) > 5 and cells[0].isdigit() and cells[1].startswith("E00"):
            rows[cells[1]] = cells
    return rows


def _value(lines: list[str], label: str, start: int = 0) -> str:
    return lines[lines.index(label, start) + 1]


def _pack(built, lang: str, department: str | None = None, site: str | None = None) -> tuple:
    return built(
        f"pack-{lang}-{department}-{site}",
        lambda store, out: build_monthly_pack(
            store, APRIL, out, lang, department=department, site=site
        ),
    )


@pytest.fixture
def pack_zh(built):
    return _pack(built, "zh")


def test_first_page_is_for_the_general_manager(pack_zh, read_pages) -> None:
    path, _ = pack_zh
    first = _lines(read_pages(path)[0])
    assert COMPANY in first
    assert "2025年4月 · 全公司" in first
    # the pass rate leads, with the previous month and the change in points
    assert "本月合格率" in first
    at = first.index("本月合格率")
    assert first[at + 1 : at + 3] == ["69.6%", "上月 88.2%，变化 -18.7"]
    # the ranking: place, department, pass rate, change, places moved
    ranking = first.index("各部门排名")
    at = first.index("客服部", ranking)
    assert first[at - 1 : at + 4] == ["1", "客服部", "87.5%", "+20.8", "+2"]
    at = first.index("工程部", ranking)
    assert first[at - 1 : at + 4] == ["3", "工程部", "37.5%", "-62.5", "-2"]
    # the top faults and who needs follow-up
    assert "最常见的问题（前 5）" in first
    assert "口头提醒: 赵强 (E004) · 当日已剃刮胡须 · 4 次" in first
    assert "有严重问题的员工 (1): 陈静" in first
    assert "近 12 个月趋势 · 合格率" in first


def test_key_figures(pack_zh) -> None:
    _, text = pack_zh
    lines = _lines(text)
    start = lines.index("关键指标")
    assert _value(lines, "在册员工", start) == "6"
    assert _value(lines, "参加晨会人数", start) == "6"
    assert _value(lines, "晨会场次", start) == "5"
    assert _value(lines, "检查人次", start) == "23"
    assert _value(lines, "合格人次", start) == "16"
    assert _value(lines, "有问题人次", start) == "7"
    assert _value(lines, "缺勤人次", start) == "1"
    assert _value(lines, "请假人次", start) == "1"
    assert _value(lines, "问题项", start) == "8"
    assert _value(lines, "严重问题", start) == "1"
    assert _value(lines, "合格率", start) == "69.6%"
    assert _value(lines, "项目合格率（明细）", start) == "93.0%"  # the item ratio, a detail


def test_departments_and_sites_ranked(seeded, pack_zh) -> None:
    _, text = pack_zh
    lines = _lines(text)
    data = report_queries.monthly_pack_data(seeded, APRIL)
    start = lines.index("各部门排名", lines.index("关键指标"))
    for row in data.departments:
        at = lines.index(row.department, start)
        assert lines[at - 1] == str(row.rank)
    at = lines.index("工程部", start)
    # rank, name, staff, inspections, passed, pass rate, previous, change, places, faults, critical
    assert lines[at - 1 : at + 10] == [
        "3", "工程部", "2", "8", "3", "37.5%", "100.0%", "-62.5", "-2", "6", "0",
    ]  # fmt: skip
    total = lines.index("合计", start)
    assert lines[total : total + 9] == [
        "合计",
        "6",
        "23",
        "16",
        "69.6%",
        "88.2%",
        "-18.7",
        "–",
        "8",
    ]
    sites = lines.index("各项目排名", start)
    assert lines[sites:].index("翠湖花园") > 0
    supervisors = lines.index("检查人", sites)
    assert "校准标记" in lines[supervisors + 1]
    at = lines.index("周主管", supervisors)
    # line-ups, people inspected, faults, per 100, overall, pass rate, amendments, flag
    assert lines[at : at + 8] == ["周主管", "5", "23", "8", "34.8", "34.8", "69.6%", "0"]


def test_faults_ladder_employees_and_versions(seeded, pack_zh, read_pages) -> None:
    path, text = pack_zh
    lines = _lines(text)
    table = lines.index("涉及人数")
    assert lines[table + 1 : table + 6] == ["1", "当日已剃刮胡须", "一般", "4", "1"]
    ladder = lines.index("屡犯阶梯")
    assert "3 次 → 口头提醒；5 次 → 书面警告" in lines[ladder + 1]
    at = lines.index("E004", ladder)
    assert lines[at - 1 : at + 6] == [
        "口头提醒", "E004", "赵强", "工程部", "当日已剃刮胡须", "4", "2025-04-03",
    ]  # fmt: skip
    rows = employee_rows(lines)
    assert list(rows) == ["E005", "E004", "E003", "E001", "E002", "E006"]
    # no., number, name, department, site, inspections, passed, pass rate, faults, critical,
    # absent, leave
    assert rows["E004"] == [
        "2", "E004", "赵强", "工程部", "翠湖花园", "5", "1", "20.0%", "5", "0", "0", "0",
    ]  # fmt: skip
    data = report_queries.monthly_pack_data(seeded, APRIL)
    for version in data.versions:
        assert version.hash_prefix in lines
    pages = read_pages(path)
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页，共 {len(pages)} 页" in page
        assert "生成时间" in page


def test_deduction_scoring_shows_scores(seeded, tmp_path, clean_pdf) -> None:
    settings.set_value(seeded, "scoring_profile", "deduction")
    text = clean_pdf(build_monthly_pack(seeded, APRIL, tmp_path / "d.pdf", "zh"))
    lines = _lines(text)
    assert "本月平均得分" in lines
    assert any(line.startswith("95.5") for line in lines)  # (90 + 95 + 90 + 98 + 100 + 100) / 6
    assert employee_rows(lines)["E004"][-2:] == ["90", "10"]  # score, points off
    assert "扣分制" in text and "扣完为止" in text


@pytest.mark.parametrize("lang", ["en", "both"])
def test_pack_in_english_and_both(built, lang) -> None:
    _, text = _pack(built, lang)
    flat = squash(text)
    assert squash(COMPANY_EN) in flat
    assert squash("April 2025") in flat
    assert squash("Repeat-offences ladder") in flat
    assert squash("Shaved today") in flat
    assert squash("Pass rate") in flat
    assert "69.6%" in flat
    if lang == "both":
        assert squash("关键指标 / Key figures") in flat
        assert squash("2025年4月 / April 2025") in flat
        assert squash("合计 / Total") in flat
    else:
        assert "关键指标" not in flat
        assert "Total" in flat


def test_one_department_totals_say_total(built) -> None:
    _, text = _pack(built, "zh", "工程部")
    lines = _lines(text)
    assert "2025年4月 · 部门: 工程部" in lines
    assert _value(lines, "合格率", lines.index("关键指标")) == "37.5%"
    assert "张伟" not in lines and "赵强" in lines
    start = lines.index("各部门排名", lines.index("关键指标"))
    end = lines.index("各项目排名", start)
    assert lines[start:end].count("工程部") == 1  # the department's row; the total says 合计
    assert "合计" in lines[start:end]


def test_one_site(built) -> None:
    _, text = _pack(built, "en", site="翠湖花园")
    assert squash("Site: 翠湖花园") in squash(text)


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
    with pytest.raises(NoReportData, match="at the site 别处"):
        build_monthly_pack(seeded, APRIL, tmp_path / "x.pdf", "zh", site="别处")


def test_invariant_pack_is_reproducible(seeded, tmp_path) -> None:
    first = build_monthly_pack(seeded, APRIL, tmp_path / "a.pdf", "both", invariant=True)
    second = build_monthly_pack(seeded, APRIL, tmp_path / "b.pdf", "both", invariant=True)
    assert first.read_bytes() == second.read_bytes()


def test_pack_prints_the_seal_of_the_month(seeded, pack_zh) -> None:
    from inspector.storage import seal

    head, sealed, lineups = seal.seal_for_period(seeded, date(2025, 4, 1), date(2025, 4, 30))
    assert head and 0 < sealed <= lineups
    text = squash(pack_zh[1])
    assert head.rstrip("…") in text
    assert f"已封存班前检查 {sealed} 次".replace(" ", "") in text.replace(" ", "")


@pytest.mark.parametrize("top", [1, 2, 3, 7, 40])
def test_bar_chart_ticks_are_whole_numbers(top) -> None:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart

    from inspector.reports.charts import fault_bar_chart

    drawing = fault_bar_chart([(["鞋面不洁"], top), (["未剃须"], 1)], 400)
    (chart,) = [c for c in drawing.contents if isinstance(c, HorizontalBarChart)]
    step = chart.valueAxis.valueStep
    assert step >= 1 and step == int(step)  # on a small month: 0 1 2, never 0 0 0 1 1
    assert chart.valueAxis.valueMax >= top
