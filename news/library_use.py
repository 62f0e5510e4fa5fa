"""Where the picture library meets the articles: which library pictures an article uses, and their copies.

An article uses a library picture as its cover (the cover then names the library's own file) or in its body
(an <img> whose address is the library file's). Each save of an article records them
(``Article.library_images``), so the library counts its uses and refuses to delete a picture in use. A writer's
change to a live article waiting for review counts too: approving it must not put a deleted picture live. A library
picture's resized copies are made when it is saved, cropped around its focal point; a moved focal point remakes
the cropped one.
"""

import re

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from news.library.models import LibraryImage
from portal.uploads.renditions import RENDITIONS, make_renditions_of, rendition_name

from .models import Article, PendingEdit

SRC = re.compile(r'<img\b[^>]*\ssrc="([^"]+)"', re.IGNORECASE)
CROPPED = [key for key, (_width, height) in RENDITIONS.items() if height]


def _media_prefixes() -> tuple[str, ...]:
    """The addresses a stored file's name follows: the storage's own (object storage, a CDN: not MEDIA_URL), and
    MEDIA_URL with and without the site's (a picture copied from a public page and pasted keeps the full one)."""
    probe = "library/x"
    base = LibraryImage._meta.get_field("file").storage.url(probe).split("?")[0].removesuffix(probe)
    return tuple(dict.fromkeys((base, settings.MEDIA_URL, settings.SITE_URL + settings.MEDIA_URL)))


def _body_file_names(body: str) -> set[str]:
    prefixes = _media_prefixes()
    names = set()
    for src in SRC.findall(body or ""):
        prefix = next((p for p in prefixes if src.startswith(p)), None)
        if prefix is not None:
            names.add(src[len(prefix) :])
    return names


def used_file_names(article: Article) -> set[str]:
    names = _body_file_names(article.body)
    for data in PendingEdit.objects.waiting().filter(article=article).values_list("data", flat=True):
        names |= _body_file_names(str(data.get("body") or ""))
    if article.cover:
        names.add(article.cover.name)
    return {name for name in names if name.startswith("library/")}


@receiver(post_save, sender=Article)
def record_library_use(instance: Article, raw=False, **kwargs):
    if raw:
        return
    names = used_file_names(instance)
    images = list(LibraryImage.objects.filter(file__in=names)) if names else []
    instance.library_images.set(images)


@receiver(post_save, sender=PendingEdit)
def record_pending_library_use(instance: PendingEdit, raw=False, **kwargs):
    """A change proposed, refused or approved: the article's pictures are those of its live and waiting texts."""
    if not raw:
        record_library_use(instance.article)


@receiver(post_save, sender=LibraryImage)
def make_library_copies(instance: LibraryImage, raw=False, update_fields=None, **kwargs):
    if raw or not instance.file:
        return
    storage, name = instance.file.storage, instance.file.name
    for key in CROPPED:  # the focal point may have moved: the cropped copies are made again
        if storage.exists(rendition_name(name, key)):
            storage.delete(rendition_name(name, key))
    make_renditions_of(storage, name, centering=instance.centering)
