"""Floor observations in the reports: the monthly pack's observation section and the list of
one employee's observations in the employee record.

Observations are never mixed into the line-up figures: this section has its own figures
(``storage.report_queries.observation_month``). The pass rate of observations is the share of
observations in which no behaviour fault was seen.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from inspector.domain.observations import ObservationEntry, ObservationMonth, situation_text
from inspector.domain.scoring import format_percent
from inspector.domain.text import Text
from inspector.reports import i18n
from inspector.reports.styles import (
    data_table,
    header_row,
    heading,
    pairs_table,
    para,
    ranked_fault_rows,
    scale,
)

TOP_FAULTS = 10
TOP_PEOPLE = 15

LABELS: dict[str, Text] = {
    "observations": Text("现场观察", "Floor observations"),
    "observations_rule": Text(
        "现场观察记录岗位上的行为（电话、接待、投诉处理、拜访、行走指引、坐姿、握手与名片），"
        "不计入晨会检查的任何数字。观察合格率 = 未发现问题的观察次数 ÷ 观察次数。",
        "Floor observations record behaviour at work (phone, reception, complaints, visits, "
        "walking and pointing the way, seated work, handshakes and cards) and never enter the "
        "line-up figures. Pass rate = observations with no fault ÷ observations.",
    ),
    "observation_count": Text("观察次数", "Observations"),
    "people_observed": Text("被观察人数", "People observed"),
    "observed_no_fault": Text("未发现问题", "With no fault"),
    "pass_rate": Text("观察合格率", "Pass rate"),
    "observers": Text("观察人数", "Observers"),
    "with_faults": Text("有问题", "With faults"),
    "faults": Text("问题数", "Faults"),
    "department": Text("部门", "Department"),
    "situation": Text("观察情境", "Situation"),
    "by_department": Text("按部门", "By department"),
    "by_situation": Text("按情境", "By situation"),
    "top_faults": Text("最常见的行为问题", "Most frequent behaviour faults"),
    "item": Text("行为标准", "Behaviour"),
    "severity": Text("严重程度", "Severity"),
    "times": Text("次数", "Times"),
    "people": Text("人数", "People"),
    "people_with_faults": Text("观察中问题最多的员工", "Observed most often with faults"),
    "employee_no": Text("工号", "No."),
    "name": Text("姓名", "Name"),
    "last_day": Text("最近一次", "Last"),
    "no_observations": Text("本月没有现场观察。", "No floor observations this month."),
    "no_faults": Text("观察中未发现问题。", "No fault was observed."),
    "date": Text("日期", "Date"),
    "time": Text("时间", "Time"),
    "observer": Text("观察人", "Observer"),
    "result": Text("结果", "Result"),
    "no_fault": Text("未发现问题", "No fault"),
    "employee_observations": Text("现场观察记录", "Floor observations"),
    "none_in_period": Text("这段时间没有现场观察。", "No floor observations in this period."),
    "amended": Text("已更正", "amended"),
}

_PEOPLE_WITH_FAULTS_COLUMNS = (
    "employee_no",
    "name",
    "department",
    "observation_count",
    "with_faults",
    "faults",
    "last_day",
)


def label(key: str, lang: str) -> str:
    return LABELS[key].get(lang)


def _rate(value: float | None) -> str:
    return format_percent(value) if value is not None else "–"


def situation_names(situations: tuple[str, ...], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(situation_text(s).get(lang) for s in situations)


def _tally_rows(tallies, first: str, name, lang: str) -> list[list]:
    rows = [
        header_row(
            [
                label(first, lang),
                label("observation_count", lang),
                label("observed_no_fault", lang),
                label("with_faults", lang),
                label("faults", lang),
                label("pass_rate", lang),
            ],
            right_from=1,
        )
    ]
    rows += [
        [
            para(name(t.key)),
            f"{t.observations:,}",
            f"{t.passed:,}",
            f"{t.with_faults:,}",
            f"{t.faults:,}",
            _rate(t.rate),
        ]
        for t in tallies
    ]
    return rows


def observation_section(data: ObservationMonth | None, lang: str) -> list[Flowable]:
    """The monthly pack's section on floor observations (on a page of its own)."""
    lang = i18n.check_lang(lang)
    story: list[Flowable] = [PageBreak(), *heading(label("observations", lang))]
    story.append(para(label("observations_rule", lang), "small"))
    story.append(Spacer(1, 3))
    if data is None or not data.observations:
        story.append(para(label("no_observations", lang), "body"))
        return story
    figures = [
        (label("observation_count", lang), f"{data.observations:,}"),
        (label("people_observed", lang), f"{data.people:,}"),
        (label("observed_no_fault", lang), f"{data.passed:,}"),
        (label("pass_rate", lang), _rate(data.rate)),
        (label("faults", lang), f"{sum(f.count for f in data.faults):,}"),
        (label("observers", lang), f"{data.observers:,}"),
    ]
    story.append(pairs_table(figures, 3, scale([21, 12, 21, 12, 21, 13])))
    widths = scale([34, 13, 13, 13, 13, 14])
    story.extend(heading(label("by_department", lang)))
    story.append(
        data_table(
            _tally_rows(data.departments, "department", lambda d: d or "–", lang),
            widths,
            right_from=1,
        )
    )
    story.extend(heading(label("by_situation", lang)))
    story.append(
        data_table(
            _tally_rows(data.situations, "situation", lambda s: situation_text(s).get(lang), lang),
            widths,
            right_from=1,
        )
    )
    story.append(CondPageBreak(160))
    story.extend(heading(label("top_faults", lang)))
    if data.faults:
        headers = ["item", "severity", "times", "people"]
        labels = [label(h, lang) for h in headers]
        rows = ranked_fault_rows(data.faults, labels, lang, TOP_FAULTS)
        story.append(data_table(rows, scale([6, 58, 14, 11, 11]), right_from=3))
    else:
        story.append(para(label("no_faults", lang), "body"))
    if data.people_with_faults:
        story.extend(heading(label("people_with_faults", lang)))
        rows = [header_row([label(k, lang) for k in _PEOPLE_WITH_FAULTS_COLUMNS], right_from=3)]
        rows += [
            [
                p.employee_no,
                para(p.name),
                para(p.department or "–"),
                f"{p.observations:,}",
                f"{p.with_faults:,}",
                f"{p.faults:,}",
                i18n.date_label(p.last_day),
            ]
            for p in data.people_with_faults[:TOP_PEOPLE]
        ]
        story.append(data_table(rows, scale([12, 16, 20, 12, 12, 12, 16]), right_from=3))
    return story


