"""Make the resized copies that are missing: article covers and the pictures in article bodies.

Run after restoring media from elsewhere or after an upgrade that moved the copies (they now live under
``renditions/``); it only writes what is missing, so running it twice does nothing the second time.
"""

import re

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand

from news.images import EDITOR_WIDTHS, make_renditions, make_renditions_of
from news.models import Article

SRC = re.compile(r'<img\b[^>]*\ssrc="([^"]+)"', re.IGNORECASE)


class Command(BaseCommand):
    help = "Tạo các bản thu nhỏ còn thiếu của ảnh đại diện và ảnh trong nội dung bài viết."

    def handle(self, *args, **options):
        made = 0
        for article in Article.objects.only("id", "cover", "body").iterator(chunk_size=500):
            if article.cover:
                made += len(make_renditions(article.cover))
            for src in SRC.findall(article.body or ""):
                if src.startswith(settings.MEDIA_URL) and "/renditions/" not in src:
                    name = src[len(settings.MEDIA_URL) :]
                    if default_storage.exists(name):
                        made += len(make_renditions_of(default_storage, name, keys=EDITOR_WIDTHS))
        self.stdout.write(f"Đã tạo {made} bản thu nhỏ.")
