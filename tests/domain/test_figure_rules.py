"""The HR figures' rules (domain.figures), one function at a time."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from inspector.domain.figures import (
    DEFAULT_LADDER,
    FULL_SCORE,
    LadderStep,
    fault_deduction,
    faults_per_100,
    group_score,
    inspection_deduction,
    ladder_step,
    most_in_window,
    needs_calibration,
    pass_rate,
    person_score,
    rank,
)
from inspector.domain.text import Text

DEDUCTIONS = {"minor": 2, "major": 5, "critical": 10}


def test_pass_rate_counts_people_not_items() -> None:
    assert pass_rate(18, 23) == 18 / 23  # 5 of 23 people had a fault
    assert pass_rate(0, 4) == 0.0
    assert pass_rate(0, 0) is None  # nobody inspected: no figure, not 0 % or 100 %


def test_a_fault_takes_its_items_deduction_or_its_severitys() -> None:
    assert fault_deduction("minor", None, DEDUCTIONS) == 2
    assert fault_deduction("critical", None, DEDUCTIONS) == 10
    assert fault_deduction("minor", 7, DEDUCTIONS) == 7  # the checklist item's own
    assert fault_deduction("minor", 0, DEDUCTIONS) == 0  # an item can deduct nothing
    assert fault_deduction("major", None, {}) == 5  # the default for a missing setting


def test_an_inspection_sums_its_faults_and_a_critical_can_zero_it() -> None:
    faults = [("minor", None), ("major", None), ("minor", 4)]
    assert inspection_deduction(faults, DEDUCTIONS) == 11
    assert inspection_deduction([], DEDUCTIONS) == 0
    critical = [("minor", None), ("critical", None)]
    assert inspection_deduction(critical, DEDUCTIONS) == 12
    assert inspection_deduction(critical, DEDUCTIONS, critical_zeroes=True) == FULL_SCORE


def test_a_score_never_goes_below_zero() -> None:
    assert person_score(0) == 100
    assert person_score(24) == 76
    assert person_score(100) == 0
    assert person_score(140) == 0  # 扣完为止


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=40))
def test_group_score_is_the_mean_of_scores_within_0_and_100(deductions) -> None:
    scores = [person_score(d) for d in deductions]
    value = group_score(scores)
    assert value is not None and 0 <= value <= 100
    assert value == sum(scores) / len(scores)
    assert group_score([]) is None


def test_faults_per_100_people() -> None:
    assert faults_per_100(8, 23) == 800 / 23
    assert faults_per_100(0, 10) == 0
    assert faults_per_100(3, 0) is None


def test_calibration_flag_needs_enough_people_and_few_faults() -> None:
    # the scope: 1,000 people, 80 faults = 8 per 100; half of it is 4 per 100
    assert needs_calibration(3, 100, 80, 1000)  # 3 per 100 over 100 people
    assert not needs_calibration(4, 100, 80, 1000)  # exactly half: not below it
    assert not needs_calibration(0, 99, 80, 1000)  # too few people to judge
    assert not needs_calibration(0, 500, 0, 1000)  # nobody found anything: nothing to compare
    assert needs_calibration(1, 30, 80, 1000, min_inspected=30)


def test_ranking_with_the_previous_month() -> None:
    ranked = rank(
        {"客服部": 0.875, "工程部": 0.375, "秩序维护部": 0.857, "会所": None},
        {"客服部": 0.667, "工程部": 1.0, "秩序维护部": 1.0},
    )
    assert [(r.key, r.rank, r.previous_rank) for r in ranked] == [
        ("客服部", 1, 3),
        ("秩序维护部", 2, 1),  # equal values share a place
        ("工程部", 3, 1),
        ("会所", None, None),  # no figure: last
    ]
    assert [r.places_up for r in ranked] == [2, -1, -2, None]
    assert round(ranked[0].change, 3) == 0.208
    assert ranked[3].change is None


def test_ladder_step_is_the_highest_reached() -> None:
    assert ladder_step(2, DEFAULT_LADDER) is None
    assert ladder_step(3, DEFAULT_LADDER).name.zh == "口头提醒"
    assert ladder_step(4, DEFAULT_LADDER).name.zh == "口头提醒"
    assert ladder_step(9, DEFAULT_LADDER).name.zh == "书面警告"
    custom = (LadderStep(2, Text("提醒", "Reminder")),)
    assert ladder_step(2, custom).name.en == "Reminder"


def test_repeats_are_counted_within_30_days() -> None:
    start, end = date(2025, 4, 1), date(2025, 4, 30)
    march = [date(2025, 3, 20), date(2025, 3, 28)]
    # two in late March count towards a third on 2 April
    assert most_in_window([*march, date(2025, 4, 2)], start, end) == (3, date(2025, 4, 2))
    # but only within 30 days: 1 March is too long before 2 April
    assert most_in_window([date(2025, 3, 1), date(2025, 4, 2)], start, end) == (1, date(2025, 4, 2))
    # nothing in the month: nothing reached in it
    assert most_in_window(march, start, end) == (0, None)
    # the same day twice (morning and evening line-ups) counts twice
    day = date(2025, 4, 3)
    assert most_in_window([day, day, day - timedelta(days=1)], start, end) == (3, day)
