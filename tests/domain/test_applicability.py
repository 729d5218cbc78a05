"""Which items a supervisor judges for whom: by sex and by job role (the shipped standards)."""

from __future__ import annotations

import pytest

from inspector.domain.checklist import InspectionType, applicable_items
from inspector.domain.people import Employee, Sex

MAN = Employee("1", "张伟", Sex.MALE, "秩序维护部", "security")
WOMAN = Employee("2", "李娜", Sex.FEMALE, "客服部", "customer-service")
LIFEGUARD = Employee("3", "王强", Sex.MALE, "会所", "lifeguard")
FEMALE_LIFEGUARD = Employee("4", "赵敏", Sex.FEMALE, "会所", "lifeguard")


@pytest.fixture(scope="module")
def lineup_sets(catalogue):
    return catalogue.sets_for(InspectionType.LINEUP)


def ids(sets, employee: Employee) -> set[str]:
    return {item.id for _, item in applicable_items(sets, employee)}


def test_lineup_sets_cover_grooming_uniform_hands_shoes_and_standing(lineup_sets):
    assert {s.id for s in lineup_sets} >= {
        "grooming-female", "grooming-male", "uniform", "hands", "shoes-socks", "posture-standing",
    }  # fmt: skip
    assert all(s.inspection_type is InspectionType.LINEUP for s in lineup_sets)


def test_lifeguards_are_exempt_from_the_trainers_and_slippers_item(lineup_sets, catalogue):
    trainers = "shoes-socks.trainers-slippers"
    assert "lifeguard" in catalogue.item(trainers).exempt_roles
    assert trainers in ids(lineup_sets, MAN)
    assert trainers in ids(lineup_sets, WOMAN)
    assert trainers not in ids(lineup_sets, LIFEGUARD)
    assert trainers not in ids(lineup_sets, FEMALE_LIFEGUARD)


def test_lifeguards_are_judged_on_everything_but_footwear(lineup_sets):
    # Pool footwear: trainers/slippers allowed, so the leather-shoe rules do not apply either.
    assert ids(lineup_sets, MAN) - ids(lineup_sets, LIFEGUARD) == {
        "shoes-socks.trainers-slippers",
        "shoes-socks.dark-leather-shoes",
        "shoes-socks.shoes-polished",
    }


def test_sock_items_depend_on_sex(lineup_sets):
    men, women = ids(lineup_sets, MAN), ids(lineup_sets, WOMAN)
    assert "shoes-socks.socks-men" in men and "shoes-socks.socks-men" not in women
    assert "shoes-socks.stockings-women" in women and "shoes-socks.stockings-women" not in men
    assert "shoes-socks.shoes-clean" in men & women


def test_grooming_sets_follow_sex(lineup_sets):
    men, women = ids(lineup_sets, MAN), ids(lineup_sets, WOMAN)
    assert any(i.startswith("grooming-male.") for i in men)
    assert not any(i.startswith("grooming-female.") for i in men)
    assert any(i.startswith("grooming-female.") for i in women)
    assert not any(i.startswith("grooming-male.") for i in women)


def test_items_come_in_display_order(lineup_sets):
    pairs = applicable_items(lineup_sets, WOMAN)
    order = [s.id for s, _ in pairs]
    # each set's items are together, in the catalogue's set order
    assert order == sorted(order, key=[s.id for s in lineup_sets].index)


def test_find_role_by_id_chinese_or_english_name(catalogue):
    assert catalogue.find_role("lifeguard").id == "lifeguard"
    assert catalogue.find_role("泳池救生员").id == "lifeguard"
    assert catalogue.find_role("  pool LIFEGUARD ").id == "lifeguard"
    assert catalogue.find_role("厨师") is None
