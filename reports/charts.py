"""Bar charts of the report as SVG markup, drawn on the server: no JavaScript library, no CDN,
and they print as they show (vectors, no canvas).

Horizontal bars, one line per network or field; with a comparison, the year before is a paler
bar under the year's. Every text is escaped; the chart is an image with its own title for
screen readers (the table beside it holds the same figures).
"""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

LABEL_WIDTH = 300
BAR_AREA = 380
VALUE_WIDTH = 60
BAR_HEIGHT = 14
GAP = 10
TOP = 28
CURRENT_COLOUR = "#1f5f7a"
PREVIOUS_COLOUR = "#a9c4d2"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    previous: int | None = None


def _shorten(label: str, limit: int = 42) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_chart(
    title: str, bars: list[Bar], *, year: int, previous_year: int | None = None
) -> SafeString:
    comparing = previous_year is not None
    per_line = BAR_HEIGHT * (2 if comparing else 1) + GAP
    width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH
    height = TOP + per_line * max(len(bars), 1) + 24
    largest = max([bar.value for bar in bars] + [bar.previous or 0 for bar in bars] + [1])
    scale = BAR_AREA / largest

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for index, bar in enumerate(bars):
        y = TOP + index * per_line
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT - 3}" text-anchor="end">'
            f"<title>{escape(bar.label)}</title>{escape(_shorten(bar.label))}</text>"
        )
        lines = [(bar.value, CURRENT_COLOUR, year)]
        if comparing:
            lines.append((bar.previous or 0, PREVIOUS_COLOUR, previous_year))
        for offset, (value, colour, when) in enumerate(lines):
            top = y + offset * BAR_HEIGHT
            length = round(value * scale, 1)
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{top}" width="{length}" height="{BAR_HEIGHT - 2}" '
                f'fill="{colour}"><title>{escape(bar.label)} ({when}) : {value}</title></rect>'
                f'<text x="{LABEL_WIDTH + length + 4}" y="{top + BAR_HEIGHT - 4}">{value}</text>'
            )
    if comparing:
        legend_y = height - 8
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{legend_y - 10}" width="12" height="10" '
            f'fill="{CURRENT_COLOUR}"/><text x="{LABEL_WIDTH + 16}" y="{legend_y}">{year}</text>'
            f'<rect x="{LABEL_WIDTH + 70}" y="{legend_y - 10}" width="12" height="10" '
            f'fill="{PREVIOUS_COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + 86}" y="{legend_y}">{previous_year}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above went through escape()


def _drawn(title, bars, report) -> SafeString:
    """The chart, or an empty string when there is nothing to draw (every bar at zero)."""
    if not any(bar.value or bar.previous for bar in bars):
        return mark_safe("")
    return bar_chart(
        title,
        bars,
        year=report.year,
        previous_year=report.previous.year if report.previous else None,
    )


def network_chart(report, key: str, heading: str) -> SafeString:
    """One figure of the networks' table, per network, with the year before if compared."""
    rows = report.network_rows()
    bars = [
        Bar(row.name, row.get(key), old.get(key) if old else (0 if report.previous else None))
        for row, old in rows
    ]
    return _drawn(f"{heading} par réseau", bars, report)


def field_chart(report, key: str, heading: str) -> SafeString:
    before = {row.key: row for row in report.previous.fields} if report.previous else {}
    bars = [
        Bar(
            row.name,
            row.get(key),
            (before[row.key].get(key) if row.key in before else 0) if report.previous else None,
        )
        for row in report.current.fields
    ]
    return _drawn(f"{heading} par champ d'intervention", bars, report)
