"""The shipped checklists: every file loads, every item is traceable to the source standards,
and the rules the standards make (by sex and by job role) hold."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from inspector import paths
from inspector.domain.checklist import (
    AppliesTo,
    Catalogue,
    ChecklistSet,
    InspectionType,
    ItemKind,
    Severity,
    applicable_items,
)
from inspector.domain.people import Employee, Sex
from inspector.files.checklists import load_catalogue, validate_dirs

SHIPPED = paths.shipped_checklists_dir()
SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEED_FILES = {
    "001_2d8fab767d16ad65.txt",
    "002_3c7146b17116601c.txt",
    "003_52ce344a651864b9.txt",
    "004_3c27204b7967efd1.txt",
}
SUPPORT_FILES = ("roles.toml", "areas.toml")
SET_FILES = sorted(p.name for p in SHIPPED.glob("*.toml") if p.name not in SUPPORT_FILES)

LINEUP_SETS = {
    "grooming-female",
    "grooming-male",
    "uniform",
    "hands",
    "shoes-socks",
    "posture-standing",
}

# Traditional forms found in seed 003 (and their like): the Chinese wording must be Simplified.
TRADITIONAL = set(
    "戶經禮儀規範與時間後為們這說請認識對應當務業電話紹職長輩輕齊見於會訪習離題談擬詳攜帶內產筆記聯"
)
PINYIN_ARTEFACT = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(include_user=False)


def the_set(catalogue: Catalogue, set_id: str) -> ChecklistSet:
    return next(s for s in catalogue.sets if s.id == set_id)


def employee(sex: Sex, role: str) -> Employee:
    return Employee(employee_no="E001", name="Test", sex=sex, department="Property", role=role)


# --- every shipped file -----------------------------------------------------------------------


def test_the_shipped_folder_is_the_checkout_checklists_folder() -> None:
    assert Path(__file__).resolve().parents[2] / "checklists" == SHIPPED
    assert len(SET_FILES) >= 10


def test_the_shipped_checklists_have_no_problems() -> None:
    problems = validate_dirs([], include_user=False)
    assert problems == [], "\n".join(str(p) for p in problems)


@pytest.mark.parametrize("name", SET_FILES)
def test_shipped_set_file(name: str, catalogue: Catalogue) -> None:
    path = SHIPPED / name
    assert path.read_text(encoding="utf-8").startswith("#"), "a comment says what the file is"
    checklist = next(s for s in catalogue.sets if s.origin == str(path))
    assert checklist.id == path.stem
    assert checklist.items
    for item in checklist.items:
        assert item.id.startswith(f"{checklist.id}."), item.id
        assert item.text.zh.strip() and item.text.en.strip(), item.id
        assert CJK.search(item.text.zh), f"{item.id}: zh text has no Chinese"
        assert not CJK.search(item.text.en), f"{item.id}: en text has Chinese"
        assert item.source.section.strip(), item.id
        assert item.source.file in SEED_FILES, item.id
        assert item.source.file != "004_3c27204b7967efd1.txt", "seed 004 gives no items"
        if SEEDS_DIR.is_dir():
            assert (SEEDS_DIR / item.source.file).is_file(), item.source.file
        assert not TRADITIONAL & set(item.text.zh + item.source.section), item.id
        assert not PINYIN_ARTEFACT.search(item.text.zh + item.source.section), item.id
        assert 1 <= item.weight <= 10
    assert not TRADITIONAL & set(checklist.title.zh)


def test_item_ids_are_unique_across_the_catalogue(catalogue: Catalogue) -> None:
    ids = [item.id for s in catalogue.sets for item in s.items]
    assert len(ids) == len(set(ids))


def test_item_counts_are_plausible(catalogue: Catalogue) -> None:
    total = sum(len(s.items) for s in catalogue.sets)
    assert 100 <= total <= 200
    lineup = sum(len(s.items) for s in catalogue.sets_for(InspectionType.LINEUP))
    assert 50 <= lineup <= 90


def test_every_item_is_one_thing(catalogue: Catalogue) -> None:
    """A rough guard against compound items: short wordings, no sentence lists."""
    for checklist in catalogue.sets:
        for item in checklist.items:
            assert "。" not in item.text.zh, item.id
            assert item.text.en.count(". ") == 0, item.id


# --- sections of the source standards ---------------------------------------------------------


def test_line_up_sets_are_exactly_the_grooming_uniform_hands_shoes_and_standing_sets(
    catalogue: Catalogue,
) -> None:
    assert {s.id for s in catalogue.sets_for(InspectionType.LINEUP)} == LINEUP_SETS


def test_observation_sets_cover_the_floor_behaviours(catalogue: Catalogue) -> None:
    observation = {s.id for s in catalogue.sets_for(InspectionType.OBSERVATION)}
    assert {"posture-sitting", "walking", "handshake", "business-card", "phone"} <= observation
    assert {"visiting", "introductions-and-cards"} <= observation
    assert not observation & LINEUP_SETS


def test_line_up_sets_come_in_area_order(catalogue: Catalogue) -> None:
    assert [s.id for s in catalogue.sets_for(InspectionType.LINEUP)] == [
        "grooming-female",
        "grooming-male",
        "uniform",
        "hands",
        "shoes-socks",
        "posture-standing",
    ]


@pytest.mark.parametrize(
    ("set_id", "source_file", "section_start"),
    [
        ("grooming-female", "001_2d8fab767d16ad65.txt", "一、女士仪容"),
        ("grooming-male", "001_2d8fab767d16ad65.txt", "二、男士仪容"),
        ("uniform", "001_2d8fab767d16ad65.txt", "三、女士仪表 / 四、男士仪表"),
        ("hands", "001_2d8fab767d16ad65.txt", "五、员工手部要求"),
        ("shoes-socks", "001_2d8fab767d16ad65.txt", "六、鞋袜要求"),
        ("posture-sitting", "001_2d8fab767d16ad65.txt", "七、站坐姿势"),
        ("walking", "001_2d8fab767d16ad65.txt", "八、行走指引"),
        ("handshake", "001_2d8fab767d16ad65.txt", "九、握手礼仪"),
        ("business-card", "001_2d8fab767d16ad65.txt", "十、名片礼仪"),
        ("phone", "002_3c7146b17116601c.txt", "三、在具体服务过程中的礼仪和技巧 · 电话沟通"),
        ("complaint-handling", "002_3c7146b17116601c.txt", "三、在具体服务过程中的礼仪和技巧"),
        ("visiting", "003_52ce344a651864b9.txt", "一、客户经理三访礼仪"),
        ("introductions-and-cards", "003_52ce344a651864b9.txt", "（二）客户经理社交礼仪"),
    ],
)
def test_sets_cite_their_section_of_the_standard(
    catalogue: Catalogue, set_id: str, source_file: str, section_start: str
) -> None:
    for item in the_set(catalogue, set_id).items:
        assert item.source.file == source_file, item.id
        assert item.source.section.startswith(section_start), item.id


def _headings(section: str) -> list[str]:
    """The headings a section cites, without item numbers and bracketed notes:
    "六、鞋袜要求 · 禁止事宜 · 鞋子 2（泳池救生员除外）" gives 六、鞋袜要求, 禁止事宜, 鞋子."""
    headings = []
    for part in section.split("；"):
        for segment in re.split(r" · | / ", part):
            previous = None
            while previous != segment:
                previous = segment
                segment = re.sub(r"(\s*\d[\d、]*|（[^）]*）)$", "", segment).strip()
            if segment:
                headings.append(segment.replace("（", "(").replace("）", ")"))
    return headings


@pytest.mark.parametrize("source_file", ["001_2d8fab767d16ad65.txt", "002_3c7146b17116601c.txt"])
def test_cited_headings_are_in_the_seed_text(catalogue: Catalogue, source_file: str) -> None:
    """Every heading an item cites appears in the source text (003 is in traditional characters
    and is covered by test_sets_cite_their_section_of_the_standard instead)."""
    if not SEEDS_DIR.is_dir():
        pytest.skip("the source standards are not beside this checkout")
    text = (SEEDS_DIR / source_file).read_text(encoding="utf-8")
    cited = 0
    for checklist in catalogue.sets:
        for item in checklist.items:
            if item.source.file != source_file:
                continue
            for heading in _headings(item.source.section):
                assert heading in text, f"{item.id}: {heading!r} is not in {source_file}"
                cited += 1
    assert cited


def test_kinds_follow_the_standard_headings(catalogue: Catalogue) -> None:
    """An item cited only from a 禁止 / 切忌 / 忌讳 / 不应该做的 list is a prohibition; one cited
    only from a 标准要求 / 应该做的 list is a requirement."""
    for checklist in catalogue.sets:
        for item in checklist.items:
            section = item.source.section
            banned = bool(re.search("禁止|切忌|忌讳|禁忌|不应该做的", section))
            required = "标准要求" in section or bool(re.search("(?<!不)应该做的", section))
            if banned and not required:
                assert item.kind is ItemKind.PROHIBITED, item.id
            if required and not banned:
                assert item.kind is ItemKind.REQUIRED, item.id


def test_the_mens_nail_rule_is_judged_with_the_hands(catalogue: Catalogue) -> None:
    assert not any("nail" in item.id for item in the_set(catalogue, "grooming-male").items)
    nails = catalogue.item("hands.nails-short")
    assert nails.applies_to is AppliesTo.EVERYONE
    assert "二、男士仪容 · 禁止事宜 3" in nails.source.section
    assert "2" in nails.text.zh and "2 mm" in nails.text.en


def test_severities(catalogue: Catalogue) -> None:
    critical = {
        item.id for s in catalogue.sets for item in s.items if item.severity is Severity.CRITICAL
    }
    assert critical == {"uniform.prescribed-uniform", "complaint-handling.aggressive-language"}
    for item_id in (
        "grooming-female.underwear-showing",
        "shoes-socks.trainers-slippers",
        "uniform.stained",
        "uniform.seasons-mixed",
    ):
        assert catalogue.item(item_id).severity is Severity.MAJOR, item_id
    assert catalogue.item("grooming-female.collar-flower").severity is Severity.MINOR
    for s in catalogue.sets:
        for item in s.items:
            if item.severity is Severity.MINOR:
                assert item.weight <= 3, item.id
            else:
                assert item.weight >= 4, item.id


def test_both_kinds_in_every_line_up_set(catalogue: Catalogue) -> None:
    for checklist in catalogue.sets_for(InspectionType.LINEUP):
        kinds = {item.kind for item in checklist.items}
        assert kinds == {ItemKind.REQUIRED, ItemKind.PROHIBITED}, checklist.id


# --- rules by sex and job role ----------------------------------------------------------------


LIFEGUARD_EXEMPT = {
    # The seed allows trainers and slippers for pool lifeguards; the leather-shoe rules that
    # follow from the same footwear go with it. Nothing outside shoes and socks depends on it.
    "shoes-socks.trainers-slippers",
    "shoes-socks.dark-leather-shoes",
    "shoes-socks.shoes-polished",
}


def test_the_lifeguard_is_exempt_from_the_footwear_rules_and_nothing_else(
    catalogue: Catalogue,
) -> None:
    shoes = the_set(catalogue, "shoes-socks")
    exempt = {item.id: item.exempt_roles for item in shoes.items if item.exempt_roles}
    assert exempt == {item_id: frozenset({"lifeguard"}) for item_id in LIFEGUARD_EXEMPT}
    everywhere = {
        item.id for s in catalogue.sets for item in s.items if "lifeguard" in item.exempt_roles
    }
    assert everywhere == LIFEGUARD_EXEMPT
    lifeguard = catalogue.role("lifeguard")
    assert lifeguard is not None and lifeguard.name.zh == "泳池救生员"


def test_sock_rules_depend_on_sex(catalogue: Catalogue) -> None:
    shoes = the_set(catalogue, "shoes-socks")
    assert catalogue.item("shoes-socks.socks-men").applies_to is AppliesTo.MALE
    for item_id in (
        "shoes-socks.stockings-women",
        "shoes-socks.lace-openwork-stockings",
        "shoes-socks.stocking-tops-showing",
    ):
        assert catalogue.item(item_id).applies_to is AppliesTo.FEMALE
    women = {i.id for _, i in applicable_items([shoes], employee(Sex.FEMALE, "receptionist"))}
    men = {i.id for _, i in applicable_items([shoes], employee(Sex.MALE, "receptionist"))}
    assert "shoes-socks.socks-men" in men and "shoes-socks.socks-men" not in women
    assert "shoes-socks.stockings-women" in women and "shoes-socks.stockings-women" not in men
    assert "shoes-socks.socks-damaged" in men & women


@pytest.mark.parametrize(
    ("sex", "role", "trainers_judged"),
    [
        (Sex.FEMALE, "lifeguard", False),
        (Sex.MALE, "lifeguard", False),
        (Sex.MALE, "security", True),
        (Sex.FEMALE, "security", True),
        (Sex.FEMALE, "receptionist", True),
    ],
)
def test_shoes_applicability_by_sex_and_role(
    catalogue: Catalogue, sex: Sex, role: str, trainers_judged: bool
) -> None:
    shoes = the_set(catalogue, "shoes-socks")
    judged = {i.id for _, i in applicable_items([shoes], employee(sex, role))}
    assert ("shoes-socks.trainers-slippers" in judged) is trainers_judged
    # Only the footwear rules depend on the role: the rest of the set is the same for a
    # lifeguard and anyone else of the same sex.
    other = {i.id for _, i in applicable_items([shoes], employee(sex, "cleaner"))}
    assert other - judged <= LIFEGUARD_EXEMPT
    assert judged <= other


def test_line_up_for_a_female_lifeguard_and_a_male_security_officer(catalogue: Catalogue) -> None:
    lineup = catalogue.sets_for(InspectionType.LINEUP)
    her = applicable_items(lineup, employee(Sex.FEMALE, "lifeguard"))
    him = applicable_items(lineup, employee(Sex.MALE, "security"))
    her_sets = {s.id for s, _ in her}
    him_sets = {s.id for s, _ in him}
    assert "grooming-female" in her_sets and "grooming-male" not in her_sets
    assert "grooming-male" in him_sets and "grooming-female" not in him_sets
    her_ids = {i.id for _, i in her}
    him_ids = {i.id for _, i in him}
    assert "shoes-socks.trainers-slippers" not in her_ids
    assert "shoes-socks.trainers-slippers" in him_ids
    assert "posture-standing.feet-women" in her_ids and "posture-standing.feet-men" in him_ids
    # Display order: the sets in area order, the items in file order.
    assert [s.id for s, _ in him] == sorted(
        (s.id for s, _ in him), key=[x.id for x in lineup].index
    )


def test_the_uniform_set_applies_to_everyone(catalogue: Catalogue) -> None:
    uniform = the_set(catalogue, "uniform")
    assert all(item.applies_to is AppliesTo.EVERYONE for item in uniform.items)
    assert all(not item.exempt_roles for item in uniform.items)
    for sex in Sex:
        for role in ("lifeguard", "security", "cleaner"):
            judged = applicable_items([uniform], employee(sex, role))
            assert len(judged) == len(uniform.items)


def test_grooming_sets_are_by_sex(catalogue: Catalogue) -> None:
    assert {i.applies_to for i in the_set(catalogue, "grooming-female").items} == {AppliesTo.FEMALE}
    assert {i.applies_to for i in the_set(catalogue, "grooming-male").items} == {AppliesTo.MALE}


# --- roles and areas --------------------------------------------------------------------------


def test_roles_are_property_management_posts(catalogue: Catalogue) -> None:
    ids = {r.id for r in catalogue.roles}
    assert {
        "lifeguard",
        "customer-service",
        "receptionist",
        "security",
        "cleaner",
        "engineer",
        "gardener",
        "manager",
        "supervisor",
        "administrator",
    } <= ids
    for role in catalogue.roles:
        assert CJK.search(role.name.zh) and role.name.en
    assert catalogue.find_role("泳池救生员").id == "lifeguard"
    assert catalogue.find_role("pool lifeguard").id == "lifeguard"
    names = [r.name.zh for r in catalogue.roles] + [r.name.en.casefold() for r in catalogue.roles]
    assert len(names) == len(set(names)), "a roster name must point at one role"


def test_areas_are_ordered_and_used(catalogue: Catalogue) -> None:
    orders = [a.order for a in catalogue.areas]
    assert len(orders) == len(set(orders))
    used = {s.area for s in catalogue.sets}
    assert used == {a.id for a in catalogue.areas}
