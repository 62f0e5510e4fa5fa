"""``personal_data export EMAIL`` prints all the portal holds on one address as JSON; ``erase`` removes it."""

import getpass
import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from portal.privacy.services import erase_personal_data, export_personal_data


class Command(BaseCommand):
    help = (
        "Dữ liệu cá nhân của một người theo địa chỉ thư điện tử: 'export' in ra JSON mọi dữ liệu đang lưu; "
        "'erase' xóa hoặc ẩn danh toàn bộ (chạy lại không sao) và ghi nhật ký."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")

    def handle(self, *args, action, email, verbosity=1, **options):
        try:
            validate_email(email.strip())
        except ValidationError as invalid:
            raise CommandError(f"Địa chỉ thư điện tử không hợp lệ: {email!r}") from invalid
        via = f"lệnh personal_data (tài khoản máy: {getpass.getuser()})"
        if action == "export":
            data = export_personal_data(email=email, via=via)
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        log = erase_personal_data(email=email, via=via)
        if verbosity:
            total = sum(log.counts.values())
            details = ", ".join(f"{key}: {n}" for key, n in log.counts.items())
            self.stdout.write(f"Đã xóa hoặc ẩn danh {total} bản ghi ({details}).")
