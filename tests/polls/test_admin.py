"""Polls in the admin: the question with its choices inline, at least two of them, and the results as a chart."""

import pytest
from django.urls import reverse

from portal.polls.models import Poll

pytestmark = pytest.mark.django_db


class PollAdminTests:
    def test_the_admin_opens_in_vietnamese(self, client, administrator):
        client.force_login(administrator)
        assert client.get(reverse("admin:polls_poll_add")).status_code == 200
        html = client.get(reverse("admin:index")).content.decode()
        assert reverse("admin:app_list", args=["polls"]) in html and "Thăm dò ý kiến" in html

    def test_a_poll_needs_two_choices_and_shows_its_results_chart(self, client, administrator):
        client.force_login(administrator)
        data = {
            "question": "Câu hỏi mới",
            "opens_at_0": "01/01/2026",
            "opens_at_1": "08:00:00",
            "is_active": "on",
            "choices-TOTAL_FORMS": "3",
            "choices-INITIAL_FORMS": "0",
            "choices-MIN_NUM_FORMS": "2",
            "choices-MAX_NUM_FORMS": "1000",
            "choices-0-text": "Chỉ một phương án",
            "choices-0-position": "0",
            "choices-1-position": "0",  # empty rows carry the default order, as the browser sends them
            "choices-2-position": "0",
        }
        response = client.post(reverse("admin:polls_poll_add"), data)
        assert response.status_code == 200  # refused: the form comes back
        assert not Poll.objects.exists()
        data |= {"choices-1-text": "Phương án hai", "choices-1-position": "1"}
        response = client.post(reverse("admin:polls_poll_add"), data)
        assert response.status_code == 302
        poll = Poll.objects.get()
        html = client.get(reverse("admin:polls_poll_change", args=[poll.pk])).content.decode()
        assert "<svg" in html and "Phương án hai" in html
