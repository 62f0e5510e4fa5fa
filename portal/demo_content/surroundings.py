"""Demo content around the news: a poll with votes, banners, web links, a video, blocked words and comments.

Safe to run twice: every row is looked up before it is created.
"""

import datetime
import io
import random

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from news.comments.models import BlockedWord, Comment
from news.models import Article
from portal.demo_images import _font
from portal.polls import Poll, PollChoice, PollVote
from portal.site_parts import BannerLink, Video, WebLink

POLL_QUESTION = "Bạn đánh giá như thế nào về trang thông tin điện tử này?"
POLL_CHOICES = [("Rất hữu ích", 58), ("Hữu ích", 31), ("Bình thường", 9), ("Chưa hữu ích", 3)]

BANNERS = [
    ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "https://dangcongsan.vn/", (179, 18, 27)),
    ("Cổng thông tin điện tử tỉnh Long An", "https://www.longan.gov.vn/", (20, 90, 140)),
    ("Báo Long An điện tử", "https://baolongan.vn/", (30, 110, 60)),
]

WEB_LINKS = [
    ("Báo điện tử Đảng Cộng sản Việt Nam", "https://dangcongsan.vn/"),
    ("Tạp chí Tuyên giáo", "https://tuyengiao.vn/"),
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
    ("Bộ Tài nguyên và Môi trường", "https://monre.gov.vn/"),
    ("Cổng thông tin điện tử tỉnh Long An", "https://www.longan.gov.vn/"),
]

COMMENTS = [
    ("Nguyễn Văn Hòa", "Bài viết thiết thực, mong Ban biên tập tiếp tục đưa thêm các gương điển hình ở cơ sở."),
    ("Trần Thị Mai", "Chi bộ chúng tôi đã dùng tài liệu này trong buổi sinh hoạt chuyên đề tháng này. Xin cảm ơn!"),
]


def _banner_png(title: str, color: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (600, 160), color)
    draw = ImageDraw.Draw(image)
    draw.rectangle([8, 8, 591, 151], outline=(245, 197, 66), width=4)
    font = _font(30)
    words, lines, line = title.upper().split(), [], ""
    for word in words:  # wrap by the drawn width, so a long title never runs past the frame
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > 540:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    for n, text in enumerate(lines[:3]):
        draw.text((300, 80 + (n - (len(lines[:3]) - 1) / 2) * 38), text, fill=(255, 255, 255), font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@transaction.atomic
def seed(*, stdout) -> None:
    # opened a while ago: a poll with a hundred votes that "started" a minute ago reads wrong
    opened = timezone.now().replace(hour=8, minute=0, second=0, microsecond=0) - datetime.timedelta(days=60)
    poll, created = Poll.objects.get_or_create(question=POLL_QUESTION, defaults={"opens_at": opened})
    if created:
        rng = random.Random(6)
        for position, (text, weight) in enumerate(POLL_CHOICES):
            choice = PollChoice.objects.create(poll=poll, text=text, position=position)
            PollVote.objects.bulk_create(
                PollVote(poll=poll, choice=choice, voter_key=f"demo-{position}-{n}")
                for n in range(weight + rng.randint(0, 5))
            )
    for position, (title, url, color) in enumerate(BANNERS):
        if not BannerLink.objects.filter(title=title).exists():
            banner = BannerLink(title=title, url=url, position=position)
            banner.image.save(f"banner-{position + 1}.png", ContentFile(_banner_png(title, color)), save=False)
            banner.save()
    for position, (name, url) in enumerate(WEB_LINKS):
        WebLink.objects.get_or_create(name=name, defaults={"url": url, "position": position})
    Video.objects.get_or_create(
        title="Phim tài liệu: Chủ tịch Hồ Chí Minh – Hành trình tìm đường cứu nước",
        defaults={"embed_url": "https://www.youtube.com/watch?v=Hc5v1ZmzFLE"},
    )
    for word in ("lừa đảo", "cờ bạc", "casino"):
        BlockedWord.objects.get_or_create(word=word)
    article = Article.objects.published().order_by("-published_at").first()
    if article and not article.comments.exists():
        for name, text in COMMENTS:
            Comment.objects.create(
                article=article, name=name, email="bandoc@example.vn", text=text, status=Comment.Status.APPROVED
            )
        Comment.objects.create(
            article=article, name="Bạn đọc", email="bandoc2@example.vn", text="Một bình luận đang chờ duyệt."
        )
    stdout.write("Dữ liệu mẫu: thăm dò ý kiến, liên kết banner, liên kết web, video và bình luận.")
