"""Models over the checklist catalogue: a tree of sets and a table of one set's items.

Both are read-only views of the loaded ``Catalogue``; wording follows the UI language, and
``ROW_ROLE`` returns the domain object behind a row (a ``ChecklistSet``, ``Area``,
``InspectionType`` or ``ChecklistItem``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt

from inspector.domain.checklist import (
    AppliesTo,
    Catalogue,
    ChecklistItem,
    ChecklistSet,
    InspectionType,
)
from inspector.gui.i18n import current_language
from inspector.gui.models.base import NO_PARENT, ROW_ROLE, Column, Index, RowsTableModel
from inspector.gui.widgets import status as look


class Wording(QObject):
    """Translated words for the checklist enums the status words do not cover."""

    def applies_to(self, applies: AppliesTo) -> str:
        return {
            AppliesTo.FEMALE: self.tr("Women"),
            AppliesTo.MALE: self.tr("Men"),
            AppliesTo.EVERYONE: self.tr("Everyone"),
        }[applies]

    def inspection_type(self, kind: InspectionType) -> str:
        return {
            InspectionType.LINEUP: self.tr("Line-up inspection"),
            InspectionType.OBSERVATION: self.tr("Floor observation"),
        }[kind]


# -- the tree of sets -----------------------------------------------------------------------


@dataclass(eq=False)
class _Node:
    payload: Any
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    row: int = 0

    def add(self, payload: Any) -> _Node:
        child = _Node(payload, self, row=len(self.children))
        self.children.append(child)
        return child


class ChecklistTreeModel(QAbstractItemModel):
    """Inspection type → area → set (with version), in the catalogue's display order."""

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._lang = current_language()
        self._words = Wording(self)
        self._root = _Node(None)
        self._build()

    def _build(self) -> None:
        self._root = _Node(None)
        for kind in InspectionType:
            sets = self._catalogue.sets_for(kind)
            if not sets:
                continue
            type_node = self._root.add(kind)
            areas: dict[str, _Node] = {}
            for checklist in sets:
                if checklist.area not in areas:
                    area = self._catalogue.area(checklist.area)
                    areas[checklist.area] = type_node.add(area if area else checklist.area)
                areas[checklist.area].add(checklist)

    def set_language(self, lang: str) -> None:
        """Re-read the wording (after a language change)."""
        self._lang = lang
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 0)

    def _node(self, index: Index) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node: _Node = index.internalPointer()
        up = node.parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        if parent.column() > 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        payload = self._node(index).payload
        if role == ROW_ROLE:
            return payload
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._label(payload, tooltip=role == Qt.ItemDataRole.ToolTipRole)
        return None

    def _label(self, payload: Any, *, tooltip: bool) -> str:
        if isinstance(payload, InspectionType):
            return self._words.inspection_type(payload)
        if isinstance(payload, ChecklistSet):
            title = payload.title.get(self._lang)
            label = self.tr("{title} · v{version} ({count} items)").format(
                title=title, version=payload.version, count=len(payload.items)
            )
            if tooltip:
                return f"{payload.title.get('both')}\n{payload.id} · {payload.origin}".strip()
            return label
        if isinstance(payload, str):
            return payload
        return payload.name.get(self._lang)  # an Area

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Checklist sets") if section == 0 else None
        return None

    def set_index(self, set_id: str) -> QModelIndex:
        """The index of a set by id (invalid if it is not shown)."""
        for type_node in self._root.children:
            for area_node in type_node.children:
                for set_node in area_node.children:
                    if set_node.payload.id == set_id:
                        return self.createIndex(set_node.row, 0, set_node)
        return QModelIndex()


# -- the items of one set -------------------------------------------------------------------


class ChecklistItemsModel(RowsTableModel):
    """The items of one checklist set, both wordings and where each comes from."""

    # What a reader needs first comes first; the stable item id (for files and support) last.
    COLUMNS = (
        "kind",
        "zh",
        "en",
        "applies_to",
        "exempt",
        "severity",
        "weight",
        "source",
        "id",
    )
    numbered = True

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._words = Wording(self)
        self._set: ChecklistSet | None = None

    @property
    def checklist(self) -> ChecklistSet | None:
        return self._set

    def set_checklist(self, checklist: ChecklistSet | None) -> None:
        self._set = checklist
        self.set_rows(checklist.items if checklist else ())

    def columns(self) -> Sequence[Column]:  # in the order of COLUMNS
        return (
            Column(self.tr("Kind"), lambda item: look.word(item.kind)),
            Column(self.tr("Chinese"), lambda item: item.text.zh),
            Column(self.tr("English"), lambda item: item.text.en),
            Column(self.tr("Applies to"), lambda item: self._words.applies_to(item.applies_to)),
            Column(self.tr("Exempt roles"), self._exempt_roles),
            Column(self.tr("Severity"), lambda item: look.word(item.severity)),
            Column(self.tr("Weight"), lambda item: str(item.weight)),
            # the file, then where in it
            Column(self.tr("Source"), lambda item: f"{item.source.file}\n{item.source.section}"),
            Column(self.tr("ID"), lambda item: item.id),
        )

    def cell(self, item: ChecklistItem, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.display(item, column).replace("\n", " · ")
        if role == Qt.ItemDataRole.TextAlignmentRole and self.COLUMNS[column] == "weight":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _exempt_roles(self, item: ChecklistItem) -> str:
        names = []
        for role_id in sorted(item.exempt_roles):
            role = self._catalogue.role(role_id)
            names.append(role.name.get(self.language) if role else role_id)
        # Roles whose uniform makes the rule meaningless (pool footwear: the lifeguards).
        for role in self._catalogue.roles:
            if item.exempt_when & role.uniform.all_parts:
                names.append(role.name.get(self.language))
        return ", ".join(names)
