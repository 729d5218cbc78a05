"""Report labels in Chinese and English.

``lang`` is "zh", "en" or "both"; "both" gives bilingual labels "中文 / English" in one
document (``Text.get``). Labels live here, not in the Qt translations: reports are built
without Qt.
"""

from __future__ import annotations

from datetime import date, datetime

from inspector.domain.lineup import Attendance, PersonStatus
from inspector.domain.text import Text

REPORT_LANGUAGES = ("zh", "en", "both")

LABELS: dict[str, Text] = {
    # titles
    "lineup_title": Text("晨会仪容仪表检查表", "Line-up inspection sheet"),
    "employee_title": Text("员工仪容仪表检查记录", "Employee inspection record"),
    "monthly_title": Text("月度仪容仪表检查报告", "Monthly inspection pack"),
    # page furniture
    "generated": Text("生成时间", "Generated"),
    "whole_company": Text("全公司", "Whole company"),
    "department": Text("部门", "Department"),
    "whole_site": Text("全体", "Whole site"),
    # line-up sheet
    "site": Text("项目", "Site"),
    "shift": Text("班次", "Shift"),
    "date": Text("日期", "Date"),
    "supervisor": Text("检查人", "Supervisor"),
    "started": Text("开始", "Started"),
    "finished": Text("结束", "Finished"),
    "not_finished": Text("未结束", "Not finished"),
    "standards": Text("检查标准", "Standards"),
    "seal": Text("封存校验码", "Seal"),
    "not_sealed": Text("未封存（检查未结束）", "Not sealed (line-up not finished)"),
    "month_seal": Text(
        "本月记录封存校验码：{seal}（已封存班前检查 {sealed} 次，可用 inspector verify 核验）",
        "Seal of the month's records: {seal} ({sealed} line-ups sealed; check with inspector verify)",
    ),
    "counts": Text("统计", "Counts"),
    "people": Text("应到人数", "People"),
    "inspected": Text("已检查", "Inspected"),
    "all_pass": Text("全部合格", "All passed"),
    "with_faults": Text("有问题", "With faults"),
    "not_inspected": Text("未检查", "Not inspected"),
    "people_and_faults": Text("人员及问题", "People and faults"),
    "no": Text("序号", "No."),
    "employee_no": Text("工号", "Employee no."),
    "name": Text("姓名", "Name"),
    "status": Text("状态", "Status"),
    "passed_of": Text("合格/适用", "Passed / applicable"),
    "faults_and_notes": Text("问题及备注", "Faults and notes"),
    "absentees": Text("缺勤及请假", "Absent and on leave"),
    "none": Text("无", "None"),
    "signatures": Text("签字", "Signatures"),
    "supervisor_signature": Text("检查人签字", "Supervisor's signature"),
    "manager_signature": Text("经理签字", "Manager's signature"),
    "signature_date": Text("日期", "Date"),
    "note": Text("备注", "Note"),
    # employee record
    "role": Text("岗位", "Role"),
    "period": Text("期间", "Period"),
    "summary": Text("汇总", "Summary"),
    "lineups": Text("晨会场次", "Line-ups"),
    "by_month": Text("各月合格率", "Pass rate by month"),
    "month": Text("月份", "Month"),
    "faults_by_item": Text("问题项及重复次数", "Faults by item, with repeats"),
    "times": Text("次数", "Times"),
    "last_date": Text("最近日期", "Last date"),
    "repeated": Text("重复", "Repeated"),
    "absences": Text("缺勤及请假记录", "Absences and leave"),
    "every_inspection": Text("逐次检查记录", "Every inspection"),
    "no_faults": Text("无问题", "No faults"),
    "no_inspections": Text("本期间没有检查记录", "No inspections in this period"),
    # monthly pack
    "key_figures": Text("关键指标", "Key figures"),
    "roster": Text("在册员工", "Staff on the roster"),
    "staff": Text("参加晨会人数", "Staff in line-ups"),
    "inspections": Text("检查人次", "Inspections"),
    "absent_days": Text("缺勤人次", "Absences"),
    "leave_days": Text("请假人次", "Days on leave"),
    "late_days": Text("迟到人次", "Late arrivals"),
    "items_checked": Text("检查项次", "Items checked"),
    "items_passed": Text("合格项次", "Items passed"),
    "faults": Text("问题项", "Faults"),
    "critical": Text("严重问题", "Critical faults"),
    "fault_points": Text("问题权重分", "Fault weight"),
    "compliance": Text("项目合格率（明细）", "Item ratio (detail)"),
    "pass_rate": Text("合格率", "Pass rate"),
    "previous_month": Text("上月", "Previous month"),
    "change": Text("变化（百分点）", "Change (points)"),
    "score": Text("得分", "Score"),
    "deducted": Text("扣分", "Points off"),
    "score_change": Text("得分变化", "Score change"),
    "rank": Text("名次", "Rank"),
    "places": Text("名次变化", "Places"),
    "clean": Text("合格人次", "Passed"),
    "with_faults_people": Text("有问题人次", "With faults"),
    "pass_rate_rule": Text(
        "合格率 = 无任何问题的检查人次 ÷ 实检人次（出勤或迟到且已完成检查）；缺勤、请假不计入。"
        "项目合格率（合格项 ÷ 适用项）仅作明细。",
        "Pass rate = people inspected with no fault ÷ people inspected (present or late, "
        "inspection completed); absence and leave are left out. The item ratio (items passed "
        "÷ items applicable) is a detail only.",
    ),
    "score_rule": Text(
        "扣分制：每个问题按程度扣分（一般 {minor}、较重 {major}、严重 {critical} 分，检查项可另定）"
        "{zeroes}；个人月得分 = 100 − 本月扣分，扣完为止（最低 0 分）；部门、项目、全公司得分为其"
        "受检人员得分的平均值。",
        "Deduction scoring: each fault takes points off by severity (minor {minor}, major "
        "{major}, critical {critical}; an item may set its own){zeroes}; a person's monthly "
        "score = 100 − the month's deductions, never below 0; a department's, site's and the "
        "company's score is the mean of its inspected people's scores.",
    ),
    "zeroes": Text("，严重问题使该次检查扣满 100 分", "; a critical fault takes all 100 points"),
    "gm_summary": Text("本月概要", "The month at a glance"),
    "headline_pass_rate": Text("本月合格率", "Pass rate this month"),
    "headline_score": Text("本月平均得分", "Average score this month"),
    "versus_previous": Text(
        "上月 {value}，变化 {change}", "previous month {value}, change {change}"
    ),
    "ranking": Text("排名", "Ranking"),
    "follow_up": Text("需跟进", "Needs follow-up"),
    "follow_up_none": Text("本月无需跟进的人员", "Nobody needs follow-up this month"),
    "critical_people": Text("有严重问题的员工", "Employees with a critical fault"),
    "flagged_supervisors": Text("需校准的检查人", "Supervisors to calibrate"),
    "sites": Text("各项目排名", "Sites ranked"),
    "departments_ranked": Text("各部门排名", "Departments ranked"),
    "supervisors": Text("检查人", "Supervisors"),
    "supervisor_lineups": Text("主持晨会", "Line-ups held"),
    "people_inspected": Text("检查人次", "People inspected"),
    "per_100": Text("每百人次问题数", "Faults per 100 people"),
    "scope_rate": Text("整体", "Overall"),
    "amendments": Text("修改次数", "Changes"),
    "th_staff": Text("人数", "Staff"),
    "th_inspections": Text("检查人次", "Inspected"),
    "th_previous": Text("上月", "Prev."),
    "th_change": Text("变化", "Change"),
    "th_critical": Text("严重", "Crit."),
    "th_deducted": Text("扣分", "Off"),
    "calibration": Text("需校准", "Calibrate"),
    "calibration_rule": Text(
        "校准标记：检查人本月检查至少 {min} 人次，且每百人次发现的问题数低于整体（{rate}）的 "
        "{ratio}%。这提示其标准可能偏松，需要复核，而非对其的评价。",
        "Calibration flag: a supervisor who inspected at least {min} people this month and "
        "found fewer than {ratio}% of the overall faults per 100 people ({rate}). It suggests "
        "their standard may be lenient and should be checked; it is not a judgement.",
    ),
    "monthly_trend": Text("近 12 个月趋势", "The last 12 months"),
    "monthly_trend_caption": Text(
        "横轴为月份，纵轴为{what}；粗线为{scope}，细线为各部门。",
        "Month across, {what} up; the thick line is {scope}, the thin lines the departments.",
    ),
    "ladder": Text("屡犯阶梯", "Repeat-offences ladder"),
    "ladder_rule": Text(
        "同一员工同一问题在 30 天内出现的次数达到：{steps}。本系统只列出名单，不作处罚。",
        "The same employee with the same fault within 30 days: {steps}. Inspector lists; it "
        "applies no penalty.",
    ),
    "step": Text("阶梯", "Step"),
    "reached_on": Text("达到日期", "Reached on"),
    "no_ladder": Text("本月无人达到屡犯阶梯", "Nobody reached a step this month"),
    "follow_up_section": Text("整改与复查", "Fixes and re-checks"),
    "fixed_on_spot": Text("当场整改", "Fixed on the spot"),
    "rechecked_in_time": Text("按时复查", "Re-checked in time"),
    "still_open": Text("仍未整改", "Still open"),
    "rechecked_late": Text("逾期复查", "Re-checked late"),
    "follow_up_rule": Text(
        "每个问题项只计一次：当场整改；按时复查（晨会当天结束前复查合格）；逾期复查（之后复查合格）；"
        "仍未整改（未复查或复查不合格）。括号内为占本月问题项的比例。",
        "Each fault counts once: fixed on the spot; re-checked in time (re-checked as fixed by "
        "the end of the line-up's day); re-checked late (fixed on a later day); still open (not "
        "re-checked, or re-checked as not fixed). In brackets: the share of the month's faults.",
    ),
    "total": Text("合计", "Total"),
    "top_faults_short": Text("最常见的问题（前 5）", "Most frequent faults (top 5)"),
    "repeat_offenders_count": Text("屡犯人次", "Repeat offences"),
    "compliance_rule": Text(
        "合格率 = 合格项 ÷ 适用项（标为不适用的项目不计）；缺勤和请假单独统计，不计为不合格；"
        "严重问题使该次检查不合格。",
        "Compliance = items passed ÷ items applicable (items marked N/A are left out); "
        "absence and leave are counted apart, never as failures; a critical fault fails "
        "the inspection.",
    ),
    "by_department": Text("各部门情况", "By department"),
    "top_faults": Text("最常见的问题", "Most frequent faults"),
    "item": Text("检查项目", "Item"),
    "severity": Text("程度", "Severity"),
    "employees_with": Text("涉及人数", "People"),
    "daily_trend": Text("每日合格率", "Pass rate by day"),
    "trend_caption": Text(
        "横轴为日期（日），纵轴为当日合格率；虚线为本月合格率 {value}。",
        "Day of the month across, that day's pass rate up; the dashed line is the month's "
        "pass rate, {value}.",
    ),
    "repeat_offenders": Text("屡犯人员", "Repeat offenders"),
    "repeat_rule": Text(
        "同一项目本月不合格 {n} 次及以上", "The same item failed {n} times or more in the month"
    ),
    "no_repeat_offenders": Text("本月无屡犯人员", "No repeat offenders this month"),
    "employees": Text("员工明细（需关注者在前）", "Employees (those needing attention first)"),
    "employees_order": Text(
        "排序：严重问题从多到少，合格率从低到高，问题项从多到少。",
        "Order: critical faults, most first, then lowest pass rate, then most faults.",
    ),
    "employees_order_score": Text(
        "排序：得分从低到高，严重问题从多到少。",
        "Order: lowest score first, then critical faults, most first.",
    ),
    "days_inspected": Text("检查天数", "Days inspected"),
    "absent_short": Text("缺勤", "Absent"),
    "leave_short": Text("请假", "Leave"),
    "critical_short": Text("严重", "Critical"),
    "points_short": Text("扣分", "Points"),
    "versions": Text("本月依据的检查标准版本", "Standards the month was judged against"),
    "set_id": Text("标准编号", "Set"),
    "title": Text("名称", "Title"),
    "version": Text("版本", "Version"),
    "hash": Text("内容指纹", "Content hash"),
    "no_faults_month": Text("本月未发现问题", "No faults this month"),
    "no_data": Text("无数据", "No data"),
    # progress messages (shown by the reports screen while a pack is built)
    "progress_reading": Text("正在读取数据…", "Reading the figures…"),
    "progress_layout": Text("正在排版…", "Laying out…"),
    "progress_page": Text("正在排版第 {n} 页…", "Laying out page {n}…"),
    "progress_done": Text("完成", "Done"),
}

