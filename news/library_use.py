"""Where the picture library meets the articles: which library pictures an article uses, and their copies.

An article uses a library picture as its cover (the cover then names the library's own file) or in its body
(an <img> whose address is the library file's). Each save of an article records them
(``Article.library_images``), so the library counts its uses and refuses to delete a picture in use. A library
picture's resized copies are made when it is saved, cropped around its focal point; a moved focal point remakes
the cropped one.
"""

import re

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from news.library.models import LibraryImage
from portal.uploads.renditions import RENDITIONS, make_renditions_of, rendition_name

from .models import Article

SRC = re.compile(r'<img\b[^>]*\ssrc="([^"]+)"', re.IGNORECASE)
CROPPED = [key for key, (_width, height) in RENDITIONS.items() if height]


def used_file_names(article: Article) -> set[str]:
    names = {
        src[len(settings.MEDIA_URL) :] for src in SRC.findall(article.body or "") if src.startswith(settings.MEDIA_URL)
    }
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


@receiver(post_save, sender=LibraryImage)
def make_library_copies(instance: LibraryImage, raw=False, update_fields=None, **kwargs):
    if raw or not instance.file:
        return
    storage, name = instance.file.storage, instance.file.name
    for key in CROPPED:  # the focal point may have moved: the cropped copies are made again
        if storage.exists(rendition_name(name, key)):
            storage.delete(rendition_name(name, key))
    make_renditions_of(storage, name, centering=instance.centering)
