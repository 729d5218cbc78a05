"""The line-up's item models: Qt's model tester, and the row objects behind each row."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from inspector.domain.lineup import Attendance, PersonStatus
from inspector.domain.shifts import shift_for
from inspector.gui.controllers.lineup_controller import LineupController
from inspector.gui.models import lineup_grid_model, lineup_people_model
from inspector.gui.models.base import ROW_ROLE
from inspector.gui.models.lineup_summary_model import FaultCountsModel, FollowUpModel
from inspector.gui.models.recent_lineups_model import RecentLineupsModel
from inspector.services.lineup_session import LineupSession


@pytest.fixture
def controller(qtbot, roster, store, catalogue):
    controller = LineupController(LineupSession(store, catalogue))
    lineup = controller.start(
        day=date(2025, 6, 2),
        shift="早班",
        site="阳光花园",
        department="客服部",
        supervisor="Huang",
    )
    assert lineup is not None
    first = controller.items_model.row_object(0).reasons[0].id
    controller.toggle_fail(first)
    controller.pass_all_and_next()
    controller.toggle_attendance(Attendance.ABSENT)
    controller.toggle_attendance(Attendance.LATE)
    return controller


def test_people_model(qtmodeltester, controller):
    model = controller.people_model
    qtmodeltester.check(model)
    rows = [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]
    assert [r.status for r in rows[:3]] == [
        PersonStatus.FAULTS,
        PersonStatus.ABSENT,
        PersonStatus.TODO,
    ]
    assert rows[2].late
    status = lineup_people_model.LineupPeopleModel.STATUS
    assert model.index(0, status).data() == "✘ Faults: 1"
    assert model.index(2, status).data() == "Late · To do"
    assert model.index(0, status).data(Qt.ItemDataRole.DecorationRole) is not None


def test_items_model(qtmodeltester, controller):
    controller.go_to(0)
    model = controller.items_model
    qtmodeltester.check(model)
    row = model.index(0, 0).data(ROW_ROLE)
    assert row.failed and row.first_in_area
    assert model.index(0, model.RESULT).data() == "✘ " + row.reasons[0].text.en
    assert model.index(1, model.RESULT).data() == "✓ Pass"  # completed: unmarked passed


def test_grid_model(qtmodeltester, controller):
    model = controller.grid_model
    qtmodeltester.check(model)
    grid_row = model.index(0, 0).data(ROW_ROLE)
    assert grid_row.person.employee.employee_no == "C001"
    assert [a.id for a in model.areas()][:2] == ["overall", "hair"]
    assert model.index(0, model.FIRST_AREA).data(lineup_grid_model.AREA_ROLE) == "overall"


def test_summary_models(qtmodeltester, controller):
    summary = controller.summary()
    assert (summary.total, summary.inspected, summary.absent, summary.late) == (20, 1, 1, 1)
    assert summary.not_inspected == 18
    faults = FaultCountsModel()
    faults.set_rows(summary.fault_counts)
    qtmodeltester.check(faults)
    follow = FollowUpModel()
    follow.set_rows(summary.follow_up)
    qtmodeltester.check(follow)
    assert follow.index(0, follow.NAME).data() == "王芳"


def test_recent_lineups_model(qtmodeltester, controller, store):
    model = RecentLineupsModel()
    model.set_rows(store.list_lineups())
    qtmodeltester.check(model)
    assert "2025-06-02" in model.index(0, 0).data()


def test_shift_by_the_clock():
    assert shift_for(datetime(2025, 6, 2, 7, 30)) == "早班"
    assert shift_for(datetime(2025, 6, 2, 13, 45)) == "中班"
    assert shift_for(datetime(2025, 6, 2, 21, 0)) == "晚班"
    assert shift_for(datetime(2025, 6, 2, 2, 0)) == "晚班"
