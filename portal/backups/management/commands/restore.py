"""Restore a backup made by ``manage.py backup``: ``manage.py restore DIR [--force]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ...services import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu của “manage.py backup”: kiểm tra mã SHA-256 của mọi tệp, rồi nạp cơ sở dữ "
        "liệu và các tệp vào cơ sở dữ liệu trống và các thư mục MEDIA_ROOT, PRIVATE_MEDIA_ROOT trống. "
        "Dừng trang và lịch flush_views trong lúc khôi phục."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path, help="Thư mục của bản sao lưu (có manifest.json).")
        parser.add_argument("--database", default="default", help="Cơ sở dữ liệu nhận bản sao lưu (mặc định: default).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ghi đè khi nơi nhận không trống: xóa mọi bảng của cơ sở dữ liệu, ghi đè các tệp trùng tên.",
        )

    def handle(self, *args, directory, database, force, verbosity, **options):
        try:
            outcome = restore_backup(directory=directory, using=database, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for warning in outcome.warnings:
            self.stderr.write(self.style.WARNING(warning))
        if verbosity >= 1:
            summary = _("Đã khôi phục từ %(dir)s: cơ sở dữ liệu và %(files)s tệp (%(size)s).")
            self.stdout.write(
                self.style.SUCCESS(
                    summary % {"dir": directory, "files": outcome.files, "size": filesizeformat(outcome.size)}
                )
            )
