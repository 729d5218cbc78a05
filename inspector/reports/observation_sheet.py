"""The observation sheet: one floor observation, or one day's, to print, sign and file.

For each observation: when, who observed whom (number, name, department), the situations, how
many behaviours were judged and each fault in the words of the set version it was judged by,
with its note; then signature lines for the observer and the employee.
"""

from __future__ import annotations

from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from inspector.domain.observations import ObservationEntry, ObservationSheetData
from inspector.domain.text import Text
from inspector.reports import i18n
from inspector.reports.observation_section import (
    LABELS,
    fault_lines,
    situation_names,
)
from inspector.reports.page import ReportRenderer
from inspector.reports.styles import (
    data_table,
    header_row,
    heading,
    pairs_table,
    para,
    scale,
    signature_table,
)

SHEET_LABELS: dict[str, Text] = {
    **LABELS,
    "sheet_title": Text("现场观察记录表", "Floor observation sheet"),
    "observation_no": Text("观察编号", "Observation"),
    "employee": Text("员工", "Employee"),
    "observed": Text("观察项目", "Behaviours judged"),
    "site": Text("项目", "Site"),
    "observer_signature": Text("观察人签名", "Observer's signature"),
    "employee_signature": Text("员工签名", "Employee's signature"),
    "signature_date": Text("日期", "Date"),
    "day_summary": Text(
        "{n} 次观察，{passed} 次未发现问题，共 {faults} 个问题。",
        "{n} observations, {passed} with no fault, {faults} faults in all.",
    ),
    "not_saved": Text("未保存", "not saved"),
}


def label(key: str, lang: str) -> str:
    return SHEET_LABELS[key].get(lang)


def _entry(entry: ObservationEntry, lang: str) -> list[Flowable]:
    who = f"{entry.employee_no} {entry.name}"
    pairs = [
        (label("observation_no", lang), str(entry.id)),
        (label("date", lang), f"{i18n.date_label(entry.day)} {entry.time}"),
        (label("employee", lang), who),
        (label("department", lang), entry.department or "–"),
        (label("observer", lang), entry.observer),
        (label("site", lang), entry.site or "–"),
        (label("situation", lang), situation_names(entry.situations, lang)),
        (label("observed", lang), str(entry.observed)),
    ]
    parts: list[Flowable] = [pairs_table(pairs, 2, scale([16, 34, 16, 34]))]
    rows = [header_row(["#", label("item", lang), label("severity", lang)])]
    for n, f in enumerate(entry.faults, start=1):
        note = f" — {f.note}" if f.note else ""
        rows.append(
            [str(n), para(f"{f.text.get(lang)}{note}"), i18n.severity_label(f.severity, lang)]
        )
    if entry.faults:
        parts.append(Spacer(1, 2))
        parts.append(data_table(rows, scale([6, 78, 16])))
    else:
        result = fault_lines(entry, lang) if entry.saved else label("not_saved", lang)
        parts.append(Spacer(1, 2))
        parts.append(para(result, "body"))
    if entry.changes:
        parts.append(para(f"({label('amended', lang)})", "small"))
    parts.append(Spacer(1, 4 * mm))
    return parts


def observation_sheet_story(data: ObservationSheetData, lang: str) -> list[Flowable]:
    subtitle = (
        i18n.date_label(data.day)
        if data.day is not None
        else f"{label('observation_no', lang)} {data.entries[0].id}"
    )
    story: list[Flowable] = [para(label("sheet_title", lang), "title"), para(subtitle, "subtitle")]
    if data.day is not None:
        story.append(
            para(
                label("day_summary", lang).format(
                    n=len(data.entries),
                    passed=sum(1 for e in data.entries if e.passed),
                    faults=sum(len(e.faults) for e in data.entries),
                ),
                "body",
            )
        )
    for entry in data.entries:
        head = f"{entry.time} · {entry.employee_no} {entry.name}"
        story.append(KeepTogether([*heading(head), *_entry(entry, lang)]))
    story.append(Spacer(1, 6 * mm))
    signers = [label("observer_signature", lang), label("employee_signature", lang)]
    story.append(signature_table(signers, label("signature_date", lang)))
    return story


render_observation_sheet = ReportRenderer(
    observation_sheet_story,
    title=partial(label, "sheet_title"),
    expected_pages=lambda data: 1 + len(data.entries) // 3,
)
