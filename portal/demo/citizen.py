"""Demo content for readers' services, from ``data/citizen.json``: the body's details (footer and "Liên hệ"), the
privacy policy's first version, question topics and a few questions (two answered and published), and an award
proposal open for public comment."""

import datetime

from django.db import transaction
from django.utils import timezone

from portal.demo.data import Seeding, load
from portal.demo.tables import AwardProposal, Campaign, PrivacyPolicy, Question, SiteProfile, Topic


def seed_profile(seeding: Seeding, entry: dict) -> None:
    if not SiteProfile.objects.filter(pk=1).exists():  # an administrator's edits stay as they are
        SiteProfile(**entry).save()
        seeding.note(SiteProfile.current(), "profile")


def seed_questions(seeding: Seeding, data: dict) -> None:
    topics = {}
    for position, name in enumerate(data["topics"]):
        topics[name] = seeding.get_or_create(Topic, name, name=name, defaults={"position": position})
    for entry in data["questions"]:
        if Question.objects.filter(code=entry["code"]).exists():
            continue
        sent = timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0)
        sent -= datetime.timedelta(days=entry["days_ago"])
        question = Question(
            code=entry["code"],
            topic=topics[entry["topic"]],
            title=entry["title"],
            text=entry["text"],
            name="Bạn đọc",
            email="bandoc@example.vn",
            created_at=sent,
            allow_publication=entry["published"],
        )
        if entry["answer"]:
            question.answer, question.status = entry["answer"], Question.Status.ANSWERED
            question.answered_at = sent + datetime.timedelta(days=6)
            question.is_published = entry["published"]
        question.save()
        seeding.note(question, entry["code"])


def seed_proposals(seeding: Seeding, entries: list[dict]) -> None:
    """A notice open for comment from two days ago, for the full window of 10 working days."""
    for entry in entries:
        if AwardProposal.objects.filter(title=entry["title"]).exists():
            continue
        proposal = AwardProposal.objects.create(
            title=entry["title"],
            campaign=Campaign.objects.filter(code=entry["campaign"]).first(),
            notice=entry["notice"],
            opens_on=timezone.localdate() - datetime.timedelta(days=entry["opened_days_ago"]),
            is_published=True,
        )
        for order, nominee in enumerate(entry["nominees"]):
            proposal.nominees.create(order=order, **nominee)
        seeding.note(proposal, entry["title"])


@transaction.atomic
def seed(seeding: Seeding) -> str:
    data = load("citizen")
    seed_profile(seeding, data["site_profile"])
    PrivacyPolicy.ensure_published()  # version 1 of the default text, if no version was published yet
    seed_questions(seeding, data)
    seed_proposals(seeding, data["award_proposals"])
    return "Dữ liệu mẫu: thông tin cơ quan, chính sách dữ liệu cá nhân, câu hỏi mẫu, lấy ý kiến khen thưởng."