def fault_lines(entry: ObservationEntry, lang: str) -> str:
    """The faults of one observation, one a line: 'wording (severity) — note'."""
    if not entry.faults:
        return label("no_fault", lang)
    lines = []
    for f in entry.faults:
        severity = i18n.severity_label(f.severity, lang)
        note = f" — {f.note}" if f.note else ""
        lines.append(
            f"• {f.text.get(lang)}（{severity}）{note}"
            if lang == "zh"
            else f"• {f.text.get(lang)} ({severity}){note}"
        )
    return "\n".join(lines)


def employee_observations_section(
    entries: tuple[ObservationEntry, ...], lang: str
) -> list[Flowable]:
    """The employee record's list of the person's floor observations, oldest first."""
    story: list[Flowable] = [*heading(label("employee_observations", lang))]
    if not entries:
        story.append(para(label("none_in_period", lang), "body"))
        return story
    rows = [
        header_row([label(k, lang) for k in ("date", "time", "situation", "observer", "result")])
    ]
    for e in entries:
        result = fault_lines(e, lang)
        if e.changes:
            result += f"\n({label('amended', lang)})"
        rows.append(
            [
                i18n.date_label(e.day),
                e.time,
                para(situation_names(e.situations, lang)),
                para(e.observer),
                para(result),
            ]
        )
    story.append(data_table(rows, scale([13, 8, 22, 13, 44])))
    return story
