"""Charts drawn on the server as inline SVG: no JavaScript library, readable in print and without scripts.

Used by the admin's statistics and reports. Every label is escaped; the result is safe to put in a template.
"""

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from portal.formats import vn_number

_FONT = 'font-family="Segoe UI, Roboto, DejaVu Sans, Arial, sans-serif"'
_RED = "#b3121b"


def _nice_max(value: float) -> float:
    """A round upper bound for an axis (1, 2, 5 × 10^n)."""
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def bar_chart(items: Sequence[tuple[str, float]], *, title: str, width: int = 720, unit: str = "") -> SafeString:
    """Horizontal bars, one per (label, value), largest scale at the right edge."""
    label_width, bar_height, gap, top = int(width * 0.44), 22, 8, 34
    height = top + len(items) * (bar_height + gap) + 10
    largest = max((value for _label, value in items), default=0) or 1
    available = width - label_width - 90
    if not items:  # a title over nothing reads like a broken chart
        height = top + bar_height + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{escape(title)}" {_FONT} font-size="13">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="18" font-size="15" font-weight="700" fill="#222">{escape(title)}</text>',
    ]
    if not items:
        parts.append(f'<text x="0" y="{top + 16}" fill="#5f6368">{escape(_("Không có số liệu trong kỳ này."))}</text>')
    for index, (label, value) in enumerate(items):
        y = top + index * (bar_height + gap)
        length = max(1, round(available * value / largest)) if value else 0
        short = label if len(label) <= 48 else label[:47] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" fill="#333">'
            f"<title>{escape(label)}</title>{escape(short)}</text>"
            f'<rect x="{label_width}" y="{y}" width="{length}" height="{bar_height}" fill="{_RED}" rx="2"/>'
            f'<text x="{label_width + length + 6}" y="{y + 16}" fill="#222">{vn_number(value)}{escape(unit)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every piece of text above is escaped)


def line_chart(points: Sequence[tuple[str, float]], *, title: str, width: int = 720, height: int = 260) -> SafeString:
    """A line with dots over (label, value) points in order; about eight labels on the x axis."""
    left, right, top, bottom = 56, 16, 34, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    largest = _nice_max(max((value for _, value in points), default=0))
    n = len(points)

    def x(i: int) -> float:
        return left + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(value: float) -> float:
        return top + plot_h - plot_h * value / largest

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{escape(title)}" {_FONT} font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="18" font-size="15" font-weight="700" fill="#222">{escape(title)}</text>',
    ]
    for step in range(5):
        value = largest * step / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#e6e0d6"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" fill="#5f6368">{vn_number(value)}</text>'
        )
    if n:
        every = max(1, round(n / 8))
        for i, (label, _) in enumerate(points):
            if (i % every == 0 and n - 1 - i >= every / 2) or i == n - 1:  # the last label never overlaps
                parts.append(
                    f'<text x="{x(i):.1f}" y="{height - 12}" text-anchor="middle" fill="#5f6368">{escape(label)}</text>'
                )
        path = " ".join(f"{'M' if i == 0 else 'L'}{x(i):.1f},{y(v):.1f}" for i, (_, v) in enumerate(points))
        parts.append(f'<path d="{path}" fill="none" stroke="{_RED}" stroke-width="2"/>')
        for i, (label, value) in enumerate(points):
            parts.append(
                f'<circle cx="{x(i):.1f}" cy="{y(value):.1f}" r="3" fill="{_RED}">'
                f"<title>{escape(label)}: {vn_number(value)}</title></circle>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every piece of text above is escaped)
