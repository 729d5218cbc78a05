"""The charts of the monthly pack (reportlab.graphics): a horizontal bar chart of the most
frequent faults, a line chart of the pass rate by day and one of the last 12 months.

Every label names the CJK font (axis labels, bar values): item wording is Chinese.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Callable, Sequence
from datetime import date

from reportlab.graphics.charts.axes import ValueAxis
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.pdfbase.pdfmetrics import stringWidth

from inspector.reports.fonts import FONT_NAME, register_fonts
from inspector.reports.styles import ACCENT, GRID, INK, MUTED, RULE, WARN_INK

LABEL_SIZE = 7.5
BAR_HEIGHT = 13


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose initial graphics state uses the CJK font (the renderer would otherwise
    start every drawing in a built-in PDF font, which then lands in the file)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT_NAME
    drawing.initialFontSize = LABEL_SIZE
    return drawing


def _say_empty(drawing: Drawing, empty_label: str) -> Drawing:
    """``drawing`` with ``empty_label`` in its middle, for a chart with nothing to draw."""
    drawing.add(String(drawing.width / 2, drawing.height / 2, empty_label, fontName=FONT_NAME,
                       fontSize=9, fillColor=MUTED, textAnchor="middle"))  # fmt: skip
    return drawing


def _value_axis(
    axis: ValueAxis,
    label_format: Callable[[float], str],
    *,
    label_size: float = LABEL_SIZE,
    grid: bool = False,
) -> None:
    """A chart's axis in the reports' look: muted labels in the CJK font, a rule-coloured
    line and (``grid``) light grid lines across the plot."""
    axis.labels.fontName = FONT_NAME
    axis.labels.fontSize = label_size
    axis.labels.fillColor = MUTED
    axis.labelTextFormat = label_format
    axis.strokeColor = RULE
    if grid:
        axis.visibleGrid = 1
        axis.gridStrokeColor = GRID
        axis.gridStrokeWidth = 0.4


def _line_plot(width: float, height: float, bottom: float) -> LinePlot:
    """A line plot filling a drawing of ``width`` x ``height`` above ``bottom`` (room for the
    axis labels at the left), its line labels in the CJK font."""
    plot = LinePlot()
    plot.x = 42
    plot.y = bottom
    plot.width = width - plot.x - 12
    plot.height = height - plot.y - 10
    plot.lineLabels.fontName = FONT_NAME
    plot.lineLabels.fontSize = LABEL_SIZE
    return plot


def _percent_y_axis(plot: LinePlot, values: Sequence[float], suffix: str) -> tuple[float, float]:
    """The y axis of ``plot`` over ``values`` (see :func:`compliance_axis`), labelled with as
    many decimals as its step needs and ``suffix``; returns its (minimum, maximum)."""
    lower, upper, step = compliance_axis(values)
    decimals = 0 if step >= 1 else 1 if step >= 0.1 else 2
    y_axis = plot.yValueAxis
    y_axis.valueMin = lower
    y_axis.valueMax = upper
    y_axis.valueStep = step
    _value_axis(y_axis, lambda v: f"{v:.{decimals}f}{suffix}", grid=True)
    return lower, upper


def _ellipsize(text: str, width: float, size: float = LABEL_SIZE) -> str:
    if stringWidth(text, FONT_NAME, size) <= width:
        return text
    while text and stringWidth(text + "…", FONT_NAME, size) > width:
        text = text[:-1]
    return text + "…"


def fault_bar_chart(
    bars: Sequence[tuple[Sequence[str], int]], width: float, *, empty_label: str = ""
) -> Drawing:
    """Bars of ``(label lines, count)``, the first at the top. A label has one line per
    language (two in a bilingual report); each line is cut to fit the label column."""
    register_fonts()
    lines_per_label = max((len(lines) for lines, _ in bars), default=1)
    row = BAR_HEIGHT + (lines_per_label - 1) * (LABEL_SIZE + 1) + 6
    label_width = width * 0.42
    bottom = 18
    height = bottom + max(1, len(bars)) * row + 6
    drawing = _drawing(width, height)
    if not bars:
        return _say_empty(drawing, empty_label)
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = bottom
    chart.width = width - label_width - 28
    chart.height = len(bars) * row
    chart.data = [[count for _, count in bars]]
    chart.categoryAxis.categoryNames = [
        "\n".join(_ellipsize(line, label_width - 8) for line in lines) for lines, _ in bars
    ]
    chart.categoryAxis.reverseDirection = 1  # the most frequent at the top
    chart.categoryAxis.labels.fontName = FONT_NAME
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.leading = LABEL_SIZE + 1
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickLeft = 0
    top = max(count for _, count in bars)
    step = max(1, _nice_step(top / 5))  # counts: whole-number ticks only
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, math.ceil(top / step) * step)
    chart.valueAxis.valueStep = step
    _value_axis(chart.valueAxis, lambda v: f"{v:,.0f}", grid=True)
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barWidth = BAR_HEIGHT
    chart.groupSpacing = row - BAR_HEIGHT
    chart.barLabelFormat = lambda v: f"{v:,}"
    chart.barLabels.fontName = FONT_NAME
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.fillColor = INK
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def _nice_step(raw: float) -> float:
    """1, 2 or 5 times a power of ten, at least ``raw``."""
    if raw <= 0:
        return 1
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return max(factor * power, 1e-9)
    return 10 * power


def compliance_axis(values: Sequence[float]) -> tuple[float, float, float]:
    """(minimum, maximum, step) of a percent axis that shows small differences: compliance
    near 100% would be a flat line on a 0-100 axis."""
    low, high = min(values), max(values)
    span = max(high - low, 0.2)
    step = _nice_step(span / 4)
    lower = max(0.0, math.floor((low - span * 0.25) / step) * step)
    upper = min(100.0, math.ceil((high + span * 0.1) / step) * step)
    if upper <= lower:
        upper = lower + step
    return lower, upper, step


def trend_line_chart(
    points: Sequence[tuple[date, float | None]],
    month: date,
    width: float,
    *,
    average: float | None = None,
    empty_label: str = "",
    height: float = 150,
) -> Drawing:
    """Compliance (0-1) by day of ``month``; days without a figure are left out. A dashed
    line marks ``average`` (the month's compliance)."""
    register_fonts()
    drawing = _drawing(width, height)
    data = [(day.day, value * 100) for day, value in points if value is not None]
    if not data:
        return _say_empty(drawing, empty_label)
    days_in_month = calendar.monthrange(month.year, month.month)[1]
    values = [v for _, v in data] + ([average * 100] if average is not None else [])
    plot = _line_plot(width, height, 22)
    plot.data = [data]
    plot.lines[0].strokeColor = ACCENT
    plot.lines[0].strokeWidth = 1.4
    plot.lines[0].symbol = makeMarker(
        "FilledCircle", size=3.2, fillColor=ACCENT, strokeColor=ACCENT
    )
    x_axis = plot.xValueAxis
    x_axis.valueMin = 1
    x_axis.valueMax = days_in_month
    x_axis.valueSteps = [d for d in range(1, days_in_month + 1) if d == 1 or d % 5 == 0]
    _value_axis(x_axis, lambda v: f"{v:.0f}")
    lower, upper = _percent_y_axis(plot, values, "%")
    drawing.add(plot)
    if average is not None and lower <= average * 100 <= upper:
        y = plot.y + (average * 100 - lower) / (upper - lower) * plot.height
        drawing.add(Line(plot.x, y, plot.x + plot.width, y, strokeColor=WARN_INK,
                         strokeWidth=0.7, strokeDashArray=[3, 2]))  # fmt: skip
    return drawing


SERIES_COLOURS = ("#1F6F8B", "#C8553D", "#588157", "#8E6C8A", "#D4A017", "#5C6B73", "#2A9D8F")


def month_trend_chart(
    series: Sequence[tuple[str, Sequence[tuple[date, float | None]]]],
    width: float,
    *,
    percent: bool = True,
    empty_label: str = "",
    height: float = 170,
    legend: bool = True,
) -> Drawing:
    """Values by month (``percent``: ratios 0-1 shown as %; else scores 0-100), one line per
    series, the first drawn thick (the whole scope). Months without a value are left out of
    a line; a legend names the series under the plot."""
    from reportlab.lib import colors

    register_fonts()
    drawing = _drawing(width, height)
    months = [m for m, _ in series[0][1]] if series else []
    scale_by = 100 if percent else 1
    lines = [
        [(index, value * scale_by) for index, (_, value) in enumerate(points) if value is not None]
        for _, points in series
    ]
    if not any(lines):
        return _say_empty(drawing, empty_label)
    legend_rows = math.ceil(len(series) / 4) if legend and len(series) > 1 else 0
    values = [v for line in lines for _, v in line]
    plot = _line_plot(width, height, 22 + legend_rows * 11)
    kept = [(n, line) for n, line in enumerate(lines) if line]
    plot.data = [line for _, line in kept]
    for index, (n, _) in enumerate(kept):
        colour = colors.HexColor(SERIES_COLOURS[n % len(SERIES_COLOURS)]) if n else INK
        plot.lines[index].strokeColor = colour
        plot.lines[index].strokeWidth = 2.2 if n == 0 else 0.9
        plot.lines[index].symbol = makeMarker(
            "FilledCircle", size=3.4 if n == 0 else 2.2, fillColor=colour, strokeColor=colour
        )
    x_axis = plot.xValueAxis
    x_axis.valueMin = -0.3
    x_axis.valueMax = len(months) - 0.7
    x_axis.valueSteps = list(range(len(months)))
    _value_axis(
        x_axis,
        lambda v: f"{months[round(v)]:%y-%m}" if 0 <= round(v) < len(months) else "",
        label_size=LABEL_SIZE - 0.5,
    )
    _percent_y_axis(plot, values, "%" if percent else "")
    drawing.add(plot)
    if legend_rows:
        column = (width - plot.x) / 4
        for n, (name, _) in enumerate(series):
            x = plot.x + (n % 4) * column
            y = 4 + (legend_rows - 1 - n // 4) * 11
            colour = colors.HexColor(SERIES_COLOURS[n % len(SERIES_COLOURS)]) if n else INK
            drawing.add(Line(x, y + 3, x + 12, y + 3, strokeColor=colour,
                             strokeWidth=2.2 if n == 0 else 1))  # fmt: skip
            drawing.add(String(x + 15, y, _ellipsize(name, column - 18), fontName=FONT_NAME,
                               fontSize=LABEL_SIZE, fillColor=INK))  # fmt: skip
    return drawing
