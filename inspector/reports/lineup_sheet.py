"""The line-up sheet: one line-up as the supervisor ran it, to print, sign and file.

Company, site, shift, date and supervisor; each person with their status and each fault in
words (the wording of the checklist version the line-up was judged against) with its note;
the absent and those on leave; the counts; the changes made after finishing (each changed row
marked "已修改 #n"); signature lines for the supervisor and the manager.
"""

from __future__ import annotations

from functools import partial
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from inspector.domain.lineup import Attendance, PersonStatus, Result
from inspector.domain.reports import LineupSheetData, MarkLine, PersonResult
from inspector.domain.scoring import format_percent
from inspector.reports import i18n
from inspector.reports.changes_section import changes_section, status_cell
from inspector.reports.i18n import label
from inspector.reports.page import ReportRenderer
from inspector.reports.styles import (
    MUTED,
    WARN_BG,
    WARN_INK,
    data_table,
    fit,
    heading,
    hex_color,
    label_header,
    markup,
    pairs_table,
    para,
    scale,
    signature_table,
)

_PEOPLE_WIDTHS = scale([7, 15, 14, 16, 22, 13, 58])
_PEOPLE_COLUMNS = (
    "no",
    "employee_no",
    "name",
    "department",
    "status",
    "passed_of",
    "faults_and_notes",
)
_ABSENT_WIDTHS = scale([7, 15, 14, 16, 22, 71])


def mark_markup(mark: MarkLine, lang: str) -> str:
    """One fault or note, worded for a cell: '• wording (severity) — note'."""
    wording = escape(mark.text.get(lang))
    note = f" — {escape(mark.note)}" if mark.note else ""
    if mark.result is Result.FAIL:
        severity = escape(i18n.severity_label(mark.severity, lang))
        line = (
            f"• {wording}（{severity}）{note}"
            if lang == "zh"
            else f"• {wording} ({severity}){note}"
        )
        if mark.severity == "critical":
            return f'<font color="{hex_color(WARN_INK)}">{line}</font>'
        return line
    prefix = escape(label("note", lang))
    if mark.result is Result.NOT_APPLICABLE:
        prefix = "N/A"
    return f'<font color="{hex_color(MUTED)}">{prefix} · {wording}{note}</font>'


def result_status(person: PersonResult, lang: str) -> str:
    """How one person came out of one inspection, in words (a line-up sheet's line, an
    employee record's line-up)."""
    return i18n.status_label(
        person.status,
        lang,
        critical=person.critical_failed > 0,
        late=person.attendance is Attendance.LATE,
    )


def lineup_sheet_story(data: LineupSheetData, lang: str) -> list[Flowable]:
    lineup = data.lineup
    story: list[Flowable] = [
        para(label("lineup_title", lang), "title"),
        para(
            f"{lineup.site or label('whole_site', lang)} · {lineup.day.isoformat()} · {lineup.shift}",
            "subtitle",
        ),
    ]
    standards = ", ".join(f"{v.title.get(lang)} v{v.version}" for v in data.versions)
    details = [
        (label("site", lang), lineup.site or "–"),
        (label("date", lang), lineup.day.isoformat()),
        (label("department", lang), lineup.department or label("whole_site", lang)),
        (label("shift", lang), lineup.shift or "–"),
        (label("supervisor", lang), lineup.supervisor or "–"),
        (label("started", lang), i18n.time_label(lineup.started_at)),
        (
            label("finished", lang),
            i18n.time_label(lineup.finished_at)
            if lineup.finished_at
            else label("not_finished", lang),
        ),
        (label("standards", lang), standards or "–"),
        (label("seal", lang), data.seal or label("not_sealed", lang)),
    ]
    story.append(pairs_table(details, 2, scale([16, 34, 16, 34])))
    story.append(Spacer(1, 4 * mm))

    tally = data.tally
    counts = [
        (label("pass_rate", lang), format_percent(tally.pass_rate)),
        (label("people", lang), str(len(data.people))),
        (label("inspected", lang), str(tally.inspections)),
        (label("all_pass", lang), str(data.count(PersonStatus.ALL_PASS))),
        (label("with_faults", lang), str(data.count(PersonStatus.FAULTS))),
        (label("absent_short", lang), str(tally.absent)),
        (label("leave_short", lang), str(tally.leave)),
        (label("late_days", lang), str(tally.late)),
        (label("not_inspected", lang), str(data.count(PersonStatus.TODO))),
        (label("faults", lang), str(tally.failed)),
        (label("critical", lang), str(tally.critical_failed)),
        (label("compliance", lang), format_percent(tally.compliance)),
    ]
    story.extend(heading(label("counts", lang)))
    story.append(pairs_table(counts, 3, scale([20, 13, 20, 13, 20, 13])))

    story.extend(heading(label("people_and_faults", lang)))
    rows: list[list] = [label_header(_PEOPLE_COLUMNS, lang)]
    extra: list[tuple] = []
    for index, person in enumerate(data.people, start=1):
        inspected = person.status in (PersonStatus.ALL_PASS, PersonStatus.FAULTS)
        marks = (
            markup("<br/>".join(mark_markup(m, lang) for m in person.marks)) if person.marks else ""
        )
        rows.append(
            [
                str(person.position),
                fit(person.employee_no, _PEOPLE_WIDTHS[1]),
                fit(person.name, _PEOPLE_WIDTHS[2]),
                fit(person.department, _PEOPLE_WIDTHS[3]),
                status_cell(result_status(person, lang), data.changes_of(person.position), lang),
                f"{person.passed}/{person.applicable}" if inspected else "–",
                marks,
            ]
        )
        if person.critical_failed:
            extra.append(("BACKGROUND", (0, index), (-1, index), WARN_BG))
        elif not inspected:
            extra.append(("TEXTCOLOR", (0, index), (-2, index), MUTED))
    story.append(data_table(rows, _PEOPLE_WIDTHS, extra=extra))

    story.extend(heading(label("absentees", lang)))
    absent = data.absentees
    if absent:
        rows = [label_header(("no", "employee_no", "name", "department", "status", "note"), lang)]
        rows += [
            [
                str(p.position),
                fit(p.employee_no, _ABSENT_WIDTHS[1]),
                fit(p.name, _ABSENT_WIDTHS[2]),
                fit(p.department, _ABSENT_WIDTHS[3]),
                para(result_status(p, lang)),
                "",
            ]
            for p in absent
        ]
        story.append(data_table(rows, _ABSENT_WIDTHS))
    else:
        story.append(para(label("none", lang), "body"))

    story.extend(changes_section(data.changes, lang))

    story.append(Spacer(1, 8 * mm))
    signers = [label("supervisor_signature", lang), label("manager_signature", lang)]
    signatures = signature_table(signers, label("signature_date", lang))
    story.append(KeepTogether([para(label("signatures", lang), "heading"), signatures]))
    return story


render_lineup_sheet = ReportRenderer(
    lineup_sheet_story,
    title=partial(label, "lineup_title"),
    expected_pages=lambda data: 1 + len(data.people) // 30,
)