STATUS: dict[PersonStatus, Text] = {
    PersonStatus.TODO: Text("未检查", "Not inspected"),
    PersonStatus.ALL_PASS: Text("合格", "All passed"),
    PersonStatus.FAULTS: Text("有问题", "Faults"),
    PersonStatus.ABSENT: Text("缺勤", "Absent"),
    PersonStatus.LEAVE: Text("请假", "On leave"),
}
CRITICAL_STATUS = Text("不合格（严重）", "Failed (critical)")
LATE = Text("迟到", "late")
ATTENDANCE: dict[Attendance, Text] = {
    Attendance.PRESENT: Text("出勤", "Present"),
    Attendance.ABSENT: Text("缺勤", "Absent"),
    Attendance.LEAVE: Text("请假", "On leave"),
    Attendance.LATE: Text("迟到", "Late"),
}
SEVERITY: dict[str, Text] = {
    "minor": Text("一般", "Minor"),
    "major": Text("较重", "Major"),
    "critical": Text("严重", "Critical"),
}

_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def check_lang(lang: str) -> str:
    if lang not in REPORT_LANGUAGES:
        raise ValueError(f"report language must be one of {', '.join(REPORT_LANGUAGES)}: {lang!r}")
    return lang


def label(key: str, lang: str) -> str:
    return LABELS[key].get(lang)


def text(value: Text, lang: str) -> str:
    return value.get(lang)


def status_label(
    status: PersonStatus, lang: str, *, critical: bool = False, late: bool = False
) -> str:
    words = CRITICAL_STATUS if critical and status is PersonStatus.FAULTS else STATUS[status]
    if late and status in (PersonStatus.ALL_PASS, PersonStatus.FAULTS, PersonStatus.TODO):
        words = Text(f"{words.zh}（{LATE.zh}）", f"{words.en} ({LATE.en})")
    return words.get(lang)


def severity_label(severity: str, lang: str) -> str:
    known = SEVERITY.get(severity)
    return known.get(lang) if known else severity


def month_label(month: date, lang: str) -> str:
    words = Text(f"{month.year}年{month.month}月", f"{_MONTHS_EN[month.month - 1]} {month.year}")
    return words.get(lang)


def date_label(day: date) -> str:
    return day.isoformat()


def time_label(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def page_label(page: int, pages: int, lang: str) -> str:
    words = Text(f"第 {page} 页，共 {pages} 页", f"Page {page} of {pages}")
    return words.get(lang)


def count_label(value: int) -> str:
    return f"{value:,}"
