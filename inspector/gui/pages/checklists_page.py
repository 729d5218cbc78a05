"""The checklists screen: read the company standards in both languages, with their sources.

Read-only: the standards are edited as files (checklists/*.toml); this screen can check a
folder of such files before it is put in place.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from inspector.domain.checklist import ChecklistSet
from inspector.gui.context import AppContext
from inspector.gui.errors import show_error
from inspector.gui.i18n import Retranslating, current_language
from inspector.gui.models.base import ROW_ROLE
from inspector.gui.models.checklist_model import ChecklistItemsModel, ChecklistTreeModel
from inspector.gui.widgets.build import heading, named_button, table_view, text_label
from inspector.gui.widgets.touch import TOUCH_HEIGHT


class ChecklistsPage(Retranslating, QWidget):
    """A tree of sets (inspection type → area → set) and the items of the selected set."""

    set_shown = Signal(str)  # set id
    validation_finished = Signal(list)  # the problems found (empty: the folder is fine)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistsPage")
        self.context = context

        self.title_label = heading(scale=1.4)
        self.validate_button = named_button(
            "validateChecklists", lambda: self.validate_folder(), height=TOUCH_HEIGHT
        )

        self.tree_model = ChecklistTreeModel(context.catalogue, self)
        self.tree = QTreeView()
        self.tree.setObjectName("checklistTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)  # long titles scroll, never elide
        self.tree.setStyleSheet("QTreeView::item { min-height: 36px; }")
        self.tree.expandAll()
        self.tree.selectionModel().selectionChanged.connect(self._on_select)

        self.set_title = heading("checklistSetTitle", scale=1.2, wrap=True)
        self.set_details = text_label("checklistSetDetails", wrap=True)
        self.set_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.items_model = ChecklistItemsModel(context.catalogue, self)
        self.items_view = table_view(self.items_model, "checklistItems", single=False)
        self.items_view.setAlternatingRowColors(True)
        self.items_view.setWordWrap(True)
        self.items_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        header = self.items_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)

        self.validation_output = QPlainTextEdit()
        self.validation_output.setObjectName("validationOutput")
        self.validation_output.setReadOnly(True)
        self.validation_output.setMaximumHeight(160)
        self.validation_output.hide()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.set_title)
        right_layout.addWidget(self.set_details)
        right_layout.addWidget(self.items_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([320, 960])

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.validate_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.validation_output)

        context.events.language_changed.connect(lambda _lang: self.retranslate_ui())
        self.retranslate_ui()
        first = self.first_set()
        if first is not None:
            self.show_set(first.id)

    # -- sets -----------------------------------------------------------------------------------

    def first_set(self) -> ChecklistSet | None:
        for kind_row in range(self.tree_model.rowCount()):
            kind = self.tree_model.index(kind_row, 0)
            for area_row in range(self.tree_model.rowCount(kind)):
                area = self.tree_model.index(area_row, 0, kind)
                if self.tree_model.rowCount(area):
                    return self.tree_model.index(0, 0, area).data(ROW_ROLE)
        return None

    def show_set(self, set_id: str) -> bool:
        """Select a set in the tree (which shows its items)."""
        index = self.tree_model.set_index(set_id)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def _on_select(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        payload = indexes[0].data(ROW_ROLE)
        if isinstance(payload, ChecklistSet):
            self.items_model.set_checklist(payload)
            self._describe(payload)
            self._size_columns()
            self.set_shown.emit(payload.id)

    def _describe(self, checklist: ChecklistSet | None) -> None:
        if checklist is None:
            self.set_title.setText(self.tr("Choose a checklist set on the left."))
            self.set_details.clear()
            return
        lang = current_language()
        area = self.context.catalogue.area(checklist.area)
        required = sum(1 for i in checklist.items if i.kind.value == "required")
        self.set_title.setText(f"{checklist.title.zh}  ·  {checklist.title.en}")
        self.set_details.setText(
            self.tr(
                "Set {id}, version {version} · area: {area} · {required} required, "
                "{prohibited} prohibited · file: {origin}"
            ).format(
                id=checklist.id,
                version=checklist.version,
                area=area.name.get(lang) if area else checklist.area,
                required=required,
                prohibited=len(checklist.items) - required,
                origin=Path(checklist.origin).name if checklist.origin else "–",
            )
        )

    def _size_columns(self) -> None:
        """Attribute columns fit their contents; the wording and source columns share the rest
        of the width (the item id, last, is reached by scrolling); rows grow to wrap."""
        view = self.items_view
        columns = ChecklistItemsModel.COLUMNS
        shares = {"zh": 0.28, "en": 0.34, "source": 0.38}
        fixed = 0
        for column, name in enumerate(columns):
            if name not in shares:
                view.resizeColumnToContents(column)
                if name != "id":
                    fixed += view.columnWidth(column)
        free = max(480, view.viewport().width() - fixed)
        for name, share in shares.items():
            view.setColumnWidth(columns.index(name), int(free * share))
        view.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.items_model.rowCount():
            self._size_columns()

    # -- validation -----------------------------------------------------------------------------

    def validate_folder(self, folder: str | Path | None = None) -> None:
        """Check a folder of checklist files (with the shipped ones, as the app would load it)."""
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Choose a folder of checklist files"), str(Path.home())
            )
            if not chosen:
                return
            folder = chosen
        folder = Path(folder)
        self.validate_button.setEnabled(False)
        self.validation_output.show()
        self.validation_output.setPlainText(self.tr("Checking {folder}…").format(folder=folder))

        def check(_store, _progress):
            from inspector.files.checklists import validate_dirs

            return validate_dirs([folder])

        self.context.runner.submit(
            check,
            on_done=lambda problems: self._validated(folder, problems),
            on_error=self._validation_error,
        )

    def _validated(self, folder: Path, problems: list) -> None:
        self.validate_button.setEnabled(True)
        if problems:
            lines = [
                self.tr("{folder}: {n} problems to fix").format(folder=folder, n=len(problems))
            ]
            lines += [str(p) for p in problems]
        else:
            lines = [
                self.tr("{folder}: the checklist files load without problems.").format(
                    folder=folder
                )
            ]
        self.validation_output.setPlainText("\n".join(lines))
        self.validation_finished.emit(list(problems))

    def _validation_error(self, exc: Exception) -> None:
        self.validate_button.setEnabled(True)
        self.validation_output.hide()
        show_error(self, exc)

    # -- language -------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.tr("Checklists"))
        self.validate_button.setText(self.tr("Validate checklist folder…"))
        lang = current_language()
        self.tree_model.set_language(lang)
        self.items_model.set_language(lang)
        self._describe(self.items_model.checklist)
