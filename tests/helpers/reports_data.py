"""The report tests' data and helpers: a small, realistic history recorded through the Store
as the app does, and readers of the PDFs (fixtures are in conftest.py).

Six employees in three departments; March 2025 (three morning line-ups) and April 2025 (four
morning line-ups and one evening line-up on 3 April). Known events:

- 赵强 (E004) fails "shaved" on 1, 2, 3 (morning and evening) April: a repeat offender (4 times);
  he also fails "uniform pressed" on the evening of 3 April;
- 陈静 (E005) has a critical fault (no prescribed uniform) on 3 April;
- 张伟 (E001) fails the badge on 2 April with a note that looks like a spreadsheet formula;
- 王芳 (E003) is on leave on 5 March, absent on 2 April, fails "uniform pressed" on 4 April;
- 刘洋 (E006) is on leave on 4 April; 李娜 (E002) is late on 3 April and has an N/A mark.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from pypdf import PdfReader

from helpers.factories import make_item
from inspector.domain.checklist import (
    AppliesTo,
    ChecklistSet,
    InspectionType,
    Severity,
)
from inspector.domain.lineup import Attendance, Result
from inspector.domain.people import Employee, Sex
from inspector.domain.text import Text
from inspector.storage import Store

COMPANY = "翠湖物业服务有限公司"
COMPANY_EN = "Cuihu Property Services Co., Ltd."
MARCH = date(2025, 3, 1)
APRIL = date(2025, 4, 1)
FORMULA_NOTE = '=HYPERLINK("http://x.example") <b>&'


def _item(item_id, zh, en, applies, severity, weight, exempt=()):
    return make_item(
        item_id, Text(zh, en), applies_to=applies, severity=severity, weight=weight,
        exempt_roles=exempt,
    )  # fmt: skip


GROOMING = ChecklistSet(
    id="grooming",
    version=2,
    inspection_type=InspectionType.LINEUP,
    area="grooming",
    title=Text("仪容", "Grooming"),
    items=(
        _item("g.hair-clean", "头发梳洗干净", "Hair washed and combed", AppliesTo.EVERYONE, Severity.MINOR, 2),
        _item("g.shaved", "当日已剃刮胡须", "Shaved today", AppliesTo.MALE, Severity.MINOR, 3),
        _item("g.make-up", "上班化淡妆", "Light make-up on duty", AppliesTo.FEMALE, Severity.MINOR, 1),
    ),
)  # fmt: skip
UNIFORM = ChecklistSet(
    id="uniform",
    version=1,
    inspection_type=InspectionType.LINEUP,
    area="uniform",
    title=Text("制服仪表", "Uniform"),
    items=(
        _item("u.badge", "佩戴工牌，端正于左胸", "Name badge worn straight on the left chest", AppliesTo.EVERYONE, Severity.MAJOR, 4),
        _item("u.prescribed", "按规定穿着工服", "Prescribed uniform worn", AppliesTo.EVERYONE, Severity.CRITICAL, 10),
        _item("u.pressed", "制服平整，无褶皱", "Uniform smooth and pressed", AppliesTo.EVERYONE, Severity.MINOR, 2, ("lifeguard",)),
    ),
)  # fmt: skip
SETS = (GROOMING, UNIFORM)

EMPLOYEES = (
    Employee("E001", "张伟", Sex.MALE, "客服部", "receptionist", "翠湖花园"),
    Employee("E002", "李娜", Sex.FEMALE, "客服部", "customer-service", "翠湖花园"),
    Employee("E003", "王芳", Sex.FEMALE, "工程部", "engineer", "翠湖花园"),
    Employee("E004", "赵强", Sex.MALE, "工程部", "engineer", "翠湖花园"),
    Employee("E005", "陈静", Sex.FEMALE, "秩序维护部", "security", "翠湖花园"),
    Employee("E006", "刘洋", Sex.MALE, "秩序维护部", "security", "翠湖花园"),
)

# (day, shift, people, {employee no: [operations]}); an operation is ("fail", item, note),
# ("na", item, note), ("absent",), ("leave",) or ("late",).
PLAN = (
    (date(2025, 3, 3), "早班", "all", {}),
    (date(2025, 3, 4), "早班", "all", {
        "E001": [("fail", "g.hair-clean", "")],
        "E002": [("fail", "g.make-up", "未化妆")],
    }),
    (date(2025, 3, 5), "早班", "all", {"E003": [("leave",)]}),
    (date(2025, 4, 1), "早班", "all", {
        "E004": [("fail", "g.shaved", "胡子未刮")],
        "E002": [("na", "g.make-up", "皮肤过敏")],
    }),
    (date(2025, 4, 2), "早班", "all", {
        "E004": [("fail", "g.shaved", "胡子未刮")],
        "E001": [("fail", "u.badge", FORMULA_NOTE)],
        "E003": [("absent",)],
    }),
    (date(2025, 4, 3), "早班", "all", {
        "E004": [("fail", "g.shaved", "")],
        "E005": [("fail", "u.prescribed", "穿便装上岗")],
        "E002": [("late",)],
    }),
    (date(2025, 4, 3), "晚班", ("E004",), {
        "E004": [("fail", "g.shaved", "胡茬明显"), ("fail", "u.pressed", "制服有褶皱")],
    }),
    (date(2025, 4, 4), "早班", "all", {
        "E006": [("leave",)],
        "E003": [("fail", "u.pressed", "")],
    }),
)  # fmt: skip


def seed(store: Store) -> dict[tuple[date, str], int]:
    """Record the plan; returns (day, shift) -> line-up id."""
    store.set_setting("company_name", COMPANY)
    store.set_setting("company_name_en", COMPANY_EN)
    store.upsert_employees(EMPLOYEES)
    by_no = {e.employee_no: e for e in store.list_employees()}
    ids = {}
    for day, shift, who, ops in PLAN:
        people = (
            [by_no[e.employee_no] for e in EMPLOYEES] if who == "all" else [by_no[n] for n in who]
        )
        hour = 8 if shift == "早班" else 18
        lineup = store.start_lineup(
            day=day,
            shift=shift,
            site="翠湖花园",
            department="",
            supervisor="周主管",
            sets=SETS,
            employees=people,
            started_at=datetime.combine(day, time(hour, 0)),
        )
        for inspection in store.inspections_for(lineup.id):
            employee_no = next(p.employee_no for p in people if p.id == inspection.employee_id)
            done = False
            for op in ops.get(employee_no, []):
                if op[0] == "fail":
                    store.set_mark(inspection.id, op[1], Result.FAIL, note=op[2] or None)
                elif op[0] == "na":
                    store.set_mark(inspection.id, op[1], Result.NOT_APPLICABLE, note=op[2] or None)
                elif op[0] in ("absent", "leave"):
                    store.set_attendance(inspection.id, Attendance(op[0]))
                    done = True
                elif op[0] == "late":
                    store.set_attendance(inspection.id, Attendance.LATE)
            if not done:
                store.complete_inspection(inspection.id)
        store.finish_lineup(lineup.id, finished_at=datetime.combine(day, time(hour, 20)))
        ids[(day, shift)] = lineup.id
    return ids


# -- reading PDFs -------------------------------------------------------------------------------


def squash(text: str) -> str:
    """``text`` without whitespace: wrapped cells break lines anywhere."""
    return "".join(text.split())


def pdf_text(path: Path) -> str:
    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def pdf_fonts(path: Path) -> list[dict]:
    """Every font used on every page: base name and whether a TrueType file is embedded."""
    fonts = []
    for page in PdfReader(str(path)).pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts.append(
                {
                    "name": str(font.get("/BaseFont")),
                    "subtype": str(font.get("/Subtype")),
                    "embedded_truetype": "/FontFile2" in descriptor,
                }
            )
        # Drawings (charts) are drawn inline on the page, so their fonts are listed above too.
    return fonts


def assert_clean_cjk_pdf(path: Path) -> str:
    """The CJK font is embedded and is the only font; the text extracts without NULs,
    replacement characters or characters the font cannot draw. Returns the text."""
    from inspector.reports.fonts import missing_glyphs

    fonts = pdf_fonts(path)
    assert fonts, "no fonts on the pages"
    for font in fonts:
        assert "WenQuanYiMicroHei" in font["name"], font
        assert font["subtype"] == "/TrueType", font
        assert font["embedded_truetype"], font
    text = pdf_text(path)
    assert "\x00" not in text
    assert "\ufffd" not in text
    assert not missing_glyphs(text), sorted(missing_glyphs(text))
    return text
