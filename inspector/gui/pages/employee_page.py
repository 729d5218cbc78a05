"""The employee screen: one person's inspections, repeated faults and monthly compliance."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QEvent,
    QItemSelection,
    QModelIndex,
    QObject,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.people import Employee
from inspector.domain.reports import EmployeeRecordData
from inspector.domain.scoring import format_percent
from inspector.gui.context import AppContext
from inspector.gui.errors import show_error
from inspector.gui.i18n import Retranslating
from inspector.gui.i18n import current_language as ui_language
from inspector.gui.models.history_model import (
    FaultCountModel,
    HistoryModel,
    MonthlyComplianceModel,
    RecordChangesModel,
)
from inspector.gui.models.roster_model import RosterModel, RosterWords, role_name
from inspector.gui.pages.reports_page import default_output_dir
from inspector.gui.widgets.build import (
    column,
    heading,
    line_edit,
    named_button,
    table_view,
    text_label,
)
from inspector.gui.widgets.touch import TOUCH_HEIGHT as MIN_TOUCH
from inspector.services.employee_record import employee_record, role_names
from inspector.services.report_jobs import EMPLOYEE_RECORD, ReportRequest, report_language
from inspector.storage.errors import NotFoundError, StorageError

PERIODS = (1, 3, 6, 12)  # months offered by the period selector
DEFAULT_MONTHS = 3


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (clamped to the month's last day)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


class EmployeePage(Retranslating, QWidget):
    """Pick an employee on the left; their record on the right, for a chosen period."""

    record_shown = Signal(int)  # employee id
    pdf_finished = Signal(str)  # the path of the employee record PDF
    pdf_failed = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("employeePage")
        self.context = context
        self.employee: Employee | None = None
        self.output_dir: Path | None = None  # None: the reports' output folder
        self.today = date.today  # replaceable for tests and demos
        self.record: EmployeeRecordData | None = None
        self._building = False  # an employee record PDF is under way
        self._words = RosterWords(self)

        # -- the picker ---------------------------------------------------------------------
        self.search_edit = line_edit("employeeSearch", height=MIN_TOUCH)
        self.search_edit.setClearButtonEnabled(True)
        self.people_model = RosterModel(context.catalogue, self)
        context.events.catalogue_changed.connect(
            lambda: self.people_model.set_catalogue(context.catalogue)
        )
        self.people_view = table_view(self.people_model, "employeePicker")
        self.people_view.verticalHeader().setDefaultSectionSize(MIN_TOUCH)
        for shown in range(self.people_model.columnCount()):
            if RosterModel.COLUMNS[shown] not in ("employee_no", "name", "department"):
                self.people_view.hideColumn(shown)
        picker_header = self.people_view.horizontalHeader()
        picker_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        picker_header.setStretchLastSection(True)
        self.people_view.selectionModel().selectionChanged.connect(self._on_pick)
        self.people_view.activated.connect(self._on_activated)
        picker = QWidget()
        column(picker, self.search_edit, (self.people_view, 1)).setContentsMargins(0, 0, 0, 0)

        # -- the header ---------------------------------------------------------------------
        self.name_label = heading("employeeName", scale=1.6)
        self.details_label = text_label("employeeDetails", wrap=True)
        self.summary_label = text_label("employeeSummary", wrap=True)
        # The headline: 合格率, inspections with no fault ÷ inspections.
        self.pass_rate_label = heading("employeePassRate", scale=1.36)

        self.period_label = QLabel()
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("employeePeriod")
        self.period_combo.setMinimumHeight(MIN_TOUCH)
        self.from_edit = self._date_edit("employeeFrom")
        self.to_edit = self._date_edit("employeeTo")
        self.dash_label = QLabel("–")
        self.pdf_button = named_button("employeePdf", self.build_pdf, height=MIN_TOUCH)
        self.progress = QProgressBar()
        self.progress.setObjectName("employeePdfProgress")
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.pdf_label = text_label("employeePdfPath")
        self.pdf_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        period = QHBoxLayout()
        period.addWidget(self.period_label)
        period.addWidget(self.period_combo)
        period.addWidget(self.from_edit)
        period.addWidget(self.dash_label)
        period.addWidget(self.to_edit)
        period.addStretch(1)
        period.addWidget(self.progress)
        period.addWidget(self.pdf_button)

        # -- the record ---------------------------------------------------------------------
        self.history_model = HistoryModel(self)
        self.faults_model = FaultCountModel(self)
        self.months_model = MonthlyComplianceModel(self)
        self.history_view = self._table(self.history_model, "employeeHistory")
        self.history_view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.history_view.horizontalHeader().setStretchLastSection(False)
        self.faults_view = self._table(self.faults_model, "employeeFaults")
        self.faults_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.faults_view.horizontalHeader().setStretchLastSection(False)
        self.changes_model = RecordChangesModel(self)
        self.changes_view = self._table(self.changes_model, "employeeChanges")
        changes_header = self.changes_view.horizontalHeader()
        changes_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        changes_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        changes_header.setStretchLastSection(False)
        self.changes_title = heading()
        self.months_view = self._table(self.months_model, "employeeMonths")
        months_header = self.months_view.horizontalHeader()
        # Five short columns sized to their words (headers included), the last one taking the rest.
        months_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        months_header.setMinimumSectionSize(48)
        months_header.setStretchLastSection(True)
        self.history_title = heading()
        self.faults_title = heading()
        self.months_title = heading()

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.faults_title)
        side_layout.addWidget(self.faults_view, 3)
        side_layout.addWidget(self.months_title)
        side_layout.addWidget(self.months_view, 2)
        side_layout.addWidget(self.changes_title)
        side_layout.addWidget(self.changes_view, 2)
        main = QWidget()
        main_layout = QVBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.addWidget(self.history_title)
        main_layout.addWidget(self.history_view, 1)
        record_split = QSplitter(Qt.Orientation.Horizontal)
        record_split.addWidget(main)
        record_split.addWidget(side)
        record_split.setStretchFactor(0, 3)
        record_split.setStretchFactor(1, 2)

        header = QFrame()
        header.setObjectName("employeeHeader")
        header_layout = QGridLayout(header)
        header_layout.setContentsMargins(0, 0, 0, 0)
        header_layout.addWidget(self.name_label, 0, 0)
        header_layout.addWidget(self.pass_rate_label, 0, 1, Qt.AlignmentFlag.AlignRight)
        header_layout.addWidget(self.details_label, 1, 0, 1, 2)
        header_layout.addWidget(self.summary_label, 2, 0, 1, 2)
        header_layout.addWidget(self.pdf_label, 3, 0, 1, 2)
        header_layout.setColumnStretch(0, 1)

        record = QWidget()
        record_layout = QVBoxLayout(record)
        record_layout.setContentsMargins(0, 0, 0, 0)
        record_layout.addWidget(header)
        record_layout.addLayout(period)
        record_layout.addWidget(record_split, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(picker)
        self.splitter.addWidget(record)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([260, 1000])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.search_edit.textChanged.connect(self.refresh_people)
        self.search_edit.returnPressed.connect(self.open_first_match)
        self.search_edit.installEventFilter(self)
        self.period_combo.currentIndexChanged.connect(self._on_period_choice)
        self.from_edit.dateChanged.connect(self._on_dates_edited)
        self.to_edit.dateChanged.connect(self._on_dates_edited)
        context.events.roster_changed.connect(self._on_roster_changed)
        context.events.lineup_changed.connect(lambda _id: self.refresh_record())
        context.events.language_changed.connect(lambda _lang: self.retranslate_ui())

        self.retranslate_ui()
        self.set_period_months(DEFAULT_MONTHS)
        self.refresh_people()
        self._show_employee(None)
        self.pdf_label.hide()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumHeight(MIN_TOUCH)
        return edit

    def _table(self, model, name: str) -> QTableView:
        view = table_view(model, name, single=False)
        view.setAlternatingRowColors(True)
        view.setWordWrap(True)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return view

    # -- picking ------------------------------------------------------------------------------

    def refresh_people(self) -> None:
        people = self.context.store.list_employees(search=self.search_edit.text().strip())
        self.people_model.set_employees(people)
        if self.employee is not None and self.employee.id is not None:
            row = self.people_model.row_of(self.employee.id)
            if row >= 0:  # the same person again: _on_pick leaves the record as it is
                self.people_view.selectRow(row)

    def open_first_match(self) -> None:
        """Enter in the search box: open the first person found. With a single match the
        record takes the keyboard; with several the list does, to pick another."""
        count = self.people_model.rowCount()
        if count == 0:
            return
        self.people_view.selectRow(0)
        if count == 1:
            self.history_view.setFocus()
        else:
            self.people_view.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down in the search box goes to the list of people found (and opens the first)."""
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.people_model.rowCount()
        ):
            if not self.people_view.selectionModel().hasSelection():
                self.people_view.selectRow(0)
            self.people_view.setFocus()
            return True
        return super().eventFilter(watched, event)

    def _on_activated(self, index: QModelIndex) -> None:
        """Enter (or a double-click) on a person: open them and give the record the keyboard."""
        employee = self.people_model.employee(index.row())
        if self.employee is None or employee.id != self.employee.id:
            self._show_employee(employee)
        self.history_view.setFocus()

    def _on_pick(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            employee = self.people_model.employee(indexes[0].row())
            if self.employee is None or employee.id != self.employee.id:
                self._show_employee(employee)

    def show_employee(self, employee_id: int) -> None:
        """Jump to an employee (from another screen), whatever the search box holds."""
        employee = self.context.store.get_employee(employee_id)
        if self.people_model.row_of(employee_id) < 0:
            self.search_edit.clear()
        self._show_employee(employee)
        row = self.people_model.row_of(employee_id)
        if row >= 0:
            self.people_view.selectRow(row)
            self.people_view.scrollTo(self.people_model.index(row, 0))

    def _show_employee(self, employee: Employee | None) -> None:
        self.employee = employee
        self.pdf_label.clear()
        self.pdf_label.hide()
        self._fill_header()
        self.refresh_record()

    def _on_roster_changed(self) -> None:
        if self.employee is not None and self.employee.id is not None:
            self.employee = self.context.store.get_employee(self.employee.id)
        self.refresh_people()
        self._fill_header()

    # -- the period ---------------------------------------------------------------------------

    def set_period_months(self, months: int) -> None:
        index = self.period_combo.findData(months)
        self.period_combo.setCurrentIndex(index)
        self._on_period_choice()

    def set_period(self, start: date, end: date) -> None:
        for edit, day in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self._on_dates_edited()

    def period(self) -> tuple[date, date]:
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()

    def _on_period_choice(self) -> None:
        months = self.period_combo.currentData()
        if months is None:  # "Custom": the date edits decide
            return
        end = self.today()
        start = months_before(end, months)
        for edit, day in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.refresh_record()

    def _on_dates_edited(self) -> None:
        start, end = self.period()
        months = self.period_combo.currentData()
        if months is not None and (end != self.today() or start != months_before(end, months)):
            self.period_combo.blockSignals(True)
            self.period_combo.setCurrentIndex(self.period_combo.count() - 1)
            self.period_combo.blockSignals(False)
        self.refresh_record()

    # -- the record ---------------------------------------------------------------------------

    def _fill_header(self) -> None:
        employee = self.employee
        self.pdf_button.setEnabled(employee is not None and not self._building)
        if employee is None:
            self.name_label.setText(self.tr("Choose an employee"))
            self.details_label.setText(self.tr("Search by number, name or department on the left."))
            return
        lang = ui_language()
        parts = [
            employee.employee_no,
            employee.department,
            role_name(self.context.catalogue, employee.role, lang),
            self._words.sex(employee.sex),
        ]
        if employee.site:
            parts.append(employee.site)
        if not employee.active:
            parts.append(self._words.active(False))
        self.name_label.setText(employee.name)
        self.details_label.setText("  ·  ".join(p for p in parts if p))

    def refresh_record(self) -> None:
        """Re-read the employee's record for the period (a few hundred rows at most)."""
        if self.employee is None or self.employee.id is None:
            self.record = None
            self._clear_record()
            return
        start, end = self.period()
        if end < start:  # being edited: nothing to show until the period makes sense
            self._clear_record()
            return
        try:
            record = employee_record(
                self.context.store,
                self.employee.employee_no,
                start,
                end,
                roles=role_names(self.context.catalogue),
            )
        except (NotFoundError, StorageError) as exc:
            show_error(self, exc)
            return
        self.record = record
        self.history_model.set_record(
            tuple(reversed(record.entries)), record.changes
        )  # newest first
        self.faults_model.set_rows(record.faults)
        self.months_model.set_rows(record.months)
        self.changes_model.set_rows(record.changes)
        self._show_changes()
        self._show_summary()
        self.record_shown.emit(self.employee.id)

    def _clear_record(self) -> None:
        self.record = None
        self.history_model.set_record((), ())
        for model in (self.faults_model, self.months_model, self.changes_model):
            model.set_rows(())
        self._show_changes()
        self._show_summary()

    def _show_changes(self) -> None:
        """The changes after finishing: listed only when there are some."""
        shown = bool(self.record and self.record.changes)
        self.changes_title.setVisible(shown)
        self.changes_view.setVisible(shown)

    def _show_summary(self) -> None:
        record = self.record
        if record is None:
            self.summary_label.clear()
            self.pass_rate_label.clear()
            return
        start, end = self.period()
        tally = record.tally
        self.pass_rate_label.setText(
            self.tr("Pass rate {rate}").format(rate=format_percent(tally.pass_rate))
        )
        text = self.tr(
            "{start} to {end}: {clean} of {inspected} inspections with no fault, {absent} "
            "absent or on leave. Item ratio (detail): {compliance}"
        ).format(
            start=start.isoformat(),
            end=end.isoformat(),
            clean=tally.clean,
            inspected=tally.inspections,
            absent=len(record.absences),
            compliance=format_percent(tally.compliance),
        )
        if record.changes:
            text += "  ·  " + self.tr("{n} changed after finishing").format(n=len(record.changes))
        self.summary_label.setText(text)

    # -- the PDF ------------------------------------------------------------------------------

    def build_pdf(self) -> None:
        """Build the employee record PDF in the background, then open it."""
        employee = self.employee
        if employee is None:
            return
        start, end = self.period()
        request = ReportRequest(
            lang=report_language(ui_language()),
            employee_no=employee.employee_no,
            start=start,
            end=end,
            roles=role_names(self.context.catalogue),
        )
        out_path = (self.output_dir or default_output_dir()) / EMPLOYEE_RECORD.file_name(request)

        def build(store, progress) -> Path:  # runs on the worker thread
            return EMPLOYEE_RECORD.build(store, request, out_path, progress, create_folder=True)

        self._building = True
        self.pdf_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the builder says otherwise
        self.progress.show()
        self.pdf_label.setText(self.tr("Building the employee record…"))
        self.pdf_label.show()
        self.context.runner.submit(
            build, on_done=self._pdf_built, on_error=self._pdf_error, on_progress=self._on_progress
        )

    def _on_progress(self, fraction: float, _message: str) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(round(fraction * 100))

    def _pdf_built(self, path: Path) -> None:
        self._building = False
        self.progress.hide()
        self.pdf_button.setEnabled(self.employee is not None)
        self.pdf_label.setText(self.tr("Saved: {path}").format(path=path))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.pdf_finished.emit(str(path))

    def _pdf_error(self, exc: Exception) -> None:
        self._building = False
        self.progress.hide()
        self.pdf_button.setEnabled(self.employee is not None)
        self.pdf_label.clear()
        self.pdf_label.hide()
        self.pdf_failed.emit(exc)
        show_error(self, exc, self.tr("The employee record was not built"))

    # -- language -----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Reword everything shown (no database access: this runs on every language switch)."""
        self.search_edit.setPlaceholderText(self.tr("Number, name or department"))
        self.period_label.setText(self.tr("Period:"))
        current = self.period_combo.currentData() if self.period_combo.count() else DEFAULT_MONTHS
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for months in PERIODS:
            if months == 1:
                self.period_combo.addItem(self.tr("Last month"), months)
            else:
                self.period_combo.addItem(self.tr("Last {n} months").format(n=months), months)
        self.period_combo.addItem(self.tr("Custom"), None)
        index = self.period_combo.findData(current)
        self.period_combo.setCurrentIndex(index if index >= 0 else self.period_combo.count() - 1)
        self.period_combo.blockSignals(False)
        self.pdf_button.setText(self.tr("Employee record PDF"))
        self.history_title.setText(self.tr("Inspections"))
        self.faults_title.setText(self.tr("Repeated faults (most frequent first)"))
        self.months_title.setText(self.tr("Pass rate by month"))
        self.changes_title.setText(self.tr("Changes after finishing (reason, who, when)"))
        lang = ui_language()
        for model in (
            self.people_model,
            self.history_model,
            self.faults_model,
            self.months_model,
            self.changes_model,
        ):
            model.set_language(lang)
        self._fill_header()
        self._show_summary()
