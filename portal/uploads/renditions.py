"""Resized copies of a stored picture: for lists, articles and the social card, offered through ``srcset``.

The copies are tied to the stored picture by its whole name, in a folder no upload can write to
(``renditions/covers/2026/11/anh.jpg/w640.jpg``), so a file someone names like a copy is never served in its
place. A crop (the social card) keeps a focal point in frame. Part of ``uploads``: it imports no other app.
"""

import io
import logging
import warnings

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

# name -> (width, height or None for "keep the ratio"); a height crops to that shape (the social card).
RENDITIONS = {"w320": (320, None), "w640": (640, None), "w1200": (1200, None), "og": (1200, 630)}


RENDITIONS_ROOT = "renditions"  # no upload goes here: a person's file can never pass for a resized copy


def rendition_name(name: str, key: str) -> str:
    """Where the ``key`` copy of the stored picture ``name`` lives: under its whole name (extension included, so
    ``a.jpg`` and ``a.png`` never share copies), in a folder of its own that no upload can write to."""
    return f"{RENDITIONS_ROOT}/{name}/{key}.jpg"


def make_renditions(fieldfile) -> list[str]:
    """Write the missing renditions of an image next to it; a broken original is logged, never raised."""
    return make_renditions_of(fieldfile.storage, fieldfile.name)


def make_renditions_of(storage, name: str, keys=tuple(RENDITIONS), centering=(0.5, 0.5)) -> list[str]:
    """The missing copies of ``name``; a crop (the social card) keeps ``centering`` (the focal point) in frame."""
    made: list[str] = []
    missing = {key: RENDITIONS[key] for key in keys if not storage.exists(rendition_name(name, key))}
    if not missing:
        return made
    try:
        with storage.open(name, "rb") as original, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = ImageOps.exif_transpose(Image.open(original))
            image.load()
    except Exception:
        logger.warning("No renditions for %s: the original cannot be read", name, exc_info=True)
        return made
    image = image.convert("RGB")
    for key, (width, height) in missing.items():
        if height:
            resized = ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS, centering=centering)
        else:
            resized = image.copy()
            resized.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        resized.save(out, "JPEG", quality=82, optimize=True, progressive=True)
        made.append(storage.save(rendition_name(name, key), ContentFile(out.getvalue())))
    return made


def rendition_url(fieldfile, key: str) -> str:
    """The URL of a rendition if it exists, else of the original."""
    name = rendition_name(fieldfile.name, key)
    return fieldfile.storage.url(name) if fieldfile.storage.exists(name) else fieldfile.url


def srcset(fieldfile) -> str:
    """``srcset`` of the width renditions that exist, e.g. ``/media/renditions/a.jpg/w320.jpg 320w, …``."""
    entries = []
    for key, (width, height) in RENDITIONS.items():
        name = rendition_name(fieldfile.name, key)
        if height is None and fieldfile.storage.exists(name):
            entries.append(f"{fieldfile.storage.url(name)} {width}w")
    return ", ".join(entries)


def remove_with_renditions(storage, name: str) -> None:
    """Remove a picture and whatever renditions of it were written (the partial one is the storage's job)."""
    if not name:
        return
    for stored in (name, *(rendition_name(name, key) for key in RENDITIONS)):
        try:
            if storage.exists(stored):
                storage.delete(stored)
        except OSError:
            logger.exception("Could not remove %s", stored)
