"""Resized copies of pictures in templates: ``{{ article.cover|srcset }}``, ``{{ article.cover|rendition:"og" }}``."""

from django import template

from news.images import rendition_url
from news.images import responsive_images as _responsive_images
from news.images import srcset as _srcset

register = template.Library()


@register.filter
def srcset(fieldfile) -> str:
    return _srcset(fieldfile) if fieldfile else ""


@register.filter
def rendition(fieldfile, key: str) -> str:
    return rendition_url(fieldfile, key) if fieldfile else ""


@register.filter
def responsive_images(html: str) -> str:
    """The article body with lazy-loading pictures and their srcset; the template still marks it safe."""
    return _responsive_images(html)
