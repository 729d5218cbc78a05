"""The line-up screen: the line on one side, the person on screen and their items on the other.

Keyboard first (every key also has a finger-sized button): Space passes the rest and moves on,
Up/Down pick an item, X fails it, N adds a note, P a photo, A/L/T record attendance, Left/Right
move between people, G shows the grid, Ctrl+Return finishes. The page only lays out and
forwards: every action is one call into the LineupController.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
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

from inspector.domain.checklist import ItemKind, Severity
from inspector.domain.lineup import Attendance, PersonStatus, Result
from inspector.gui.context import AppContext
from inspector.gui.controllers.lineup_controller import LineupController
from inspector.gui.dialogs.amend_dialog import AmendDialog
from inspector.gui.dialogs.note_dialog import NoteDialog
from inspector.gui.i18n import current_language
from inspector.gui.models.lineup_items_model import LineupItemsModel
from inspector.gui.models.lineup_people_model import LineupPeopleModel
from inspector.gui.pages.lineup_grid import LineupGrid
from inspector.gui.widgets import status as look
from inspector.gui.widgets.touch import STYLE, TOUCH_HEIGHT, action_button
from inspector.services.lineup_session import Change, PersonNotHere

ChoosePhoto = Callable[[QWidget], "str | None"]


def choose_photo_file(parent: QWidget) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("PersonView", "Photo evidence"),
        str(Path.home()),
        QCoreApplication.translate("PersonView", "Images (*.jpg *.jpeg *.png *.heic *.webp *.bmp)"),
    )
    return path or None


class PersonView(QWidget):
    """The line on the left, the person and their items on the right, the action buttons."""

    notice = Signal(str)  # a short message for the status bar

    def __init__(self, controller: LineupController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.people = QTableView()
        self.people.setObjectName("people_view")
        self.people.setModel(controller.people_model)
        self.people.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.people.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.people.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.people.verticalHeader().hide()
        self.people.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT - 4)
        self.people.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.people.setWordWrap(False)
        self.people.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        people_header = self.people.horizontalHeader()
        people_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        people_header.setStretchLastSection(True)
        self.people.clicked.connect(lambda index: controller.go_to(index.row()))

        self.name = QLabel()
        self.name.setObjectName("person_name")
        font = self.name.font()
        font.setPointSize(font.pointSize() + 9)
        font.setBold(True)
        self.name.setFont(font)
        self.details = QLabel()
        self.details.setObjectName("person_details")
        self.details.setWordWrap(True)
        self.badge = QLabel()
        self.badge.setObjectName("person_status")
        self.badge.setMinimumHeight(36)
        self.position = QLabel()
        self.position.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card_layout = QGridLayout(card)
        card_layout.addWidget(self.name, 0, 0)
        card_layout.addWidget(self.badge, 0, 1, Qt.AlignmentFlag.AlignRight)
        card_layout.addWidget(self.details, 1, 0)
        card_layout.addWidget(self.position, 1, 1)
        card_layout.setColumnStretch(0, 1)

        self.items = QTableView()
        self.items.setObjectName("items_view")
        self.items.setModel(controller.items_model)
        self.items.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.items.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.items.setWordWrap(True)
        self.items.verticalHeader().hide()
        # Fixed row heights and column widths: measuring every row on each person would cost
        # a fifth of a second per key press. Two lines of wording fit in a row.
        self.items.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.items.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT)
        self.items.setTabKeyNavigation(False)
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LineupItemsModel.STANDARD, QHeaderView.ResizeMode.Stretch)
        self.items.doubleClicked.connect(lambda _index: self.fail_action.trigger())

        shortcut = Qt.ShortcutContext.WidgetWithChildrenShortcut

        def action(slot, *keys: QKeySequence | str, repeat: bool = False) -> QAction:
            act = QAction(self)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(shortcut)
            act.setAutoRepeat(repeat)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.pass_action = action(controller.pass_all_and_next, Qt.Key.Key_Space)
        self.up_action = action(lambda: self.move_item(-1), Qt.Key.Key_Up, repeat=True)
        self.down_action = action(lambda: self.move_item(1), Qt.Key.Key_Down, repeat=True)
        self.fail_action = action(self._toggle_fail, "X")
        self.note_action = action(self._open_note, "N")
        self.photo_action = action(self._add_photo, "P")
        self.absent_action = action(lambda: controller.toggle_attendance(Attendance.ABSENT), "A")
        self.leave_action = action(lambda: controller.toggle_attendance(Attendance.LEAVE), "L")
        self.late_action = action(lambda: controller.toggle_attendance(Attendance.LATE), "T")
        self.prev_action = action(controller.previous_person, Qt.Key.Key_Left, repeat=True)
        self.next_action = action(controller.next_person, Qt.Key.Key_Right, repeat=True)

        buttons = QGridLayout()
        buttons.setSpacing(8)
        self.fail_button = action_button(self.fail_action)
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
        buttons.addLayout(self.finish_slot, 1, 5)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(card)
        right_layout.addWidget(self.items, 1)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.people)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([370, 900])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.choose_photo: ChoosePhoto = choose_photo_file
        self.note_dialog: NoteDialog | None = None
        controller.current_changed.connect(self.show_person)
        controller.loaded.connect(self._size_columns)
        controller.items_model.modelReset.connect(lambda: self.select_item(0))
        controller.items_model.dataChanged.connect(lambda *_: self._update_actions())
        controller.people_model.dataChanged.connect(
            lambda *_: self.show_person(controller.current_row, select=False)
        )
        self.retranslate_ui()

    def _size_columns(self) -> None:
        """Column widths from the words they can hold (once per line-up and language)."""
        metrics = self.items.fontMetrics()
        padding = 24

        def width(*texts: str) -> int:
            return max(metrics.horizontalAdvance(t) for t in texts) + padding

        model = self.controller.items_model
        lang = current_language()
        header = self.items.horizontalHeader()
        header.resizeSection(  # long area names wrap onto a second line
            LineupItemsModel.AREA,
            min(
                width(
                    str(model.headerData(LineupItemsModel.AREA, Qt.Orientation.Horizontal)),
                    *(a.name.get(lang) for a in self.controller.areas()),
                ),
                110,
            ),
        )
        header.resizeSection(
            LineupItemsModel.KIND,
            width(
                str(model.headerData(LineupItemsModel.KIND, Qt.Orientation.Horizontal)),
                *(look.kind_text(k) for k in ItemKind),
            ),
        )
        header.resizeSection(
            LineupItemsModel.SEVERITY,
            width(
                str(model.headerData(LineupItemsModel.SEVERITY, Qt.Orientation.Horizontal)),
                *(look.severity_text(s) for s in Severity),
            ),
        )
        header.resizeSection(
            LineupItemsModel.RESULT,
            width(
                str(model.headerData(LineupItemsModel.RESULT, Qt.Orientation.Horizontal)),
                *(look.result_text(r) for r in Result),
            ),
        )
        header.resizeSection(LineupItemsModel.NOTE, 140)
        people = self.controller.people_model
        people_header = self.people.horizontalHeader()
        rows = people.rows()
        people_header.resizeSection(LineupPeopleModel.POSITION, width("00"))
        people_header.resizeSection(
            LineupPeopleModel.NUMBER,
            width(
                str(people.headerData(1, Qt.Orientation.Horizontal)),
                *(r.employee.employee_no for r in rows),
            ),
        )
        people_header.resizeSection(
            LineupPeopleModel.NAME,
            width(
                str(people.headerData(2, Qt.Orientation.Horizontal)),
                *(r.employee.name for r in rows),
            ),
        )

    # -- items -----------------------------------------------------------------------------

    def current_item_row(self) -> int:
        index = self.items.currentIndex()
        return index.row() if index.isValid() else -1

    def current_item_id(self) -> str | None:
        row = self.current_item_row()
        if row < 0:
            return None
        return self.controller.items_model.row_object(row).item.id

    def select_item(self, row: int) -> None:
        model = self.controller.items_model
        if not 0 <= row < model.rowCount():
            self._update_actions()
            return
        index = model.index(row, LineupItemsModel.STANDARD)
        self.items.setCurrentIndex(index)
        self.items.scrollTo(index)
        self._update_actions()

    def move_item(self, step: int) -> None:
        row = self.current_item_row()
        self.select_item(min(max(row + step, 0), self.controller.items_model.rowCount() - 1))

    def select_area(self, area_id: str) -> None:
        for row, item_row in enumerate(self.controller.items_model.rows()):
            if item_row.checklist.area == area_id:
                self.select_item(row)
                return

    def _toggle_fail(self) -> None:
        item_id = self.current_item_id()
        if item_id:
            self.controller.toggle_fail(item_id)

    def _open_note(self) -> None:
        row = self.current_item_row()
        if row < 0 or self.controller.person() is None:
            return
        item_row = self.controller.items_model.row_object(row)
        person = self.controller.person()
        if person.status in (PersonStatus.ABSENT, PersonStatus.LEAVE):
            self.notice.emit(self.controller.words(PersonNotHere(person.employee.name)))
            return
        dialog = NoteDialog(
            item_row.item.text.get(current_language()),
            item_row.note,
            failed=True,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        item_id = item_row.item.id
        dialog.note_entered.connect(
            lambda text, failed: self.controller.set_note(item_id, text, failed=failed)
        )
        self.note_dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "note_dialog", None))
        dialog.finished.connect(lambda _result: self.take_keyboard())
        dialog.open()

    def take_keyboard(self) -> None:
        """After a dialog: the keys go to the line-up again, without a click."""
        self.window().activateWindow()
        self.items.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_photo(self) -> None:
        row = self.current_item_row()
        if row < 0:
            return
        item_row = self.controller.items_model.row_object(row)
        if not item_row.failed:
            self.notice.emit(self.tr("Mark the item failed (X) before adding a photo."))
            return
        path = self.choose_photo(self)
        if path:
            self.controller.attach_photo(item_row.item.id, Path(path))

    def _update_actions(self) -> None:
        row = self.current_item_row()
        failed = row >= 0 and self.controller.items_model.row_object(row).failed
        self.photo_action.setEnabled(bool(failed))
        person = self.controller.person()
        here = person is not None and person.status not in (PersonStatus.ABSENT, PersonStatus.LEAVE)
        for act in (self.fail_action, self.note_action):
            act.setEnabled(here and row >= 0)
        self.prev_action.setEnabled(self.controller.current_row > 0)
        self.next_action.setEnabled(0 <= self.controller.current_row < self.controller.count - 1)

    # -- the person ------------------------------------------------------------------------

    def show_person(self, row: int, *, select: bool = True) -> None:
        person = self.controller.person(row)
        if person is None:
            self.name.setText("")
            self.details.setText("")
            self.badge.setText("")
            self._update_actions()
            return
        if select:
            index = self.controller.people_model.index(row, LineupPeopleModel.NAME)
            self.people.setCurrentIndex(index)
            self.people.scrollTo(index)
        e = person.employee
        lang = current_language()
        role = self.controller.catalogue.role(e.role)
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
        self.badge.setText(f"  {person.status_text()}  ")
        self.badge.setStyleSheet(
            f"background:{look.BACKGROUNDS[key].name()}; color:{look.COLOURS[key].darker(130).name()};"
            f"border:2px solid {look.COLOURS[key].name()}; border-radius:6px; font-weight:bold;"
        )
        self.position.setText(
            self.tr("Person {n} of {total}").format(n=row + 1, total=self.controller.count)
        )
        self._update_actions()

    def retranslate_ui(self) -> None:
        space = self.tr("Space")
        texts = {
            self.pass_action: self.tr("Pass all && next") + f"  ({space})",
            self.fail_action: self.tr("Fail") + "  (X)",
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
            self.tr("Every item not yet marked passes, the person is saved, on to the next")
        )
        self.show_person(self.controller.current_row, select=False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class LineupPage(QWidget):
    """The person view and the grid of one line-up, with the header and the finish step."""

    summary_requested = Signal()  # a finished line-up: show its summary
    notice = Signal(str)  # a short message for the status bar

    def __init__(
        self, context: AppContext, controller: LineupController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.context = context
        self.controller = controller
        self.title = QLabel()
        self.title.setObjectName("lineup_title")
        title_font = self.title.font()
        title_font.setBold(True)
        title_font.setPointSize(title_font.pointSize() + 2)
        self.title.setFont(title_font)
        self.progress = QLabel()
        self.progress.setObjectName("lineup_progress")
        self.closed_banner = QLabel()
        self.closed_banner.setObjectName("closed_banner")
        self.closed_banner.setWordWrap(True)
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
        self.closed_banner.setVisible(self.controller.closed)
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
        lineup = self.controller.lineup
        if lineup is None:
            self.title.setText("")
            return
        scope = " / ".join(p for p in (lineup.site, lineup.department) if p) or self.tr("Everyone")
        self.title.setText(
            self.tr("Line-up {day} · {shift} · {scope} · Supervisor: {supervisor}").format(
                day=lineup.day.isoformat(),
                shift=look.shift_text(lineup.shift),
                scope=scope,
                supervisor=lineup.supervisor or "–",
            )
        )

    def _update_progress(self) -> None:
        done, total = self.controller.progress()
        self.progress.setText(self.tr("Done {done} of {total}").format(done=done, total=total))

    # -- finishing -------------------------------------------------------------------------

    def ask_finish(self) -> None:
        """Ctrl+Return: confirm (Enter) and finish; on a finished line-up, show the summary."""
        if self.controller.lineup is None:
            return
        if self.controller.closed:
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
        for button in box.buttons():
            button.setMinimumHeight(TOUCH_HEIGHT)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self._finish_confirmed() if button is finish else None
        )
        self.finish_box = box
        box.destroyed.connect(lambda: setattr(self, "finish_box", None))
        box.finished.connect(lambda _result: self._take_keyboard())
        box.open()

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
        dialog = AmendDialog(change, self.controller.supervisor_name(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.amended.connect(self.controller.apply_amendment)
        self.amend_dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "amend_dialog", None))
        dialog.finished.connect(lambda _result: self._take_keyboard())
        dialog.open()

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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
