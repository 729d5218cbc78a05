"""Which reasons a supervisor judges for whom: by sex, by job role and by what the role's
uniform has (the shipped standards); and how old item ids count under the new reasons."""

from __future__ import annotations

import json

import pytest

from inspector.domain.checklist import ChecklistSet, InspectionType, applicable_items
from inspector.domain.people import Employee, Sex

MAN = Employee("1", "张伟", Sex.MALE, "秩序维护部", "security")
WOMAN = Employee("2", "李娜", Sex.FEMALE, "客服部", "customer-service")
LIFEGUARD = Employee("3", "王强", Sex.MALE, "会所", "lifeguard")
FEMALE_LIFEGUARD = Employee("4", "赵敏", Sex.FEMALE, "会所", "lifeguard")
FEMALE_CLEANER = Employee("5", "陈芳", Sex.FEMALE, "环境部", "cleaner")
MALE_RECEPTIONIST = Employee("6", "刘洋", Sex.MALE, "客服部", "receptionist")

FOOTWEAR_AND_SOCKS = {
    "shoes.forbidden.trainers",
    "shoes.forbidden.slippers",
    "shoes.forbidden.open-toe",
    "shoes.shoes.not-dark-leather",
    "shoes.shoes.not-polished",
    "socks.socks.wrong-socks",
    "socks.socks.torn",
}


@pytest.fixture(scope="module")
def lineup_sets(catalogue):
    return catalogue.sets_for(InspectionType.LINEUP)


def ids(sets, employee: Employee) -> set[str]:
    return {item.id for _, item in applicable_items(sets, employee)}


def test_lineup_sets_are_the_body_areas_head_to_toe(lineup_sets):
    assert [s.area for s in lineup_sets] == [
        "overall", "hair", "face", "upper-body", "accessories", "hands", "lower-body", "socks",
        "shoes",
    ]  # fmt: skip
    assert all(s.inspection_type is InspectionType.LINEUP for s in lineup_sets)
    assert all(s.version == 2 for s in lineup_sets)


def test_lifeguards_are_exempt_from_the_trainers_and_slippers_reasons(lineup_sets, catalogue):
    trainers = catalogue.item("shoes.forbidden.trainers")
    assert trainers.exempt_when == {"pool-footwear"}
    assert "泳池救生员除外" in trainers.exempt_source
    assert trainers.id in ids(lineup_sets, MAN)
    assert trainers.id in ids(lineup_sets, WOMAN)
    assert trainers.id not in ids(lineup_sets, LIFEGUARD)
    assert trainers.id not in ids(lineup_sets, FEMALE_LIFEGUARD)


def test_pool_footwear_makes_the_footwear_and_sock_rules_meaningless(lineup_sets):
    lifeguard = ids(lineup_sets, LIFEGUARD)
    assert not lifeguard & FOOTWEAR_AND_SOCKS
    # pool footwear must still be clean and intact
    assert {"shoes.shoes.dusty", "shoes.shoes.damaged"} <= lifeguard
    # and a lifeguard has no tie, shirt, jacket or trousers to be judged on
    assert not any(i.startswith(("upper-body.neckwear.", "lower-body.")) for i in lifeguard)


def test_sock_reasons_depend_on_sex_and_skirt(lineup_sets):
    men, women = ids(lineup_sets, MAN), ids(lineup_sets, WOMAN)
    cleaner = ids(lineup_sets, FEMALE_CLEANER)
    assert "socks.socks.wrong-socks" in men and "socks.socks.wrong-socks" not in women
    assert "socks.socks.no-stockings" in women and "socks.socks.no-stockings" not in men
    assert "socks.socks.no-stockings" not in cleaner  # she wears trousers
    assert "shoes.shoes.dusty" in men & women & cleaner


def test_uniform_reasons_follow_the_role(lineup_sets):
    cleaner, woman = ids(lineup_sets, FEMALE_CLEANER), ids(lineup_sets, WOMAN)
    receptionist = ids(lineup_sets, MALE_RECEPTIONIST)
    for reason in (
        "upper-body.neckwear.neck-bow",
        "face.make-up.none",
        "lower-body.lower.blouse-untucked",
        "upper-body.top.jacket-open",
    ):
        assert reason in woman and reason not in cleaner, reason
    assert "face.make-up.heavy" in cleaner  # heavy make-up is a fault for every woman
    assert "upper-body.neckwear.tie-crooked" in receptionist
    assert "upper-body.neckwear.tie-crooked" in ids(lineup_sets, MAN)  # security wear a tie
    assert "upper-body.top.jacket-open" not in ids(lineup_sets, MAN)  # but no suit jacket


