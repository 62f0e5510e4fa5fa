"""Hostile values in every field of the readers' forms: a Vietnamese form error or a clean save, never a 500."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from campaigns.models import AwardProposal, ProposalComment
from portal.contact.models import ContactMessage
from portal.privacy.models import Consent
from portal.questions.models import Question
from tests.conftest import BROWSER_USER_AGENT
from tests.questions.helpers import make_topic
from tests.robustness_helpers import HOSTILE_VALUES

pytestmark = pytest.mark.django_db


def forms() -> list[tuple[str, dict, type]]:
    proposal = AwardProposal.objects.create(
        title="Lấy ý kiến", notice="…", opens_on=datetime.date.today() - datetime.timedelta(days=1), is_published=True
    )
    common = {"name": "Nguyễn Văn A", "email": "a@example.vn", "website": ""}
    return [
        (reverse("contact:contact"), {**common, "subject": "Hỏi", "message": "Nội dung thư.", "consent_contact": "on"},
         ContactMessage),
        (reverse("questions:ask"), {**common, "topic": make_topic().pk, "title": "Hỏi", "text": "Nội dung câu hỏi.",
         "phone": "", "consent_question": "on"}, Question),
        (proposal.get_absolute_url(), {**common, "text": "Tôi đồng ý.", "nominee": "",
         "consent_award_proposal_comment": "on"}, ProposalComment),
    ]  # fmt: skip


def test_hostile_values_never_break_a_readers_form_nor_save_half(settings):
    settings.COMMENT_RATE_LIMIT = 10_000
    failures = []
    for url, valid, model in forms():
        for field in valid:
            for n, value in enumerate(HOSTILE_VALUES):
                before, consents = model.objects.count(), Consent.objects.count()
                client = Client(HTTP_USER_AGENT=BROWSER_USER_AGENT, REMOTE_ADDR=f"10.9.{n}.1")
                try:
                    response = client.post(url, {**valid, field: value})
                except Exception as error:  # a 500 in production
                    failures.append((url, field, value[:10], repr(error)[:120]))
                    continue
                saved = model.objects.count() - before
                if response.status_code == 302:
                    if saved != 1 or Consent.objects.count() == consents:
                        failures.append((url, field, value[:10], "302 without the row and its consent"))
                elif response.status_code != 400 or saved or Consent.objects.count() != consents:
                    failures.append((url, field, value[:10], response.status_code, saved))
                elif field != "website" and "errorlist" not in response.content.decode():
                    failures.append((url, field, value[:10], "refused without saying why"))
    assert not failures, failures[:10]
