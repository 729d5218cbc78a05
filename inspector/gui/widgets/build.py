"""The widgets every screen makes the same way: labels and headings, fields and form rows,
read-only tables, layouts, and dialogs opened without blocking.

Each builder sets what the screens share and returns the widget, so that a screen keeps only
what is its own (object names for the tests, texts in its ``retranslate_ui``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar, overload

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QDialog,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

ERROR_RED = "#b3261e"  # what stops a dialog from saving


def text_label(name: str = "", *, wrap: bool = False, text: str = "") -> QLabel:
    """A label with an object name (for tests and style sheets); ``wrap`` breaks long text."""
    made = QLabel(text)
    if name:
        made.setObjectName(name)
    if wrap:
        made.setWordWrap(True)
    return made


def heading(
    name: str = "", *, scale: float = 1.0, grow: int = 0, wrap: bool = False, text: str = ""
) -> QLabel:
    """A bold label, ``scale`` times the usual size or ``grow`` points larger."""
    made = text_label(name, text=text)
    font = made.font()
    if grow:
        font.setPointSize(font.pointSize() + grow)
    elif scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    made.setFont(font)
    if wrap:
        made.setWordWrap(True)
    return made


def error_label(name: str, *, colour: str = ERROR_RED) -> QLabel:
    """The red words under a form that say what is wrong."""
    made = text_label(name, wrap=True)
    made.setStyleSheet(f"color: {colour};")
    return made


def line_edit(name: str, text: str = "", *, max_length: int = 0, height: int = 0) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    if max_length:
        edit.setMaxLength(max_length)
    if height:
        edit.setMinimumHeight(height)
    return edit


def named_button(
    name: str, slot: Callable[[], object], *, height: int, min_width: int = 0
) -> QPushButton:
    """A push button of a form or toolbar row: at least ``height`` high, ``slot`` on a click."""
    button = QPushButton()
    button.setObjectName(name)
    button.setMinimumHeight(height)
    if min_width:
        button.setMinimumWidth(min_width)
    button.clicked.connect(slot)
    return button


def form_rows(
    form: QFormLayout, fields: Iterable[QWidget], *, height: int = 0, right: bool = False
) -> list[QLabel]:
    """One row a field, with an empty label (worded in ``retranslate_ui``) as its buddy;
    ``height`` gives the labels a touch height, ``right`` aligns them to the field."""
    labels = []
    for field in fields:
        made = QLabel()
        if height:
            made.setMinimumHeight(height)
        if right:
            made.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        made.setBuddy(field)
        form.addRow(made, field)
        labels.append(made)
    return labels


Item = QWidget | QLayout | tuple[QWidget | QLayout, int]  # a tuple: with a stretch factor


def column(parent: QWidget | None, *items: Item) -> QVBoxLayout:
    """A vertical layout of ``parent`` holding the widgets and layouts in order."""
    layout = QVBoxLayout(parent)
    add_all(layout, *items)
    return layout


def add_all(layout: QBoxLayout, *items: Item) -> QBoxLayout:
    for item in items:
        thing, stretch = item if isinstance(item, tuple) else (item, 0)
        if isinstance(thing, QLayout):
            layout.addLayout(thing, stretch)
        else:
            layout.addWidget(thing, stretch)
    return layout


View = TypeVar("View", bound=QTableView)


@overload
def table_view(
    model: QAbstractItemModel, name: str = "", *, single: bool = True, view: None = None
) -> QTableView: ...
@overload
def table_view(
    model: QAbstractItemModel, name: str = "", *, single: bool = True, view: View
) -> View: ...
def table_view(
    model: QAbstractItemModel,
    name: str = "",
    *,
    single: bool = True,
    view: QTableView | None = None,
) -> QTableView:
    """A read-only table (``view``, or a new ``QTableView``) that selects whole rows, one at a
    time unless ``single`` is False, without row numbers."""
    view = view if view is not None else QTableView()
    if name:
        view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    return view


def open_kept(
    owner: QObject,
    attribute: str,
    dialog: QDialog,
    *,
    finished: Callable[[], object] | None = None,
) -> QDialog:
    """Open ``dialog`` without blocking and deleted on close; ``owner.<attribute>`` holds it
    while it is open (tests reach it there); ``finished`` runs once it is answered."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    setattr(owner, attribute, dialog)
    dialog.destroyed.connect(lambda: setattr(owner, attribute, None))
    if finished is not None:
        dialog.finished.connect(lambda _result: finished())
    dialog.open()
    return dialog
