"""The scoring rules shared by the screens and the reports."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from inspector.domain.checklist import AppliesTo, ChecklistItem, ItemKind, Severity, Source
from inspector.domain.lineup import Attendance, Inspection, Outcome, PersonStatus, Result
from inspector.domain.scoring import compliance_ratio, format_percent, score_inspection
from inspector.domain.text import Text


def item(n: int, severity: Severity = Severity.MINOR, weight: int = 1) -> ChecklistItem:
    return ChecklistItem(
        id=f"test.item-{n}",
        kind=ItemKind.REQUIRED,
        text=Text(f"要求{n}", f"rule {n}"),
        applies_to=AppliesTo.EVERYONE,
        severity=severity,
        weight=weight,
        source=Source("test.toml", "1"),
    )


ITEMS = [
    item(1, weight=2),
    item(2, weight=3),
    item(3, Severity.MAJOR, 4),
    item(4, Severity.CRITICAL, 10),
]


def test_unmarked_items_pass():
    score = score_inspection(ITEMS, {})
    assert (score.applicable, score.passed, score.failed, score.fault_points) == (4, 4, 0, 0)
    assert score.compliance == 1.0
    assert score.outcome is Outcome.PASS


def test_compliance_is_passed_over_applicable():
    score = score_inspection(ITEMS, {"test.item-1": Result.FAIL})
    assert (score.applicable, score.passed, score.failed) == (4, 3, 1)
    assert score.compliance == 0.75
    assert score.fault_points == 2
    assert score.outcome is Outcome.FAULTS


def test_not_applicable_removes_the_item():
    score = score_inspection(
        ITEMS, {"test.item-1": Result.NOT_APPLICABLE, "test.item-2": Result.FAIL}
    )
    assert (score.applicable, score.passed, score.failed) == (3, 2, 1)
    assert score.compliance == 2 / 3


def test_everything_not_applicable_has_no_compliance():
    score = score_inspection(ITEMS, dict.fromkeys((i.id for i in ITEMS), Result.NOT_APPLICABLE))
    assert score.applicable == 0
    assert score.compliance is None
    assert format_percent(score.compliance) == "–"


def test_a_critical_fault_fails_the_inspection_whatever_the_compliance():
    many = [item(n) for n in range(100)] + [item(100, Severity.CRITICAL, 10)]
    score = score_inspection(many, {"test.item-100": Result.FAIL})
    assert score.compliance > 0.99
    assert score.critical_failed == 1
    assert score.outcome is Outcome.FAIL


def test_major_faults_are_faults_not_a_fail():
    score = score_inspection(ITEMS, {"test.item-3": Result.FAIL})
    assert score.outcome is Outcome.FAULTS
    assert score.fault_points == 4


def test_fault_points_sum_the_weights_of_failed_items():
    marks = {"test.item-1": Result.FAIL, "test.item-2": Result.FAIL, "test.item-4": Result.FAIL}
    assert score_inspection(ITEMS, marks).fault_points == 2 + 3 + 10


def test_marks_for_items_that_do_not_apply_are_ignored():
    score = score_inspection(ITEMS[:2], {"test.item-4": Result.FAIL})
    assert (score.applicable, score.failed) == (2, 0)


def test_absent_and_leave_are_not_failures():
    def person(attendance: Attendance | None, failed: int = 0) -> Inspection:
        from datetime import datetime

        done = datetime(2024, 5, 6, 8) if attendance is not None else None
        return Inspection(1, 1, 1, 0, attendance, done, failed=failed)

    assert person(Attendance.ABSENT).status is PersonStatus.ABSENT
    assert person(Attendance.LEAVE).status is PersonStatus.LEAVE
    assert not Attendance.ABSENT.inspected and not Attendance.LEAVE.inspected
    assert Attendance.LATE.inspected and Attendance.PRESENT.inspected
    assert person(Attendance.LATE).status is PersonStatus.ALL_PASS
    assert person(Attendance.PRESENT, failed=1).status is PersonStatus.FAULTS
    assert person(None).status is PersonStatus.TODO


def test_aggregated_ratio_matches():
    assert compliance_ratio(3, 4) == 0.75
    assert compliance_ratio(0, 0) is None
    assert format_percent(0.75) == "75.0%"


@given(st.lists(st.sampled_from(list(Result)), min_size=len(ITEMS), max_size=len(ITEMS)))
def test_counts_always_add_up(results):
    marks = {i.id: r for i, r in zip(ITEMS, results, strict=True)}
    score = score_inspection(ITEMS, marks)
    assert score.passed + score.failed == score.applicable
    assert score.applicable == sum(r is not Result.NOT_APPLICABLE for r in results)
    assert score.critical_failed == (marks["test.item-4"] is Result.FAIL)
    assert (score.outcome is Outcome.FAIL) == bool(score.critical_failed)
    if score.applicable:
        assert 0 <= score.compliance <= 1
