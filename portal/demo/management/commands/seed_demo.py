"""Fill the database with a portal that looks lived in. Safe to run twice: nothing is created twice, and nothing
people made or edited is changed or linked (see ``portal.demo``)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from portal.demo import about, activity, articles, campaigns, citizen, emulation, maintenance, ratings, surroundings
from portal.demo.data import Seeding


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (chương trình, chuyên đề, chuyên mục, bài viết). Chạy lại nhiều lần vẫn an toàn."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-images", action="store_true", help="Không tạo ảnh đại diện (nhanh hơn, cho kiểm thử)."
        )

    def handle(self, *args, no_images=False, verbosity=1, **options):
        seeding = Seeding(with_files=not no_images)
        with transaction.atomic():
            links = campaigns.seed(seeding)
        self.stdout.write(self.style.SUCCESS(articles.seed(seeding, links, stdout=self.stdout, verbosity=verbosity)))
        self.stdout.write(surroundings.seed(seeding))
        self.stdout.write(emulation.seed(seeding=seeding))
        self.stdout.write(activity.seed(seeding))
        self.stdout.write(about.seed(seeding))
        self.stdout.write(citizen.seed(seeding))
        self.stdout.write(ratings.seed())
        self.stdout.write(maintenance.seed())
