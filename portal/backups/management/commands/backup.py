"""Back up the portal: ``manage.py backup DIR`` (the database, MEDIA_ROOT, PRIVATE_MEDIA_ROOT, a manifest)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ...services import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Sao lưu cổng thông tin vào một thư mục mới: cơ sở dữ liệu (pg_dump hoặc bản sao SQLite), "
        "MEDIA_ROOT, PRIVATE_MEDIA_ROOT và manifest.json với mã SHA-256 của từng tệp. "
        "Các lượt xem đang chờ trong Redis được ghi vào cơ sở dữ liệu trước."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="Thư mục mới (chưa có hoặc trống) nhận bản sao lưu.")
        parser.add_argument("--database", default="default", help="Cơ sở dữ liệu cần sao lưu (mặc định: default).")

    def handle(self, *args, directory, database, verbosity, **options):
        try:
            outcome = create_backup(directory=directory, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for warning in outcome.warnings:
            self.stderr.write(self.style.WARNING(warning))
        if verbosity >= 1:
            summary = _("Đã sao lưu vào %(dir)s: %(files)s tệp, %(size)s; %(views)s lượt xem được ghi từ Redis.")
            self.stdout.write(
                self.style.SUCCESS(
                    summary
                    % {
                        "dir": directory,
                        "files": outcome.files,
                        "size": filesizeformat(outcome.size),
                        "views": outcome.views_flushed,
                    }
                )
            )
