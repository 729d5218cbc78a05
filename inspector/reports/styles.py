"""The reports' one stylesheet: paragraph styles, table styles (built once and cached), colours
and the helpers that put text in cells.

Every style names the CJK font: a paragraph, a table cell or a chart label never falls back to
a built-in PDF font. Plain table cells are plain strings (fast); only columns that may hold
long text (item wording, notes) are Paragraphs, which wrap Chinese and English alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Protocol
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table, TableStyle

from inspector.domain.text import Text
from inspector.reports import i18n
from inspector.reports.fonts import FONT_NAME, register_fonts

PAGE_SIZE = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 18 * mm
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN_X

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
RULE = colors.HexColor("#9aa5b1")
GRID = colors.HexColor("#cbd2d9")
HEADER_BG = colors.HexColor("#e4e7eb")
ZEBRA = colors.HexColor("#f5f7fa")
ACCENT = colors.HexColor("#2f6f9f")
WARN_BG = colors.HexColor("#fde8e8")
WARN_INK = colors.HexColor("#b42318")
GOOD_INK = colors.HexColor("#1e7a46")

BODY_SIZE = 9
CELL_SIZE = 8
CELL_LEADING = 10
CELL_PADDING = 2.5


@cache
def paragraph_styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=FONT_NAME,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.35,
        textColor=INK,
        # Default wrapping: English breaks between words, and a Chinese run that does not fit
        # is split where the line ends (splitLongWords). CJK mode would break English words.
        splitLongWords=1,
    )

    def derive(name: str, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "title": derive("title", fontSize=17, leading=22, spaceAfter=2, textColor=INK),
        "subtitle": derive("subtitle", fontSize=10.5, leading=14, textColor=MUTED, spaceAfter=8),
        "heading": derive(
            "heading", fontSize=12, leading=16, spaceBefore=10, spaceAfter=5, textColor=ACCENT
        ),
        "small": derive("small", fontSize=7.5, leading=10, textColor=MUTED),
        "cell": derive("cell", fontSize=CELL_SIZE, leading=CELL_LEADING),
        "cell_header": derive("cell_header", fontSize=CELL_SIZE, leading=CELL_LEADING),
        "cell_header_right": derive(
            "cell_header_right", fontSize=CELL_SIZE, leading=CELL_LEADING, alignment=TA_RIGHT
        ),
        "cell_center": derive(
            "cell_center", fontSize=CELL_SIZE, leading=CELL_LEADING, alignment=TA_CENTER
        ),
        "figure_label": derive("figure_label", fontSize=9, leading=12, textColor=MUTED),
        "figure_value": derive("figure_value", fontSize=13, leading=16, alignment=TA_LEFT),
        "signature": derive("signature", fontSize=10, leading=14),
    }


def hex_color(color: colors.Color) -> str:
    """'#rrggbb' for Paragraph markup."""
    return "#" + color.hexval()[2:]


def style(name: str) -> ParagraphStyle:
    return paragraph_styles()[name]


def para(text: str, style_name: str = "cell") -> Paragraph:
    """A Paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style(style_name))


def markup(xml: str, style_name: str = "cell") -> Paragraph:
    """A Paragraph of ReportLab markup the caller has escaped."""
    return Paragraph(xml, style(style_name))


HEADING_ROOM = 80  # a heading, a table header and a couple of rows


def heading(text: str) -> list[Flowable]:
    """A section heading that never ends a page: it starts a new page when less than
    ``HEADING_ROOM`` is left (a break, not KeepTogether, so long tables still start here)."""
    return [CondPageBreak(HEADING_ROOM), para(text, "heading")]


def header_row(labels: list[str], right_from: int | None = None) -> list[Paragraph]:
    """Header cells wrap (bilingual headers are long); number columns are right-aligned."""
    return [
        para(
            text,
            "cell_header_right" if right_from is not None and i >= right_from else "cell_header",
        )
        for i, text in enumerate(labels)
    ]


def label_header(keys: Sequence[str], lang: str, right_from: int | None = None) -> list[Paragraph]:
    """:func:`header_row` of the labels of ``keys`` in ``lang``."""
    return header_row([i18n.label(k, lang) for k in keys], right_from)


