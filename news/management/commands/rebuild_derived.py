"""Make again what is kept beside the articles, after articles were written in bulk with no signal (SQL, an
import script, ``seed_scale``): the monthly counts, the list of sitemap pages (each written again on its next
request) and the related-news lists (recomputed in the background as readers open articles)."""

from django.core.management.base import BaseCommand

from news import counts, sitemap_pages
from news.related import bump_generation


class Command(BaseCommand):
    help = (
        "Tính lại những gì lưu kèm bài viết sau khi bài được ghi hàng loạt (SQL, nhập dữ liệu): số bài theo "
        "tháng, danh sách trang sơ đồ bài viết và tin liên quan."
    )

    def handle(self, *args, **options):
        months = counts.rebuild()
        pages = sitemap_pages.rebuild_registry()
        bump_generation()
        self.stdout.write(f"Đã tính lại: {months} dòng số bài theo tháng, {pages} trang sơ đồ bài viết.")
