"""Readers' forms keep the page cache: what they save shows on no page; a published answer shows at once."""

import pytest
from django.urls import reverse

from portal.privacy.models import PrivacyPolicy
from portal.questions.models import Question
from tests.questions.helpers import make_topic

from .conftest import cache_state, reader

pytestmark = pytest.mark.django_db


def test_a_contact_message_and_its_consent_leave_cached_pages_alone():
    PrivacyPolicy.ensure_published()  # version 1 published before the pages are cached
    home, contact = reader(), reader()
    assert cache_state(home.get("/")) == "miss"
    assert cache_state(home.get("/")) == "hit"
    data = {"name": "Lê Văn Cường", "email": "cuong@example.vn", "subject": "Hỏi", "message": "Lịch tiếp dân?"}
    assert contact.post(reverse("contact:contact"), {**data, "consent_contact": "on"}).status_code == 302
    assert cache_state(reader().get("/")) == "hit"


def test_a_question_staff_publish_shows_in_the_list_at_once():
    question = Question.objects.create(
        topic=make_topic(), title="Chuyển sinh hoạt đảng", text="Thủ tục?", name="A", email="a@example.vn",
        allow_publication=True,
    )  # fmt: skip
    url = reverse("questions:list")
    reader().get(url)
    assert cache_state(reader().get(url)) == "hit"
    question.answer, question.status, question.is_published = "Làm đơn gửi chi bộ.", "answered", True
    question.save()
    response = reader().get(url)
    assert cache_state(response) == "miss" and "Làm đơn gửi chi bộ." in response.content.decode()


def test_the_status_page_by_code_is_never_cached():
    question = Question.objects.create(topic=make_topic(), title="Hỏi", text="…", name="A", email="a@example.vn")
    url = question.get_absolute_url()
    reader().get(url)
    assert cache_state(reader().get(url)) != "hit"
