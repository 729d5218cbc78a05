"""Models over the checklist catalogue: a tree of sets and a table of one set's items.

Both are read-only views of the loaded ``Catalogue``; wording follows the UI language, and
``ROW_ROLE`` returns the domain object behind a row (a ``ChecklistSet``, ``Area``,
``InspectionType`` or ``ChecklistItem``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from inspector.domain.checklist import (
    AppliesTo,
    Catalogue,
    ChecklistItem,
    ChecklistSet,
    InspectionType,
    ItemKind,
    Severity,
)

ROW_ROLE = Qt.ItemDataRole.UserRole

AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the default parent: the invisible root


def ui_language() -> str:
    """The UI language, "zh" or "en" (Chinese until the i18n module says otherwise)."""
    try:
        from inspector.gui.i18n import current_language
    except ImportError:  # pragma: no cover - i18n ships with the main window
        return "zh"
    lang = current_language()
    return lang if lang in ("zh", "en") else "zh"


class Wording(QObject):
    """Translated words for the checklist enums, shared by the screens."""

    def kind(self, kind: ItemKind) -> str:
        return self.tr("Required") if kind is ItemKind.REQUIRED else self.tr("Prohibited")

    def applies_to(self, applies: AppliesTo) -> str:
        return {
            AppliesTo.FEMALE: self.tr("Women"),
            AppliesTo.MALE: self.tr("Men"),
            AppliesTo.EVERYONE: self.tr("Everyone"),
        }[applies]

    def severity(self, severity: Severity) -> str:
        return {
            Severity.MINOR: self.tr("Minor"),
            Severity.MAJOR: self.tr("Major"),
            Severity.CRITICAL: self.tr("Critical"),
        }[severity]

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
        self._lang = ui_language()
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

    def _node(self, index: AnyIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: AnyIndex = NO_PARENT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: AnyIndex = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node: _Node = index.internalPointer()
        up = node.parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        if parent.column() > 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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


class ChecklistItemsModel(QAbstractTableModel):
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

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._lang = ui_language()
        self._words = Wording(self)
        self._set: ChecklistSet | None = None
        self._items: list[ChecklistItem] = []

    @property
    def checklist(self) -> ChecklistSet | None:
        return self._set

    def set_checklist(self, checklist: ChecklistSet | None) -> None:
        self.beginResetModel()
        self._set = checklist
        self._items = list(checklist.items) if checklist else []
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if self._items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._items) - 1, len(self.COLUMNS) - 1)
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (
            self.tr("Kind"),
            self.tr("Chinese"),
            self.tr("English"),
            self.tr("Applies to"),
            self.tr("Exempt roles"),
            self.tr("Severity"),
            self.tr("Weight"),
            self.tr("Source"),
            self.tr("ID"),
        )[section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ROW_ROLE:
            return item
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._text(item, column).replace("\n", " · ")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "weight":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, item: ChecklistItem, column: str) -> str:
        if column == "id":
            return item.id
        if column == "kind":
            return self._words.kind(item.kind)
        if column == "zh":
            return item.text.zh
        if column == "en":
            return item.text.en
        if column == "applies_to":
            return self._words.applies_to(item.applies_to)
        if column == "exempt":
            names = []
            for role_id in sorted(item.exempt_roles):
                role = self._catalogue.role(role_id)
                names.append(role.name.get(self._lang) if role else role_id)
            # Roles whose uniform makes the rule meaningless (pool footwear: the lifeguards).
            for role in self._catalogue.roles:
                if item.exempt_when & role.uniform.all_parts:
                    names.append(role.name.get(self._lang))
            return ", ".join(names)
        if column == "severity":
            return self._words.severity(item.severity)
        if column == "weight":
            return str(item.weight)
        return f"{item.source.file}\n{item.source.section}"  # source: the file, then where
