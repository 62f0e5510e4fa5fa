"""Import articles saved from the old portals: ``manage.py import_legacy PATH... [--dry-run]``."""

import re

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Campaign
from news.models import Article, Category

from ...articles import parse_legacy_file
from ...files import LegacyError, legacy_files

DEFAULT_CATEGORY = "Tin từ cổng cũ"
# The article keeps its source line as written ("Nguồn: Báo Long An", "Theo TTXVN"); the report's own label
# "Nguồn:" stands in for the first ("Nguồn: Nguồn: …" read twice).
SOURCE_LABEL = re.compile(r"^Nguồn\s*:?\s*", re.IGNORECASE)


class Command(BaseCommand):
    help = (
        "Nhập bài viết đã lưu từ cổng thông tin cũ (tệp văn bản hoặc HTML, mỗi tệp một bài) thành bài đã đăng. "
        "Chạy lại không tạo bài trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Tệp hoặc thư mục (.html, .htm, .txt).")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ in những gì đọc được, không lưu gì.")
        parser.add_argument("--category", metavar="SLUG", help="Đường dẫn của chuyên mục nhận các bài.")
        parser.add_argument(
            "--campaign", metavar="CODE", help="Số hiệu chương trình gắn thêm cho mọi bài, ví dụ 05-CT/TW."
        )

    def handle(self, *args, paths, dry_run, category, campaign, verbosity, **options):
        target = self._category(category, dry_run)
        extra_campaign = self._campaign(campaign)
        campaigns = Campaign.objects.all()
        counts = {"created": 0, "existing": 0, "failed": 0}
        for path in legacy_files(paths):
            try:
                found = parse_legacy_file(path)
            except LegacyError as error:
                counts["failed"] += 1
                self.stderr.write(_("%(path)s: không nhập được: %(reason)s") % {"path": path, "reason": error})
                continue
            exists = Article.objects.filter(legacy_key=found.key).exists()
            cited = campaigns.cited(found.citations)
            linked = list(dict.fromkeys([*cited.values(), *([extra_campaign] if extra_campaign else [])]))
            if dry_run or verbosity >= 2:
                self._describe(path, found, linked, cited, exists)
            if exists:
                counts["existing"] += 1
                continue
            if not dry_run:
                self._create(found, target, linked)
            counts["created"] += 1
        verb = _("Sẽ tạo") if dry_run else _("Đã tạo")
        summary = _("%(verb)s %(created)s bài, %(existing)s bài đã có từ trước, %(failed)s tệp lỗi.") % {
            "verb": verb,
            **counts,
        }
        if dry_run:
            summary += " " + _("(Chạy thử: không lưu gì.)")
        self.stdout.write(self.style.SUCCESS(summary) if not counts["failed"] else self.style.WARNING(summary))

    def _category(self, slug, dry_run) -> Category | None:
        if slug:
            category = Category.objects.filter(slug=slug).first()
            if category is None:
                raise CommandError(_("Không có chuyên mục với đường dẫn “%(slug)s”.") % {"slug": slug})
            return category
        if dry_run:
            return None
        category = Category.objects.filter(name=DEFAULT_CATEGORY).first()
        return category or Category.objects.create(name=DEFAULT_CATEGORY, show_in_menu=False)

    def _campaign(self, code) -> Campaign | None:
        if not code:
            return None
        campaign = Campaign.objects.by_code(code)
        if campaign is None:
            raise CommandError(_("Không có chương trình với số hiệu “%(code)s”.") % {"code": code})
        return campaign

    def _describe(self, path, found, linked, cited, exists):
        # The campaigns it will link, then what the text cites that names no campaign here.
        missing = [citation.written for citation in found.citations if citation not in cited]
        campaigns = ", ".join(
            [campaign.code for campaign in linked]
            + [_("%(number)s (chưa có trong cổng)") % {"number": number} for number in missing]
        )
        rows = [
            (_("Tiêu đề"), found.title),
            (_("Thời gian đăng"), timezone.localtime(found.published_at).strftime("%d/%m/%Y %H:%M")),
            (_("Lượt xem"), f"{found.view_count:,}".replace(",", ".")),
            (_("Tác giả"), found.author or "—"),
            (_("Nguồn"), SOURCE_LABEL.sub("", found.source) or "—"),
            (_("Chương trình"), campaigns or "—"),
            (_("Đoạn văn, chú thích ảnh"), f"{len(found.paragraphs)}, {len(found.captions)}"),
            (_("Kết quả"), _("đã có, bỏ qua") if exists else _("bài mới")),
        ]
        self.stdout.write(str(path))
        for label, value in rows:
            self.stdout.write(f"  {label}: {value}")

    @transaction.atomic
    def _create(self, found, category, linked) -> Article:
        article = Article.objects.create(
            title=found.title,
            lead=found.lead or found.title,
            body=found.body_html(),
            author_name=found.author,
            source=found.source,
            category=category,
            status=Article.Status.PUBLISHED,
            published_at=found.published_at,
            view_count=found.view_count,
            legacy_key=found.key,
        )
        article.campaigns.set(linked)
        return article