def fit(text: str, width: float, size: float = CELL_SIZE) -> str:
    """``text`` cut with an ellipsis to fit one line of ``width`` points of a plain cell."""
    room = width - 2 * CELL_PADDING
    if len(text) * size * 0.5 <= room or stringWidth(text, FONT_NAME, size) <= room:
        return text
    while text and stringWidth(text + "…", FONT_NAME, size) > room:
        text = text[:-1]
    return text + "…"


@cache
def grid_style(
    right_from: int | None = None, header_rows: int = 1, zebra: bool = True
) -> TableStyle:
    """The data-table style, built once per shape: CJK font everywhere, a shaded header,
    thin grid, zebra rows, numbers right-aligned from column ``right_from``."""
    register_fonts()
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
        ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
        ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
    ]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, RULE),
        ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]))
    if right_from is not None:
        commands.append(("ALIGN", (right_from, 0), (-1, -1), "RIGHT"))
    return TableStyle(commands)


@cache
def pairs_style(columns: int) -> TableStyle:
    """Label / value pairs (key figures, line-up details): no grid, labels muted."""
    register_fonts()
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
        ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE),
        ("LEADING", (0, 0), (-1, -1), BODY_SIZE * 1.3),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
    ]
    for col in range(0, columns, 2):
        commands += [
            ("BACKGROUND", (col, 0), (col, -1), ZEBRA),
            ("TEXTCOLOR", (col, 0), (col, -1), MUTED),
        ]
    return TableStyle(commands)


def pairs_table(pairs: list[tuple[str, str]], per_row: int, widths: list[float]) -> Table:
    """Label / value pairs, ``per_row`` pairs a row (labels wrap: bilingual labels are long)."""
    cells: list = [para(text, "cell") for pair in pairs for text in pair]
    columns = per_row * 2
    while len(cells) % columns:
        cells.append("")
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    return Table(rows, colWidths=widths, style=pairs_style(columns), hAlign="LEFT")


def data_table(
    rows: list[list],
    widths: list[float],
    *,
    right_from: int | None = None,
    extra: list[tuple] | None = None,
    header_rows: int = 1,
) -> Table:
    """A data table that splits by row across pages and repeats its header."""
    table = Table(
        rows,
        colWidths=widths,
        repeatRows=header_rows,
        splitByRow=1,
        style=grid_style(right_from, header_rows),
        hAlign="LEFT",
    )
    if extra:
        table.setStyle(TableStyle(extra))
    return table


def scale(widths: list[float], total: float = CONTENT_WIDTH) -> list[float]:
    """Column widths given as shares, scaled to ``total`` points."""
    whole = sum(widths)
    return [w * total / whole for w in widths]


def signature_table(signers: list[str], date_label: str) -> Table:
    """Signature lines for a printed sheet: one row per signer, each with a line to sign on and
    a line for the date."""
    cell = style("signature")
    rows = [
        [Paragraph(escape(signer), cell), "", Paragraph(escape(date_label), cell), ""]
        for signer in signers
    ]
    return Table(
        rows,
        colWidths=scale([28, 36, 16, 20], CONTENT_WIDTH),
        rowHeights=[14 * mm] * len(rows),
        hAlign="LEFT",
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, MUTED),
                ("LINEBELOW", (3, 0), (3, -1), 0.6, MUTED),
                ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),
            ]
        ),
    )


class RankedFault(Protocol):
    @property
    def text(self) -> Text: ...
    @property
    def severity(self) -> str: ...
    @property
    def count(self) -> int: ...
    @property
    def people(self) -> int: ...


def ranked_fault_rows(
    faults: Sequence[RankedFault], labels: list[str], lang: str, limit: int
) -> list[list]:
    """The first ``limit`` faults as table rows under a header: rank, item, severity, times
    and people; ``labels`` are the headers of the last four columns."""
    rows = [header_row(["#", *labels], right_from=3)]
    rows += [
        [
            str(rank),
            para(f.text.get(lang)),
            i18n.severity_label(str(f.severity), lang),
            f"{f.count:,}",
            f"{f.people:,}",
        ]
        for rank, f in enumerate(faults[:limit], start=1)
    ]
    return rows
