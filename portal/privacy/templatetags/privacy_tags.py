"""The policy's plain text as HTML: blank lines part paragraphs, "## " starts a heading, "- " a list item."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


def _block(block: str) -> str:
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    if lines[0].startswith("## "):
        heading = format_html("<h2>{}</h2>", lines[0][3:].strip())
        return heading + (_block("\n".join(lines[1:])) if lines[1:] else "")
    if all(line.startswith("- ") for line in lines):
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((line[2:],) for line in lines)))
    return format_html("<p>{}</p>", " ".join(lines))


@register.filter
def policy_html(text: str) -> str:
    blocks = [block for block in (text or "").replace("\r\n", "\n").split("\n\n") if block.strip()]
    return mark_safe("".join(_block(block) for block in blocks))  # noqa: S308 (every piece escaped by format_html)
