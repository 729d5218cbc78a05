"""Floor observations in the reports: never in the line-up figures; their own pack section,
the employee record's list and the observation sheet."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from helpers.reports_data import APRIL, squash

from inspector.cli import main
from inspector.services import report_jobs
from inspector.services.employee_record import employee_record
from inspector.services.figures import export_monthly
from inspector.services.observation_session import ObservationSession
from inspector.storage import Store
from inspector.storage import report_queries as q

OBSERVED = (
    # (day, hour, employee, situations, faults with notes)
    (date(2025, 4, 2), 10, "E004", ["phone"], {"phone.commanding-tone": "“你等着”"}),
    (date(2025, 4, 2), 15, "E004", ["complaint"], {"complaint-handling.cold-voice": "",
                                                  "complaint-handling.rushes-to-close": ""}),
    (date(2025, 4, 3), 9, "E001", ["seated", "reception"], {}),
    (date(2025, 4, 8), 11, "E002", ["phone"], {"phone.commanding-tone": ""}),
)  # fmt: skip


def observe(store: Store, catalogue) -> list[int]:
    ids = []
    for day, hour, number, situations, faults in OBSERVED:
        session = ObservationSession(
            store, catalogue, clock=lambda d=day, h=hour: datetime(d.year, d.month, d.day, h)
        )
        lineup = session.start(store.employee_by_no(number), situations, "质检 刘")
        for item_id, note in faults.items():
            if note:
                session.set_note(item_id, note)
            else:
                session.toggle_fail(item_id)
        session.save()
        ids.append(lineup.id)
    return ids


def lineup_figures(store: Store, tmp_path, tag: str) -> dict:
    """Every line-up figure a user can see: the pack's data, an employee's record, the export."""
    pack = dataclasses.replace(q.monthly_pack_data(store, APRIL), observations=None)
    record = dataclasses.replace(
        employee_record(store, "E004", date(2025, 3, 1), date(2025, 4, 30)), observations=()
    )
    csv = export_monthly(store, APRIL, tmp_path / f"{tag}.csv", "csv").read_bytes()
    lineups = [lu.id for lu in store.list_lineups()]
    return {"pack": pack, "record": record, "csv": csv, "lineups": lineups}


def test_observations_never_move_the_line_up_figures(seeded, catalogue, tmp_path):
    before = lineup_figures(seeded, tmp_path, "before")
    observe(seeded, catalogue)
    after = lineup_figures(seeded, tmp_path, "after")
    assert after == before
    assert q.monthly_pack_data(seeded, APRIL).observations.observations == 4


def test_the_month_of_observations(seeded, catalogue):
    observe(seeded, catalogue)
    month = q.observation_month(seeded, APRIL)
    assert (month.observations, month.people, month.passed, month.observers) == (4, 3, 1, 1)
    assert month.rate == pytest.approx(0.25)
    by_situation = {t.key: (t.observations, t.passed, t.faults) for t in month.situations}
    assert by_situation == {
        "phone": (2, 0, 2), "reception": (1, 1, 0), "complaint": (1, 0, 2), "seated": (1, 1, 0),
    }  # fmt: skip
    assert [t.key for t in month.situations] == ["phone", "reception", "complaint", "seated"]
    [top, *_] = month.faults
    assert (top.item_id, top.count, top.people) == ("phone.commanding-tone", 2, 2)
    first = month.people_with_faults[0]
    assert (first.employee_no, first.observations, first.with_faults, first.faults) == (
        "E004", 2, 2, 3,
    )  # fmt: skip
    engineering = q.observation_month(seeded, APRIL, department="工程部")
    assert {t.key for t in engineering.departments} <= {"工程部"}
    assert q.observation_month(seeded, date(2025, 3, 1)).observations == 0


def test_the_pack_has_an_observation_section(seeded, catalogue, tmp_path, clean_pdf):
    observe(seeded, catalogue)
    for lang, words in (
        ("zh", ("现场观察", "观察合格率", "25.0%", "使用命令口吻", "观察中问题最多的员工")),
        ("en", ("Floor observations", "Pass rate", "25.0%", "Uses a commanding tone")),
    ):
        out = report_jobs.MONTHLY_PACK.build(
            seeded, report_jobs.ReportRequest(lang=lang, month=APRIL), tmp_path / f"p-{lang}.pdf"
        )
        text = squash(clean_pdf(out))
        for word in words:
            assert squash(word) in text, (lang, word)


def test_the_employee_record_lists_the_observations(seeded, catalogue, tmp_path, clean_pdf):
    observe(seeded, catalogue)
    data = employee_record(seeded, "E004", date(2025, 4, 1), date(2025, 4, 30))
    assert [len(o.faults) for o in data.observations] == [1, 2]
    assert data.observations[0].faults[0].note == "“你等着”"
    request = report_jobs.ReportRequest(
        lang="zh", employee_no="E004", start=date(2025, 4, 1), end=date(2025, 4, 30)
    )
    text = squash(clean_pdf(report_jobs.EMPLOYEE_RECORD.build(seeded, request, tmp_path / "e.pdf")))
    for word in ("现场观察记录", "使用命令口吻", "“你等着”", "声音冷漠、机械", "质检刘"):
        assert squash(word) in text, word


def test_the_observation_sheet_of_one_and_of_a_day(seeded, catalogue, tmp_path, clean_pdf):
    ids = observe(seeded, catalogue)
    one = report_jobs.OBSERVATION_SHEET
    request = report_jobs.ReportRequest(lang="en", observation_id=ids[0])
    assert one.file_name(request) == f"observation-{ids[0]}-en.pdf"
    text = squash(clean_pdf(one.build(seeded, request, tmp_path / "one.pdf")))
    for word in ("Floor observation sheet", "Phone call", "Uses a commanding tone", "“你等着”",
                 "Observer's signature"):  # fmt: skip
        assert squash(word) in text, word
    day = report_jobs.ReportRequest(lang="zh", start=date(2025, 4, 2), end=date(2025, 4, 2))
    assert one.file_name(day) == "observation-20250402.pdf"
    text = squash(clean_pdf(one.build(seeded, day, tmp_path / "day.pdf")))
    assert squash("2 次观察，0 次未发现问题，共 3 个问题") in text
    assert "处理投诉" in text and "电话" in text


def test_report_observation_on_the_command_line(seeded_path, catalogue, tmp_path, capsys):
    with Store(seeded_path) as store:
        ids = observe(store, catalogue)
    out = tmp_path / "sheet.pdf"
    code = main(["report", "observation", str(ids[2]), "--db", str(seeded_path), "--out",
                 str(out)])  # fmt: skip
    assert code == 0 and out.exists()
    code = main(["report", "observation", "--date", "2025-04-09", "--db", str(seeded_path)])
    assert code == 2
    assert "no saved observations on 2025-04-09" in capsys.readouterr().err
    code = main(["report", "observation", "999", "--db", str(seeded_path)])
    assert code == 2 and "there is no observation 999" in capsys.readouterr().err
