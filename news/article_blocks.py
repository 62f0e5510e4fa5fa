"""Blocks other apps show under a published article (comments). News imports none of those apps: each registers
its block's template here in its ``AppConfig.ready()``, and the article page includes them in that order, with
the page's context. A preview shows none of them."""

_templates: list[str] = []


def register(template_name: str) -> None:
    if template_name not in _templates:
        _templates.append(template_name)


def templates() -> tuple[str, ...]:
    return tuple(_templates)
