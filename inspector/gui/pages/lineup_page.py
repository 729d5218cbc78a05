"""The line-up screen: the line on one side, the person on screen and their points on the other.

The points are shown head to toe, grouped by body area, each area with the digit that jumps to
it. Keyboard first (every key also has a finger-sized button or a tap): 1-9 jump to an area,
Up/Down pick a point, X opens the point's fault reasons numbered 1-9 beside the points and a
digit records one (X again: several; N: a note; Esc: close), Space passes every point not
marked and moves on, F marks the point's fault fixed on the spot (当场整改; F again takes it
back), P adds a photo, A/L/T record attendance, Left/Right move between people,
G shows the grid, Ctrl+Return finishes. The page only lays out and forwards: every action is
one call into the LineupController.

A set without points (an older line-up version, an observation set) shows each item as a point
with that one reason: X on it records the reason at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.checklist import MAX_KEYS
from inspector.domain.lineup import Attendance, PersonStatus
from inspector.gui.context import AppContext
from inspector.gui.controllers.lineup_controller import LineupController
from inspector.gui.dialogs.amend_dialog import AmendDialog, ask_amendment
from inspector.gui.dialogs.note_dialog import NoteDialog
from inspector.gui.i18n import Retranslating, current_language
from inspector.gui.models.lineup_items_model import LineupItemsModel, PointRow, area_label
from inspector.gui.models.lineup_people_model import LineupPeopleModel, PersonRow
from inspector.gui.pages.lineup_grid import LineupGrid
from inspector.gui.pages.lineup_screen import LineupScreen
from inspector.gui.widgets import status as look
from inspector.gui.widgets.build import heading, open_kept, table_view, text_label
from inspector.gui.widgets.change_text import (
    AMENDED_COLOUR,
    amended_word,
    change_line,
    changes_tooltip,
)
from inspector.gui.widgets.reason_picker import ReasonPicker
from inspector.gui.widgets.touch import TOUCH_HEIGHT, action_button, touch_sized
from inspector.services.lineup_session import Change, PersonNotHere

ChoosePhoto = Callable[[QWidget], "str | None"]
MIN_ROW_HEIGHT = 30  # points are tall enough to tap, and the longest profile fits on 1366x768
PICKER_WIDTH = 290
PEOPLE_WIDTH = 290  # number, name and status; the card says which place in the line


def choose_photo_file(parent: QWidget) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("PersonView", "Photo evidence"),
        str(Path.home()),
        QCoreApplication.translate("PersonView", "Images (*.jpg *.jpeg *.png *.heic *.webp *.bmp)"),
    )
    return path or None


class PointsView(QTableView):
    """The points table; its rows share the height so that every point of the line-up's
    longest profile shows without scrolling (up to a touch-sized row)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows_to_fit = 0

    def fit_rows(self, rows: int | None = None) -> None:
        if rows is not None:
            self.rows_to_fit = rows
        if self.rows_to_fit <= 0:
            return
        free = self.viewport().height() if self.isVisible() else self.height()
        height = max(MIN_ROW_HEIGHT, min(TOUCH_HEIGHT, free // self.rows_to_fit))
        if self.verticalHeader().defaultSectionSize() != height:
            self.verticalHeader().setDefaultSectionSize(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()


class PersonView(Retranslating, QWidget):
    """The line on the left; the person, their points and the reason picker on the right."""

    notice = Signal(str)  # a short message for the status bar

    def __init__(self, controller: LineupController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.people = table_view(controller.people_model, "people_view")
        self.people.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT - 4)
        self.people.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.people.setWordWrap(False)
        self.people.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        people_header = self.people.horizontalHeader()
        people_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        people_header.setStretchLastSection(True)
        self.people.setColumnHidden(LineupPeopleModel.POSITION, True)
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people.clicked.connect(lambda index: controller.go_to(index.row()))

        self.name = heading("person_name", grow=7)
        self.details = QLabel()
        self.details.setObjectName("person_details")
        self.badge = QLabel()
        self.badge.setObjectName("person_status")
        self.badge.setMinimumHeight(32)
        self.position = QLabel()
        self.position.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card_layout = QGridLayout(card)
        card_layout.setContentsMargins(8, 4, 8, 4)
        card_layout.setVerticalSpacing(2)
        card_layout.addWidget(self.name, 0, 0)
        card_layout.addWidget(self.details, 0, 1)
        card_layout.addWidget(self.position, 0, 2)
        card_layout.addWidget(self.badge, 0, 3, Qt.AlignmentFlag.AlignRight)
        card_layout.setColumnStretch(1, 1)
        # In review: what was changed for this person after the line-up was finished.
        self.amended = QLabel()
        self.amended.setObjectName("person_amended")
        self.amended.setWordWrap(True)
        self.amended.setStyleSheet(f"color:{AMENDED_COLOUR};")
        self.amended.hide()
        card_layout.addWidget(self.amended, 1, 0, 1, 4)

        self.items = table_view(controller.items_model, "items_view", view=PointsView())
        self.items.setWordWrap(True)
        self.items.setCornerButtonEnabled(False)
        self.items.horizontalHeader().hide()  # the areas and points speak for themselves
        self.items.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Fixed row heights and column widths: measuring every row on each person would cost
        # a fifth of a second per key press.
        self.items.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.items.verticalHeader().setDefaultSectionSize(MIN_ROW_HEIGHT)
        self.items.setTabKeyNavigation(False)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LineupItemsModel.RESULT, QHeaderView.ResizeMode.Stretch)
        self.items.doubleClicked.connect(lambda _index: self.open_picker())
        self.items.clicked.connect(lambda _index: self.close_picker())

        self.picker = ReasonPicker()
        self.picker.setFixedWidth(PICKER_WIDTH)
        self.picker.reason_tapped.connect(self._reason_tapped)
        self.picker.note_tapped.connect(self._open_note)
        self.picker.several_tapped.connect(self._several)
        self.picker.close_tapped.connect(self.close_picker)

        shortcut = Qt.ShortcutContext.WidgetWithChildrenShortcut

        def action(slot, *keys: QKeySequence | str, repeat: bool = False) -> QAction:
            act = QAction(self)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(shortcut)
            act.setAutoRepeat(repeat)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.pass_action = action(self._pass_all, Qt.Key.Key_Space)
        self.up_action = action(lambda: self.move_item(-1), Qt.Key.Key_Up, repeat=True)
        self.down_action = action(lambda: self.move_item(1), Qt.Key.Key_Down, repeat=True)
        self.fail_action = action(self._x_pressed, "X")
        self.fix_action = action(self._fix_on_spot, "F")
        self.note_action = action(self._open_note, "N")
        self.photo_action = action(self._add_photo, "P")
        self.close_picker_action = action(self.close_picker, Qt.Key.Key_Escape)
        self.close_picker_action.setEnabled(False)  # Esc is the picker's only while it is open
        self.absent_action = action(lambda: self._attendance(Attendance.ABSENT), "A")
        self.leave_action = action(lambda: self._attendance(Attendance.LEAVE), "L")
        self.late_action = action(lambda: self._attendance(Attendance.LATE), "T")
        self.prev_action = action(controller.previous_person, Qt.Key.Key_Left, repeat=True)
        self.next_action = action(controller.next_person, Qt.Key.Key_Right, repeat=True)
        self.digit_actions = [
            action(lambda _=False, n=n: self.digit(n), str(n)) for n in range(1, MAX_KEYS + 1)
        ]

        buttons = QGridLayout()
        buttons.setSpacing(6)
        self.fail_button = action_button(self.fail_action)
        self.fix_button = action_button(self.fix_action)
        self.note_button = action_button(self.note_action)
        self.photo_button = action_button(self.photo_action)
        self.absent_button = action_button(self.absent_action)
        self.leave_button = action_button(self.leave_action)
        self.late_button = action_button(self.late_action)
        self.prev_button = action_button(self.prev_action)
        self.pass_button = action_button(self.pass_action, primary=True)
        self.next_button = action_button(self.next_action)
        for column, button in enumerate(
            (
                self.fail_button,
                self.fix_button,
                self.note_button,
                self.photo_button,
                self.absent_button,
                self.leave_button,
                self.late_button,
            )
        ):
            buttons.addWidget(button, 0, column)
        buttons.addWidget(self.prev_button, 1, 0)
        buttons.addWidget(self.pass_button, 1, 1, 1, 3)
        buttons.addWidget(self.next_button, 1, 4)
        self.finish_slot = QHBoxLayout()  # the page puts its Finish button here
        self.finish_slot.setContentsMargins(0, 0, 0, 0)
        buttons.addLayout(self.finish_slot, 1, 5, 1, 2)

        points_and_reasons = QHBoxLayout()
        points_and_reasons.setSpacing(6)
        points_and_reasons.addWidget(self.items, 1)
        points_and_reasons.addWidget(self.picker)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(6)
        right_layout.addWidget(card)
        right_layout.addLayout(points_and_reasons, 1)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.people)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([PEOPLE_WIDTH, 1366 - PEOPLE_WIDTH])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.choose_photo: ChoosePhoto = choose_photo_file
        self.note_dialog: NoteDialog | None = None
        self._last_reason = ""  # the reason recorded last on this point (a note goes there)
        controller.current_changed.connect(self.show_person)
        controller.loaded.connect(self._loaded)
        controller.items_model.modelReset.connect(self._points_reset)
        controller.items_model.dataChanged.connect(lambda *_: self._marks_changed())
        controller.people_model.dataChanged.connect(
            lambda *_: self.show_person(controller.current_row, select=False)
        )
        self.items.selectionModel().currentRowChanged.connect(lambda *_: self._point_changed())
        self.retranslate_ui()
        if controller.session.lineup is not None:
            self._catch_up()

    def _catch_up(self) -> None:
        """Built after a line-up was loaded (the page is made when first shown): do what the
        controller's signals would have done, so the person on screen and the first point are
        selected as if the page had been there all along."""
        self._loaded()
        self._points_reset()
        self.show_person(self.controller.current_row)

    def _loaded(self) -> None:
        self.items.fit_rows(self.controller.max_points())
        self._size_columns()

    def _size_columns(self) -> None:
        """Column widths from the words they can hold (once per line-up and language)."""
        metrics = self.items.fontMetrics()
        padding = 20
        names = [area_label(a, n) for n, a in enumerate(self.controller.areas(), 1)] or [""]
        small = self.controller.items_model.area_font(self.items.font())
        area_metrics = QFontMetrics(small)
        widest = max(area_metrics.horizontalAdvance(n) for n in names) + padding
        # Long area names wrap onto a second line (in a smaller font, so two lines fit a row).
        header = self.items.horizontalHeader()
        header.resizeSection(LineupItemsModel.AREA, min(widest, 132))
        lang = current_language()
        points = [p.text.get(lang) for p in self.controller.all_points()] or [""]
        widest_point = max(metrics.horizontalAdvance(t) for t in points) + padding
        header.resizeSection(LineupItemsModel.POINT, min(widest_point, 300))
        people = self.controller.people_model
        people_header = self.people.horizontalHeader()
        rows = people.rows()

        def width(*texts: str) -> int:
            return max(metrics.horizontalAdvance(t) for t in texts) + 14

        people_header.resizeSection(LineupPeopleModel.POSITION, width("00"))
        people_header.resizeSection(
            LineupPeopleModel.NUMBER,
            width(
                str(people.headerData(1, Qt.Orientation.Horizontal)),
                *(r.employee.employee_no for r in rows[:200]),
            ),
        )
        people_header.resizeSection(
            LineupPeopleModel.NAME,
            width(
                str(people.headerData(2, Qt.Orientation.Horizontal)),
                *(r.employee.name for r in rows[:200]),
            ),
        )

    # -- points ----------------------------------------------------------------------------

    def current_item_row(self) -> int:
        index = self.items.currentIndex()
        return index.row() if index.isValid() else -1

    def current_point(self) -> PointRow | None:
        row = self.current_item_row()
        return self.controller.items_model.row_object(row) if row >= 0 else None

    def current_item_id(self) -> str | None:
        """The id of the highlighted point."""
        point = self.current_point()
        return point.point.id if point else None

    def select_item(self, row: int) -> None:
        model = self.controller.items_model
        if not 0 <= row < model.rowCount():
            self._point_changed()
            return
        index = model.index(row, LineupItemsModel.POINT)
        self.items.setCurrentIndex(index)
        self.items.scrollTo(index)

    def move_item(self, step: int) -> None:
        self.close_picker()
        row = self.current_item_row()
        self.select_item(min(max(row + step, 0), self.controller.items_model.rowCount() - 1))

    def select_area(self, area_id: str) -> None:
        for row, point_row in enumerate(self.controller.items_model.rows()):
            if point_row.area.id == area_id:
                self.select_item(row)
                return

    def _points_reset(self) -> None:
        """Another person: spans for the body areas, the first point highlighted."""
        self.items.clearSpans()
        model = self.controller.items_model
        for row, point_row in enumerate(model.rows()):
            if point_row.area_rows > 1:
                self.items.setSpan(row, LineupItemsModel.AREA, point_row.area_rows, 1)
        self._set_picker(False)
        self.select_item(0)

    def _point_changed(self) -> None:
        self._last_reason = ""
        self._set_picker(False)
        self._update_actions()

    def _marks_changed(self) -> None:
        self._show_picker_point()
        self._update_actions()

    def _show_picker_point(self) -> None:
        self.picker.show_point(
            self.current_point(), enabled=self._here(), fixed=self.controller.items_model.fixed
        )

    # -- keys ------------------------------------------------------------------------------

    def digit(self, n: int) -> None:
        """1-9: with the picker open, record that reason; otherwise jump to that body area."""
        if self.picker.is_open:
            reason = self.picker.reason_at(n)
            if reason:
                self._choose(reason)
            return
        row = self.controller.items_model.first_row_of_key(str(n))
        if row >= 0:
            self.select_item(row)

    def open_picker(self) -> None:
        """X: the reasons of the highlighted point, numbered; a point with one reason fails
        (or passes again) at once."""
        point = self.current_point()
        if point is None or not self._allowed():
            return
        if len(point.reasons) == 1:
            self._record(point.reasons[0].id)
            return
        self._set_picker(True)

    def close_picker(self) -> None:
        self._set_picker(False)

    def _set_picker(self, is_open: bool, *, several: bool = False, note: bool = False) -> None:
        self.picker.set_state(is_open=is_open, several=several, note_pending=note)
        self._show_picker_point()
        self.close_picker_action.setEnabled(is_open)

    def _x_pressed(self) -> None:
        if self.picker.is_open:
            self._several()
        else:
            self.open_picker()

    def _several(self) -> None:
        """X in the picker (or its button): the digits record several reasons until Esc."""
        if self.current_point() is None or not self._allowed():
            return
        self._set_picker(True, several=not self.picker.several)

    def _reason_tapped(self, reason_id: str) -> None:
        if not self._allowed():
            return
        if not self.picker.is_open:
            self._record(reason_id)
            return
        self._choose(reason_id)

    def _choose(self, reason_id: str) -> None:
        """A reason picked in the open picker: recorded (or a note asked for it)."""
        if self.picker.note_pending:
            self._set_picker(False)
            self._note_for(reason_id)
            return
        several = self.picker.several
        self._record(reason_id)
        if not several:
            self._set_picker(False)

    def _record(self, reason_id: str) -> None:
        self._last_reason = reason_id
        self.controller.toggle_fail(reason_id)

    def hide_lineup_only_buttons(self) -> None:
        """An observation: no attendance and no fix on the spot to offer by touch (their keys
        say why, through the controller)."""
        for button in (self.fix_button, self.absent_button, self.leave_button, self.late_button):
            button.hide()

    def _fix_on_spot(self) -> None:
        """F: the fault of the point (the reason recorded last, or every failed reason of
        it) fixed on the spot; F again takes it back."""
        point = self.current_point()
        if point is None or not self._allowed():
            return
        failed = [r.id for r in point.failed_reasons]
        if not failed:
            self.notice.emit(self.tr("Record the fault (X) before marking it fixed on the spot."))
            return
        chosen = [self._last_reason] if self._last_reason in failed else failed
        fixed = self.controller.items_model.fixed
        self._set_picker(False)
        self.controller.set_fixed_on_spot(chosen, not all(r in fixed for r in chosen))

    def _pass_all(self) -> None:
        self._set_picker(False)
        self.controller.pass_all_and_next()

    def _attendance(self, attendance: Attendance) -> None:
        self._set_picker(False)
        self.controller.toggle_attendance(attendance)

    def _here(self) -> bool:
        person = self.controller.person()
        return person is not None and person.status not in (PersonStatus.ABSENT, PersonStatus.LEAVE)

    def _allowed(self) -> bool:
        """Marks can be recorded for the person on screen; if not, the status bar says why."""
        person = self.controller.person()
        if person is None:
            return False
        if not self._here():
            self.notice.emit(self.controller.words(PersonNotHere(person.employee.name)))
            return False
        return True

    def _open_note(self) -> None:
        """N: a note on the reason recorded last (or the one failed reason, or the only
        reason); otherwise the picker asks which reason the note is for."""
        point = self.current_point()
        if point is None or not self._allowed():
            return
        failed = [r.id for r in point.failed_reasons]
        if self._last_reason in failed:
            self._note_for(self._last_reason)
        elif len(failed) == 1:
            self._note_for(failed[0])
        elif len(point.reasons) == 1:
            self._note_for(point.reasons[0].id)
        else:
            self._set_picker(True, note=True)

    def _note_for(self, reason_id: str) -> None:
        point = self.current_point()
        if point is None:
            return
        reason = next(r for r in point.reasons if r.id == reason_id)
        mark = point.mark_of(reason_id)
        lang = current_language()
        dialog = NoteDialog(
            f"{point.point.text.get(lang)}: {reason.text.get(lang)}",
            mark.note if mark else "",
            failed=True,
            parent=self,
        )
        dialog.note_entered.connect(
            lambda text, failed: self.controller.set_note(reason_id, text, failed=failed)
        )
        self._last_reason = reason_id
        open_kept(self, "note_dialog", dialog, finished=self.take_keyboard)

    def take_keyboard(self) -> None:
        """After a dialog: the keys go to the line-up again, without a click."""
        self.window().activateWindow()
        self.items.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_photo(self) -> None:
        point = self.current_point()
        if point is None:
            return
        failed = [r.id for r in point.failed_reasons]
        if not failed:
            self.notice.emit(self.tr("Record the fault (X) before adding a photo."))
            return
        reason_id = self._last_reason if self._last_reason in failed else failed[0]
        path = self.choose_photo(self)
        if path:
            self.controller.attach_photo(reason_id, Path(path))

    def _update_actions(self) -> None:
        point = self.current_point()
        self.photo_action.setEnabled(point is not None and point.failed)
        here = self._here()
        for act in (self.fail_action, self.note_action):
            act.setEnabled(here and point is not None)
        self.fix_action.setEnabled(
            here and point is not None and point.failed and not self.controller.session.closed
        )
        self.prev_action.setEnabled(self.controller.current_row > 0)
        self.next_action.setEnabled(
            0 <= self.controller.current_row < self.controller.session.count - 1
        )

    # -- the person ------------------------------------------------------------------------

    def show_person(self, row: int, *, select: bool = True) -> None:
        person = self.controller.person(row)
        self._show_changes(person)
        if person is None:
            self.name.setText("")
            self.details.setText("")
            self.badge.setText("")
            self._update_actions()
            return
        if select:
            index = self.controller.people_model.index(row, LineupPeopleModel.NUMBER)
            self.people.setCurrentIndex(index)
            self.people.scrollTo(index)
        e = person.employee
        lang = current_language()
        role = self.controller.session.catalogue.role(e.role)
        role_name = role.name.get(lang) if role else e.role
        self.name.setText(e.name)
        self.details.setText(
            self.tr("No. {number} · {department} · {role} · {sex}").format(
                number=e.employee_no,
                department=e.department or "–",
                role=role_name,
                sex=look.sex_text(e.sex.value),
            )
        )
        key = person.colour_key()
        style = (
            f"background:{look.BACKGROUNDS[key].name()}; color:{look.COLOURS[key].darker(130).name()};"
            f"border:2px solid {look.COLOURS[key].name()}; border-radius:6px; font-weight:bold;"
        )
        self.badge.setText(f"  {person.status_text()}  ")
        if self.badge.styleSheet() != style:
            self.badge.setStyleSheet(style)
        self.position.setText(
            self.tr("Person {n} of {total}").format(n=row + 1, total=self.controller.session.count)
        )
        self._update_actions()

    def _show_changes(self, person: PersonRow | None) -> None:
        """已修改: each change to the person on screen, with reason, who and when."""
        if person is None or not person.amended:
            self.amended.hide()
            return
        lang = current_language()
        lines = [change_line(c, lang) for c in person.changes]
        self.amended.setText(f"{amended_word()}: " + "\n".join(lines))
        self.amended.setToolTip(changes_tooltip(person.changes, lang))
        self.amended.show()

    def retranslate_ui(self) -> None:
        space = self.tr("Space")
        texts = {
            self.pass_action: self.tr("All pass, next") + f"  ({space})",
            self.fail_action: self.tr("Fail") + "  (X)",
            self.fix_action: self.tr("Fixed on the spot") + "  (F)",
            self.note_action: self.tr("Note") + "  (N)",
            self.photo_action: self.tr("Photo") + "  (P)",
            self.absent_action: self.tr("Absent") + "  (A)",
            self.leave_action: self.tr("Leave") + "  (L)",
            self.late_action: self.tr("Late") + "  (T)",
            self.prev_action: "◀  " + self.tr("Prev"),
            self.next_action: self.tr("Next") + "  ▶",
        }
        for act, text in texts.items():
            act.setText(text)
        self._size_columns()
        self.pass_action.setToolTip(
            self.tr("Every point not marked passes, the person is saved, on to the next")
        )
        self.show_person(self.controller.current_row, select=False)
        self._show_picker_point()


class LineupPage(LineupScreen):
    """The person view and the grid of one line-up, with the header and the finish step."""

    summary_requested = Signal()  # a finished line-up: show its summary
    notice = Signal(str)  # a short message for the status bar

    def __init__(
        self, context: AppContext, controller: LineupController, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, controller, parent)
        self.title = heading("lineup_title", grow=2)
        self.progress = text_label("lineup_progress")
        self.closed_banner = text_label("closed_banner", wrap=True)
        self.closed_banner.setStyleSheet(
            "background:#fff8e1; border:1px solid #ffb300; border-radius:4px; padding:6px;"
        )
        self.person_view = PersonView(controller)
        self.person_view.notice.connect(self.notice)
        self.grid = LineupGrid(controller.grid_model)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.person_view)
        self.stack.addWidget(self.grid)

        context_ = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.grid_action = QAction(self)
        self.grid_action.setShortcut(QKeySequence("G"))
        self.grid_action.setShortcutContext(context_)
        self.grid_action.setCheckable(True)
        self.grid_action.toggled.connect(self.show_grid)
        self.addAction(self.grid_action)
        self.finish_action = QAction(self)
        self.finish_action.setShortcuts(
            [
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Return),
                QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Enter),
            ]
        )
        self.finish_action.setShortcutContext(context_)
        self.finish_action.triggered.connect(self.ask_finish)
        self.addAction(self.finish_action)
        self.back_action = QAction(self)
        self.back_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.back_action.setShortcutContext(context_)
        self.back_action.triggered.connect(lambda: self.grid_action.setChecked(False))
        self.back_action.setEnabled(False)  # only on the grid: on the person, Esc closes the picker
        self.addAction(self.back_action)
        self.grid_button = action_button(self.grid_action)
        self.grid_button.setMaximumWidth(200)
        self.finish_button = action_button(self.finish_action)
        self.person_view.finish_slot.addWidget(self.finish_button)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.progress)
        top.addWidget(self.grid_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.closed_banner)
        layout.addWidget(self.stack, 1)

        self.finish_box: QMessageBox | None = None
        self.amend_dialog: AmendDialog | None = None
        self.grid.person_chosen.connect(self.jump_to)
        controller.loaded.connect(self.refresh)
        controller.current_changed.connect(lambda _row: self._update_progress())
        controller.people_model.dataChanged.connect(lambda *_: self._update_progress())
        controller.amendment_needed.connect(self.ask_amendment)
        self.retranslate_ui()

    # -- views -----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.closed_banner.setVisible(self.controller.session.closed)
        self._update_title()
        self._update_progress()

    def focus_items(self) -> None:
        self.person_view.items.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stack.currentWidget() is self.grid:
            self.grid.focus_view()
        else:
            self.focus_items()

    def show_grid(self, on: bool) -> None:
        if self.grid_action.isChecked() != on:
            self.grid_action.setChecked(on)
            return
        self.back_action.setEnabled(on)
        if on:
            self.stack.setCurrentWidget(self.grid)
            self.grid.select(self.controller.current_row)
            self.grid.focus_view()
        else:
            self.stack.setCurrentWidget(self.person_view)
            self.focus_items()

    def jump_to(self, row: int, area_id: str = "") -> None:
        self.controller.go_to(row)
        self.show_grid(False)
        if area_id:
            self.person_view.select_area(area_id)

    def _update_title(self) -> None:
        lineup = self.controller.session.lineup
        if lineup is None:
            self.title.setText("")
            return
        self.title.setText(
            self.tr("Line-up {day} · {shift} · {scope} · Supervisor: {supervisor}").format(
                **look.lineup_fields(lineup)
            )
        )

    def _update_progress(self) -> None:
        done, total = self.controller.progress()
        self.progress.setText(self.tr("Done {done} of {total}").format(done=done, total=total))

    # -- finishing -------------------------------------------------------------------------

    def ask_finish(self) -> None:
        """Ctrl+Return: confirm (Enter) and finish; on a finished line-up, show the summary."""
        if self.controller.session.lineup is None:
            return
        if self.controller.session.closed:
            self.summary_requested.emit()
            return
        done, total = self.controller.progress()
        box = QMessageBox(self)
        box.setObjectName("finish_box")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Finish the line-up"))
        text = self.tr("Finish the line-up? {done} of {total} people are done.").format(
            done=done, total=total
        )
        if done < total:
            text += "\n" + self.tr("{n} still to do will be recorded as not inspected.").format(
                n=total - done
            )
        text += "\n" + self.tr("Afterwards, a change needs a reason.")
        box.setText(text)
        finish = box.addButton(self.tr("Finish"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(finish)
        touch_sized(box).buttonClicked.connect(
            lambda button: self._finish_confirmed() if button is finish else None
        )
        open_kept(self, "finish_box", box, finished=self._take_keyboard)

    def _take_keyboard(self) -> None:
        self.window().activateWindow()
        if self.stack.currentWidget() is self.grid:
            self.grid.focus_view()
        elif self.isVisible():
            self.focus_items()

    def _finish_confirmed(self) -> None:
        if self.controller.finish():
            self.refresh()
            self.summary_requested.emit()

    def ask_amendment(self, change: Change) -> None:
        ask_amendment(self, self.controller, change, finished=self._take_keyboard)

    def retranslate_ui(self) -> None:
        self.grid_action.setText(self.tr("Grid") + "  (G)")
        self.finish_action.setText(self.tr("Finish") + "  (Ctrl+↵)")
        self.closed_banner.setText(
            self.tr(
                "This line-up is finished. A change asks for a reason and is kept in the change "
                "log. Ctrl+Return shows the summary."
            )
        )
        self._update_title()
        self._update_progress()
