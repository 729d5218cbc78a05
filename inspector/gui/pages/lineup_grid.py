"""The whole line-up at a glance: people × areas, coloured by result; Enter jumps to a person."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from inspector.gui.i18n import Retranslating
from inspector.gui.models.lineup_grid_model import AREA_ROLE, LineupGridModel
from inspector.gui.widgets import status as look
from inspector.gui.widgets.touch import TOUCH_HEIGHT


class LineupGrid(Retranslating, QWidget):
    """``person_chosen(row, area_id)`` on Enter, double-click or a tap on a highlighted cell."""

    person_chosen = Signal(int, str)

    def __init__(self, model: LineupGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.hint = QLabel()
        self.legend = QHBoxLayout()
        self._legend_labels: dict[str, QLabel] = {}
        for key in ("all_pass", "faults", "todo", "absent", "leave", "na"):
            label = QLabel()
            label.setStyleSheet(
                f"background:{look.BACKGROUNDS[key].name()}; color:{look.COLOURS[key].darker(130).name()};"
                "border:1px solid #bdbdbd; border-radius:4px; padding:4px 10px;"
            )
            self._legend_labels[key] = label
            self.legend.addWidget(label)
        self.legend.addStretch(1)
        self.view = QTableView()
        self.view.setObjectName("lineup_grid_view")
        self.view.setModel(model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setDefaultSectionSize(TOUCH_HEIGHT - 8)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(64)
        self.view.activated.connect(self._choose)
        self.view.doubleClicked.connect(self._choose)
        model.modelReset.connect(self._resize_name_columns)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(self.legend)
        layout.addWidget(self.view, 1)
        self.retranslate_ui()

    def _resize_name_columns(self) -> None:
        """Widths from the words, measured once per line-up: a column sized to its contents
        would measure every row again on each change (a fifth of a second with 1,600 people)."""
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        rows = self.model.rows()
        for column in (LineupGridModel.NUMBER, LineupGridModel.NAME):
            texts = [str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")]
            texts += [
                r.person.employee.employee_no
                if column == LineupGridModel.NUMBER
                else r.person.employee.name
                for r in rows
            ]
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, max(metrics.horizontalAdvance(t) for t in texts) + 24)

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.person_chosen.emit(index.row(), index.data(AREA_ROLE) or "")

    def select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            column = max(self.view.currentIndex().column(), 0)
            index = self.model.index(row, column)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def retranslate_ui(self) -> None:
        self.hint.setText(
            self.tr("The whole line-up: Enter or double-click jumps to a person. G goes back.")
        )
        words = {
            "all_pass": self.tr("✓ All pass"),
            "faults": self.tr("✘ Faults"),
            "todo": self.tr("To do"),
            "absent": self.tr("Absent"),
            "leave": self.tr("On leave"),
            "na": self.tr("– Does not apply"),
        }
        for key, label in self._legend_labels.items():
            label.setText(words[key])

    def focus_view(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
