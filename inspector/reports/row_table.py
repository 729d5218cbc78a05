"""A table of many plain one-line rows, drawn straight on the canvas.

The monthly pack lists every employee: 5,000 people are 70,000 cells. A Platypus ``Table``
measures and draws each cell on its own (a text object per cell, a height calculation per
row); here every row has the same height, the cells are strings already cut to their column
(``styles.fit``), and one text object per page draws them all. It looks like ``data_table``:
the same font, shaded header (repeated on each page), zebra rows, grid lines and numbers
right-aligned from ``right_from``; ``marked`` rows get a warning background and one column
in the warning ink.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus import Flowable, Paragraph

from inspector.reports.fonts import FONT_NAME
from inspector.reports.styles import (
    CELL_LEADING,
    CELL_PADDING,
    CELL_SIZE,
    GRID,
    HEADER_BG,
    INK,
    RULE,
    WARN_BG,
    WARN_INK,
    ZEBRA,
)

ROW_HEIGHT = CELL_LEADING + 3.5  # as data_table: leading plus top and bottom padding
HEADER_PADDING = 3.5


class RowTable(Flowable):
    """Rows of strings under a header of Paragraphs; splits between rows across pages."""

    def __init__(
        self,
        header: Sequence[Paragraph],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        right_from: int | None = None,
        marked: frozenset[int] = frozenset(),  # row indexes (0 = first data row)
        marked_column: int | None = None,
        first_index: int = 0,  # the index of rows[0] in the whole table (zebra, marks)
    ) -> None:
        super().__init__()
        self.header = list(header)
        self.rows = rows
        self.widths = list(widths)
        self.right_from = right_from
        self.marked = marked
        self.marked_column = marked_column
        self.first_index = first_index
        self._header_height = 0.0

    def _measure_header(self) -> float:
        if not self._header_height:
            heights = [
                p.wrap(w - 2 * CELL_PADDING, 1e6)[1]
                for p, w in zip(self.header, self.widths, strict=True)
            ]
            self._header_height = max(heights, default=0) + 2 * HEADER_PADDING
        return self._header_height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self._measure_header() + len(self.rows) * ROW_HEIGHT
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fits = int((available_height - self._measure_header()) // ROW_HEIGHT)
        if fits < 1:
            return []
        if fits >= len(self.rows):
            return [self]
        return [self._part(0, fits), self._part(fits, len(self.rows))]

    def _part(self, start: int, end: int) -> RowTable:
        return RowTable(
            self.header,
            self.rows[start:end],
            self.widths,
            right_from=self.right_from,
            marked=self.marked,
            marked_column=self.marked_column,
            first_index=self.first_index + start,
        )

    def draw(self) -> None:
        canvas = self.canv
        width, header = sum(self.widths), self._measure_header()
        top = self.height
        body_top = top - header
        lefts = [sum(self.widths[:n]) for n in range(len(self.widths))]

        canvas.saveState()
        canvas.setFillColor(HEADER_BG)
        canvas.rect(0, body_top, width, header, stroke=0, fill=1)
        for n in range(len(self.rows)):
            index = self.first_index + n
            fill = WARN_BG if index in self.marked else ZEBRA if index % 2 else None
            if fill is not None:
                canvas.setFillColor(fill)
                canvas.rect(0, body_top - (n + 1) * ROW_HEIGHT, width, ROW_HEIGHT, stroke=0, fill=1)
        for paragraph, left, column_width in zip(self.header, lefts, self.widths, strict=True):
            paragraph.wrap(column_width - 2 * CELL_PADDING, 1e6)
            paragraph.drawOn(canvas, left + CELL_PADDING, body_top + HEADER_PADDING - 1)

        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.25)
        lines = canvas.beginPath()
        for n in range(1, len(self.rows)):
            y = body_top - n * ROW_HEIGHT
            lines.moveTo(0, y)
            lines.lineTo(width, y)
        canvas.drawPath(lines, stroke=1, fill=0)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(0, body_top, width, body_top)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, width, top, stroke=1, fill=0)

        text = canvas.beginText()
        text.setFont(FONT_NAME, CELL_SIZE, CELL_LEADING)
        text.setFillColor(INK)
        right_from = self.right_from if self.right_from is not None else len(self.widths)
        rights = [left + w - CELL_PADDING for left, w in zip(lefts, self.widths, strict=True)]
        write = _CellWriter(canvas, text)
        for n, row in enumerate(self.rows):
            baseline = body_top - (n + 1) * ROW_HEIGHT + 2 + (CELL_LEADING - CELL_SIZE) / 2 + 1.2
            marked = self.first_index + n in self.marked
            for column, cell in enumerate(row):
                if not cell:
                    continue
                if column >= right_from:
                    x = rights[column] - write.width(cell)
                else:
                    x = lefts[column] + CELL_PADDING
                if marked and column == self.marked_column:
                    text.setFillColor(WARN_INK)
                    write(cell, x, baseline)
                    text.setFillColor(INK)
                else:
                    write(cell, x, baseline)
        canvas.drawText(text)
        canvas.restoreState()


class _CellWriter:
    """Writes cells into one text object. The same strings come back thousands of times
    ("0", "75.0%", a department), so each one's width and its PDF text operators (the font
    subsets it needs, escaped) are worked out once per document: what ``textOut`` would write,
    without redoing it for every cell. Falls back to ``textOut`` for a font it does not know."""

    def __init__(self, canvas, text) -> None:
        self.canvas = canvas
        # One cache per canvas (one document): subsets are numbered per document.
        if not hasattr(canvas, "_inspector_cells"):
            canvas._inspector_cells = {}
        self.cache: dict[str, list[tuple[int, str]]] = canvas._inspector_cells
        self.text = text
        self.font = getFont(FONT_NAME)
        self.fast = bool(getattr(self.font, "_dynamicFont", False)) and not getattr(
            self.font, "shapable", False
        )
        self.widths: dict[str, float] = {}
        self.tf = f"{fp_str(CELL_SIZE)} Tf {fp_str(CELL_LEADING)} TL"

    def width(self, cell: str) -> float:
        found = self.widths.get(cell)
        if found is None:
            found = self.widths[cell] = stringWidth(cell, FONT_NAME, CELL_SIZE)
        return found

    def __call__(self, cell: str, x: float, y: float) -> None:
        text = self.text
        text.setTextOrigin(x, y)
        if not self.fast:
            text.textOut(cell)
            return
        doc = self.canvas._doc
        parts = self.cache.get(cell)
        if parts is None:
            escape = self.canvas._escape
            parts = [
                (subset, f"({escape(t)}) Tj") for subset, t in self.font.splitString(cell, doc)
            ]
            self.cache[cell] = parts
        code = text._code
        for subset, operator in parts:
            if subset != text._curSubset:
                code.append(f"{self.font.getSubsetInternalName(subset, doc)} {self.tf}")
                text._curSubset = subset
            code.append(operator)
