"""Grow the database to N published articles over the years, for load tests and benchmarks (see portal.demo.scale)."""

import datetime
import io
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.demo.scale import ScaleSeeder
from portal.demo.tables import Category


class Command(BaseCommand):
    help = (
        "Tăng số bài viết đã đăng lên N (kèm thẻ, chương trình, chuyên đề, hồ sơ thi đua, lượt xem theo ngày, "
        "bình luận), trải trên nhiều năm, tái lập được theo --seed. Dùng cho thử tải, không dùng trên dữ liệu thật."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="Số bài viết đã đăng cần có (N).")
        parser.add_argument("--seed", type=int, default=1, help="Hạt giống ngẫu nhiên: cùng hạt giống, cùng dữ liệu.")
        parser.add_argument("--years", type=int, default=12, help="Số năm bài viết trải ra (mặc định 12).")
        parser.add_argument(
            "--until", type=datetime.date.fromisoformat, default=None, help="Ngày của bài mới nhất (YYYY-MM-DD)."
        )
        parser.add_argument("--batch", type=int, default=2000, help="Số bài mỗi lô (một giao dịch mỗi lô).")

    def handle(self, *args, articles, seed, years, until, batch, verbosity=1, **options):
        if articles < 0 or years < 1 or batch < 1:
            raise CommandError("--articles ≥ 0, --years ≥ 1 và --batch ≥ 1.")
        started = time.monotonic()
        if not Category.objects.exists():  # the categories, campaigns and themes come from the demo
            call_command("seed_demo", no_images=True, verbosity=0, stdout=self.stdout)
        log = self.stdout.write if verbosity > 1 else None
        seeder = ScaleSeeder(
            articles=articles, seed=seed, years=years, until=until or timezone.localdate(), batch=batch, log=log
        )
        counts = seeder.run()
        # Bulk writes send no signals: the monthly counts, the sitemap's pages and related news are made again.
        call_command("rebuild_derived", stdout=io.StringIO())
        if verbosity:
            summary = ", ".join(f"{name}: {n}" for name, n in counts.items())
            self.stdout.write(self.style.SUCCESS(f"Xong trong {time.monotonic() - started:.0f} s ({summary})."))
