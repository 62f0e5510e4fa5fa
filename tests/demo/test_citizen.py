"""The demo's readers' services: the body's details, the policy, topics and questions, once."""

import pytest
from django.urls import reverse

from campaigns.models import AwardProposal
from portal.privacy.models import PrivacyPolicy
from portal.questions.models import Question, Topic
from portal.site_parts.models import SiteProfile

pytestmark = pytest.mark.django_db


def test_the_demo_fills_the_footer_the_policy_and_the_questions_once(client, seed_demo):
    seed_demo()
    profile = SiteProfile.objects.get()
    assert profile.responsible_person.startswith("Đồng chí Nguyễn Văn Hòa")
    assert PrivacyPolicy.objects.published().count() == 1
    assert Question.objects.published().count() == 2 and Question.objects.count() == 3
    profile.phone = "0272 000 000"  # an administrator's edit survives the next run
    profile.save()
    seed_demo()
    assert SiteProfile.objects.get().phone == "0272 000 000"
    assert Question.objects.count() == 3 and Topic.objects.count() == 4
    assert AwardProposal.objects.open().count() == 1
    html = client.get(reverse("questions:list")).content.decode()
    assert "Thủ tục chuyển sinh hoạt đảng tạm thời" in html