def test_grooming_reasons_follow_sex(lineup_sets):
    men, women = ids(lineup_sets, MAN), ids(lineup_sets, WOMAN)
    assert "face.shave.not-shaved" in men and "face.shave.not-shaved" not in women
    assert "hair.hair.front" in men and "hair.hair.front" not in women
    assert "hair.hair.greasy" in women and "hair.hair.greasy" not in men


def test_items_come_in_display_order(lineup_sets):
    pairs = applicable_items(lineup_sets, WOMAN)
    order = [s.id for s, _ in pairs]
    # each set's items are together, in the catalogue's set order
    assert order == sorted(order, key=[s.id for s in lineup_sets].index)
    # and within a set, point by point
    for checklist in lineup_sets:
        points = [item.point for item in checklist.items]
        assert points == sorted(points, key=[p.id for p in checklist.points].index)


def test_a_recorded_set_decides_applicability_as_on_the_day(lineup_sets):
    """The store keeps a set as JSON: the uniforms travel with it."""
    for checklist in lineup_sets:
        kept = ChecklistSet.from_dict(json.loads(json.dumps(checklist.to_dict())))
        assert kept.content_hash() == checklist.content_hash()
        for person in (MAN, WOMAN, LIFEGUARD, FEMALE_CLEANER):
            assert kept.applicable(person) == checklist.applicable(person)
            assert [p.id for p in kept.points] == [p.id for p in checklist.points]


def test_an_undescribed_role_gets_only_the_reasons_every_uniform_has(lineup_sets):
    electrician = Employee("7", "周杰", Sex.MALE, "工程部", "electrician")
    got = ids(lineup_sets, electrician)
    assert "hands.nails.too-long" in got and "shoes.forbidden.trainers" in got
    assert "upper-body.neckwear.tie-crooked" not in got


def test_find_role_by_id_chinese_or_english_name(catalogue):
    assert catalogue.find_role("lifeguard").id == "lifeguard"
    assert catalogue.find_role("泳池救生员").id == "lifeguard"
    assert catalogue.find_role("  pool LIFEGUARD ").id == "lifeguard"
    assert catalogue.find_role("保安员").id == "security"
    assert catalogue.find_role("秩序维护员").id == "security"  # the title rosters used so far
    assert catalogue.find_role("厨师") is None


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("grooming-male.shaved", "face.shave.not-shaved"),
        ("grooming-male.beard-untidy", "face.shave.not-shaved"),  # one fault, one reason
        ("uniform.clean", "upper-body.clean.stained"),
        ("uniform.stained", "upper-body.clean.stained"),
        ("shoes-socks.shoes-clean", "shoes.shoes.dusty"),
        ("hands.nail-polish", "hands.nails.polish"),
        ("shoes-socks.trainers-slippers", "shoes.forbidden.trainers"),
        ("grooming-female.make-up-in-public", "service-language.make-up-in-public"),
        ("shoes-socks.metal-heel-plates", "walking.metal-heel-taps"),
        # in force: itself; unknown: itself
        ("hands.nails.polish", "hands.nails.polish"),
        ("phone.speakerphone", "phone.speakerphone"),
        ("no-such.item", "no-such.item"),
    ],
)
def test_canonical_reason_counts_an_old_item_under_the_new_reason(catalogue, old, new):
    assert catalogue.canonical_reason(old) == new


def test_every_version_1_line_up_item_has_a_reason(catalogue):
    """The 72 items of the version 1 line-up each count under a reason in force."""
    replaced = {old for s in catalogue.sets for item in s.items for old in item.replaces}
    version_1_sets = (
        "grooming-female.", "grooming-male.", "uniform.", "hands.", "shoes-socks.",
        "posture-standing.",
    )  # fmt: skip
    old = {i for i in replaced if i.startswith(version_1_sets)}
    assert len(old) == 72
    for old_id in old:
        assert catalogue.canonical_reason(old_id) in {
            item.id for s in catalogue.sets for item in s.items
        }
