"""Vietnamese text helpers shared by every app: readable ASCII slugs and accent folding."""

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ``text`` and strip Vietnamese diacritics: "Đảng ủy" -> "dang uy".

    Django's slugify drops "đ" (it has no decomposition), so it is mapped by hand first.
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


# Characters Unicode marks "default ignorable" that are not format characters (Cf): the combining grapheme
# joiner, Hangul fillers, Khmer inherent vowels, variation selectors.
_IGNORABLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0" + "".join(map(chr, range(0xFE00, 0xFE10))))


def visible(text: str) -> str:
    """``text`` without what shows nothing: whitespace, zero-width and bidi marks, soft hyphens (category Cf).

    "\u200b\u200d\u00ad " gives "": a comment or name made of such characters is empty to a reader.
    """
    return "".join(ch for ch in text if not ch.isspace() and ch not in _IGNORABLE and unicodedata.category(ch) != "Cf")


def vietnamese_slugify(text: str, max_length: int = 0) -> str:
    """A readable ASCII slug: "Quyết định số 123/QĐ-UBND" -> "quyet-dinh-so-123-qd-ubnd"."""
    slug = _NON_WORD.sub("-", fold(text)).strip("-")
    if max_length and len(slug) > max_length:
        # Cut at a word boundary so the slug never ends in half a word.
        slug = slug[:max_length].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
    return slug


def unique_slug(model, text: str, *, max_length: int, instance_pk=None, **scope) -> str:
    """A slug for ``text`` that no other row of ``model`` (within ``scope``) uses, with -2, -3... if needed."""
    base = vietnamese_slugify(text, max_length=max_length - 4) or "bai-viet"
    slug, n = base, 2
    others = model._default_manager.filter(**scope).exclude(pk=instance_pk)
    while others.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
