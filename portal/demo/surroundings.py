"""Demo content around the news, from ``data/surroundings.json``: a poll with votes, banners, web links, a video,
blocked words and readers' comments under the newest demo article.
"""

import datetime
import random

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from portal.demo.data import Seeding, load
from portal.demo.images import banner_png
from portal.demo.tables import Article, BannerLink, BlockedWord, Comment, Poll, PollChoice, PollVote, Video, WebLink


def seed_poll(seeding: Seeding, entry: dict) -> None:
    # opened a while ago: a poll with a hundred votes that "started" a minute ago reads wrong
    opened = timezone.now().replace(hour=8, minute=0, second=0, microsecond=0) - datetime.timedelta(days=60)
    question = entry["question"]
    poll = seeding.get_or_create(Poll, question, question=question, defaults={"opens_at": opened})
    if not seeding.made(Poll, question):
        return
    rng = random.Random(6)  # demo figures, not security
    for position, choice_entry in enumerate(entry["choices"]):
        choice = PollChoice.objects.create(poll=poll, text=choice_entry["text"], position=position)
        PollVote.objects.bulk_create(
            PollVote(poll=poll, choice=choice, voter_key=f"demo-{position}-{n}")
            for n in range(choice_entry["weight"] + rng.randint(0, 5))
        )


def seed_links(seeding: Seeding, data: dict) -> None:
    for position, entry in enumerate(data["banners"]):
        if not BannerLink.objects.filter(title=entry["title"]).exists():
            banner = BannerLink(title=entry["title"], url=entry["url"], position=position)
            image = banner_png(entry["title"], tuple(entry["color"]))
            banner.image.save(f"banner-{position + 1}.png", ContentFile(image), save=False)
            banner.save()
            seeding.note(banner, entry["title"])
    for position, entry in enumerate(data["web_links"]):
        defaults = {"url": entry["url"], "position": position}
        seeding.get_or_create(WebLink, entry["name"], name=entry["name"], defaults=defaults)
    for entry in data["videos"]:
        seeding.get_or_create(Video, entry["title"], title=entry["title"], defaults={"embed_url": entry["embed_url"]})
    for word in data["blocked_words"]:
        seeding.get_or_create(BlockedWord, word, word=word, defaults={})


def seed_comments(seeding: Seeding, entry: dict) -> None:
    """Readers' comments, only under a demo article this run created: under any other they would be invented."""
    if not seeding.made(Article, entry["article"]):
        return
    article = Article.objects.get(slug=entry["article"])
    for comment in entry["approved"]:
        Comment.objects.create(
            article=article,
            name=comment["name"],
            email="bandoc@example.vn",
            text=comment["text"],
            status=Comment.Status.APPROVED,
        )
    for comment in entry["pending"]:
        Comment.objects.create(article=article, name=comment["name"], email=comment["email"], text=comment["text"])


@transaction.atomic
def seed(seeding: Seeding) -> str:
    data = load("surroundings")
    seed_poll(seeding, data["poll"])
    seed_links(seeding, data)
    seed_comments(seeding, data["comments"])
    return "Dữ liệu mẫu: thăm dò ý kiến, liên kết banner, liên kết web, video và bình luận."
