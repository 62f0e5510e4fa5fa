"""Create the demo logins (an administrator, an editor and a writer) if they are missing, and print them."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from portal.demo import newsroom
from portal.roles import ADMINISTRATOR, EDITOR, WRITER

USERS = [
    # username, role, superuser, environment variable with its password
    ("admin", ADMINISTRATOR, True, "ADMIN_PASSWORD"),
    ("bientap", EDITOR, False, "EDITOR_PASSWORD"),
    ("phongvien", WRITER, False, "WRITER_PASSWORD"),  # writes and submits; "bientap" reviews and publishes
]


class Command(BaseCommand):
    help = "Tạo tài khoản quản trị và biên tập mẫu nếu chưa có, rồi in thông tin đăng nhập."

    def handle(self, *args, **options):
        logins_file = settings.SQLITE_PATH.parent / "demo-logins.txt"
        saved = {}
        if logins_file.exists():
            saved = dict(line.split(" ", 1) for line in logins_file.read_text().splitlines() if " " in line)
        User = get_user_model()
        for username, role, is_superuser, variable in USERS:
            password = os.environ.get(variable) or saved.get(username)
            user = User.objects.filter(username=username).first()
            if user is None:
                password = password or secrets.token_urlsafe(9)
                user = User.objects.create_user(username, password=password, is_staff=True, is_superuser=is_superuser)
                user.groups.add(Group.objects.get(name=role))
                saved[username] = password
            elif os.environ.get(variable):
                user.set_password(password)
                user.save(update_fields=["password"])
                saved[username] = password
            shown = saved.get(username, "(đã đặt trước; đổi bằng: manage.py changepassword " + username + ")")
            self.stdout.write(f"  {role}: tên đăng nhập {username} / mật khẩu {shown}")
        logins_file.parent.mkdir(parents=True, exist_ok=True)
        logins_file.write_text("".join(f"{name} {pw}\n" for name, pw in saved.items()))
        logins_file.chmod(0o600)
        self.stdout.write(newsroom.seed())
