"""Today's line-up with sensible defaults: date, shift by the clock, the site or department used
last time, the supervisor remembered for that site. Enter starts it; the supervisor's name is
required (the sheet and the change log carry it). Beside the form, the 讲评 card: the last
line-up's top faults at that site, to announce."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QDate, QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.shifts import SHIFTS, shift_for
from inspector.gui.context import AppContext
from inspector.gui.i18n import Retranslating
from inspector.gui.models.recent_lineups_model import RecentLineupsModel
from inspector.gui.pages.briefing_card import BriefingCard
from inspector.gui.widgets import status as look
from inspector.gui.widgets.build import heading
from inspector.gui.widgets.touch import STYLE, TOUCH_HEIGHT, touch_button
from inspector.services.lineup_session import (
    remember_scope,
    remembered_scope,
    remembered_supervisor,
)


@dataclass(frozen=True, slots=True)
class StartParams:
    day: date
    shift: str
    site: str
    department: str
    supervisor: str


@dataclass(frozen=True, slots=True)
class Scope:
    site: str
    department: str  # "" for the whole site
    people: int

    @property
    def key(self) -> str:
        return f"{self.site}|{self.department}"


class LineupStartPage(Retranslating, QWidget):
    start_requested = Signal(object)  # StartParams
    open_requested = Signal(int)  # a recent line-up's id
    recheck_requested = Signal(object, str)  # day, site: the 讲评 card's re-checks due

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.context = context
        self.scopes: list[Scope] = []
        self.heading = heading("start_heading", grow=6)
        self.date_label, self.shift_label = QLabel(), QLabel()
        self.scope_label, self.supervisor_label = QLabel(), QLabel()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.shift = QComboBox()
        self.shift.setObjectName("shift_combo")
        for shift in SHIFTS:
            self.shift.addItem(shift, shift)
        self.scope = QComboBox()
        self.scope.setObjectName("scope_combo")
        self.scope.currentIndexChanged.connect(self._update_people)
        self.scope.currentIndexChanged.connect(lambda _n: self._update_supervisor())
        self.scope.currentIndexChanged.connect(lambda _n: self._update_briefing())
        self.supervisor = QLineEdit()
        self.supervisor.setObjectName("supervisor_edit")
        self.supervisor.textEdited.connect(lambda _text: self.problem.hide())
        self._supervisor_typed = False  # typed here: a change of site keeps it
        self.supervisor.textEdited.connect(lambda _text: setattr(self, "_supervisor_typed", True))
        for field in (self.date, self.shift, self.scope, self.supervisor):
            field.setMinimumHeight(TOUCH_HEIGHT)
        self.people = QLabel()
        self.people.setObjectName("start_people")
        self.problem = QLabel()
        self.problem.setObjectName("start_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#c62828; font-weight:bold;")
        self.problem.hide()
        self.start_button = touch_button(primary=True)
        self.start_button.setObjectName("start_button")
        self.start_button.clicked.connect(self.request_start)
        form = QFormLayout()
        form.addRow(self.date_label, self.date)
        form.addRow(self.shift_label, self.shift)
        form.addRow(self.scope_label, self.scope)
        form.addRow(self.supervisor_label, self.supervisor)
        form.addRow("", self.people)
        form.addRow("", self.problem)

        self.recent_model = RecentLineupsModel(self)
        self.recent_box = QGroupBox()
        self.recent = QListView()
        self.recent.setObjectName("recent_lineups")
        self.recent.setModel(self.recent_model)
        self.recent.setUniformItemSizes(True)
        self.recent.setSpacing(4)
        self.recent.doubleClicked.connect(self._open_recent)
        self.recent.activated.connect(self._open_recent)
        QVBoxLayout(self.recent_box).addWidget(self.recent)

        # 讲评: the last line-up's top faults at the chosen site, beside the form.
        self.briefing = BriefingCard()
        self._briefings_shown = False  # show_briefings() turns it on after the first frame
        self.briefing.setMinimumWidth(340)
        self.briefing.recheck_requested.connect(self._recheck_requested)
        starting = QVBoxLayout()
        starting.addLayout(form)
        starting.addWidget(self.start_button)
        starting.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addLayout(starting, 1)
        top.addWidget(self.briefing, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.recent_box, 1)
        context.events.language_changed.connect(lambda _lang: self._retranslate_models())
        self.date.dateChanged.connect(lambda _date: self._update_briefing())
        self.retranslate_ui()

    # -- defaults --------------------------------------------------------------------------

    def refresh(self, now: datetime | None = None) -> None:
        now = now or datetime.now()
        store = self.context.store
        self.date.setDate(QDate(now.year, now.month, now.day))
        self.shift.setCurrentIndex(SHIFTS.index(shift_for(now)))
        self.problem.hide()
        self.scopes = self._scopes()
        remembered = remembered_scope(store)
        self.scope.blockSignals(True)
        self.scope.clear()
        for scope in self.scopes:
            self.scope.addItem(self._scope_text(scope), scope.key)
        keys = [s.key for s in self.scopes]
        self.scope.setCurrentIndex(keys.index(remembered) if remembered in keys else 0)
        self.scope.blockSignals(False)
        self._update_people()
        self._update_supervisor()
        self._update_briefing()
        self.recent_model.set_rows(store.list_lineups(limit=8))

    def _recheck_requested(self, day: date) -> None:
        scope = self.current_scope()
        self.recheck_requested.emit(day, scope.site if scope else "")

    def show_briefings(self) -> None:
        """Fill the 讲评 card from now on: called once the window is on screen, because its
        figures need the report queries, which the first window does not load."""
        self._briefings_shown = True
        self._update_briefing()

    def _update_briefing(self) -> None:
        """The 讲评 card for the chosen site and date."""
        if not self._briefings_shown:
            return
        from inspector.services.briefing import briefing

        scope = self.current_scope()
        qdate = self.date.date()
        self.briefing.show_briefing(
            briefing(
                self.context.store,
                scope.site if scope else "",
                date(qdate.year(), qdate.month(), qdate.day()),
            )
        )

    def _scopes(self) -> list[Scope]:
        """Each site as a whole, then each department, as the active roster has them."""
        by_department = self.context.store.active_counts()
        by_site: dict[str, int] = {}
        for (site, _department), n in by_department.items():
            by_site[site] = by_site.get(site, 0) + n
        scopes = [Scope(site, "", n) for site, n in sorted(by_site.items())]
        scopes += [
            Scope(site, department, n)
            for (site, department), n in sorted(by_department.items())
            if department
        ]
        return scopes

    def _scope_text(self, scope: Scope) -> str:
        multiple_sites = len({s.site for s in self.scopes}) > 1
        if not scope.department:
            name = scope.site or self.tr("Everyone")
            return self.tr("{name} — everyone").format(name=name) if scope.site else name
        return (
            f"{scope.department} · {scope.site}"
            if multiple_sites and scope.site
            else scope.department
        )

    def current_scope(self) -> Scope | None:
        index = self.scope.currentIndex()
        return self.scopes[index] if 0 <= index < len(self.scopes) else None

    def _update_supervisor(self) -> None:
        """The name remembered for the chosen site, unless the supervisor typed one here."""
        scope = self.current_scope()
        if self._supervisor_typed and self.supervisor.text().strip():
            return
        self.supervisor.setText(
            remembered_supervisor(self.context.store, scope.site if scope else "")
        )
        self._supervisor_typed = False

    def ask_supervisor(self, message: str) -> None:
        """Starting was refused for want of a name: say so here and put the cursor there."""
        self.problem.setText(message)
        self.problem.show()
        self.supervisor.setFocus()

    def _update_people(self) -> None:
        scope = self.current_scope()
        count = scope.people if scope else 0
        self.people.setText(self.tr("People in this line-up: {n}").format(n=count))
        self.start_button.setEnabled(count > 0 and not self.context.read_only)

    # -- actions ---------------------------------------------------------------------------

    def request_start(self) -> None:
        scope = self.current_scope()
        if scope is None or not self.start_button.isEnabled():
            return
        remember_scope(self.context.store, scope.key)
        qdate = self.date.date()
        self.start_requested.emit(
            StartParams(
                day=date(qdate.year(), qdate.month(), qdate.day()),
                shift=self.shift.currentData(),
                site=scope.site,
                department=scope.department,
                supervisor=self.supervisor.text().strip(),
            )
        )

    def _open_recent(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.recent_model.row_object(index.row()).id)

    # -- words -----------------------------------------------------------------------------

    def _retranslate_models(self) -> None:
        self.recent_model.retranslate()
        self.briefing.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Today's line-up"))
        self.date_label.setText(self.tr("Date:"))
        self.shift_label.setText(self.tr("Shift:"))
        self.scope_label.setText(self.tr("Site or department:"))
        self.supervisor_label.setText(self.tr("Supervisor:"))
        self.supervisor.setPlaceholderText(self.tr("Your name (required, kept for next time)"))
        for n, shift in enumerate(SHIFTS):
            self.shift.setItemText(n, look.shift_text(shift))
        for n, scope in enumerate(self.scopes):
            self.scope.setItemText(n, self._scope_text(scope))
        self.start_button.setText(self.tr("Start line-up  (Enter)"))
        self.recent_box.setTitle(self.tr("Recent line-ups (double-click to open)"))
        self._update_people()
