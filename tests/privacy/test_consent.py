"""The one consent rule: every reader's form shows the notice, refuses without consent, stores it with the row."""

import pytest
from django.urls import reverse

from news.comments.models import Comment
from portal.contact.models import ContactMessage
from portal.privacy.models import Consent, PrivacyPolicy
from portal.questions.models import Question
from tests.factories import make_article
from tests.questions.helpers import ask

pytestmark = pytest.mark.django_db

REFUSAL = "Bạn chưa đồng ý cho xử lý dữ liệu cá nhân cho mục đích này"


def comment(client, article, **overrides):
    data = {"name": "Nguyễn Văn An", "email": "an@example.vn", "text": "Bài viết rất bổ ích.", "website": ""}
    return client.post(reverse("comments:comment-post", kwargs={"slug": article.slug}), {**data, **overrides})


def contact(client, **overrides):
    data = {"name": "Lê Văn Cường", "email": "cuong@example.vn", "subject": "Xin lịch tiếp công dân", "website": ""}
    return client.post(reverse("contact:contact"), {**data, "message": "Xin cho biết lịch tiếp công dân.", **overrides})


class ConsentTests:
    def test_every_form_shows_an_unticked_box_and_the_policy_link(self, client):
        article = make_article("Hội nghị học tập chuyên đề")
        policy_url = reverse("privacy:policy")
        for url, box in [
            (article.get_absolute_url(), "consent_comment"),
            (reverse("contact:contact"), "consent_contact"),
            (reverse("questions:ask"), "consent_question"),
        ]:
            if "hoi-dap" in url:
                from tests.questions.helpers import make_topic

                make_topic()
            html = client.get(url).content.decode()
            assert f'name="{box}"' in html, url
            assert f'name="{box}" id="id_{box}">' in html or f'name="{box}" id="id_{box}" ' in html, url
            assert "checked" not in html.split(f'name="{box}"')[1].split(">")[0], url
            assert f'href="{policy_url}"' in html, url
            assert "phiên bản 1" in html, url

    def test_a_comment_without_consent_is_refused_and_nothing_is_saved(self, client):
        article = make_article("Hội nghị học tập chuyên đề")
        response = comment(client, article)
        assert response.status_code == 400
        assert REFUSAL in response.content.decode()
        assert not Comment.objects.exists() and not Consent.objects.exists()

    def test_a_contact_message_without_consent_is_refused_and_nothing_is_saved(self, client):
        response = contact(client)
        assert response.status_code == 400
        assert REFUSAL in response.content.decode()
        assert not ContactMessage.objects.exists() and not Consent.objects.exists()

    def test_a_question_without_consent_is_refused_and_nothing_is_saved(self, client):
        response = ask(client, consent_question=None)
        assert response.status_code == 400
        assert REFUSAL in response.content.decode()
        assert not Question.objects.exists() and not Consent.objects.exists()

    def test_the_consent_is_stored_with_the_submission_its_policy_version_and_time(self, client):
        article = make_article("Hội nghị học tập chuyên đề")
        assert comment(client, article, consent_comment="on", email="An@Example.vn").status_code == 302
        saved = Comment.objects.get()
        consent = Consent.objects.for_subject(saved).get()
        assert consent.purpose == "comment"
        assert "duyệt bình luận" in consent.purpose_text
        assert consent.policy == PrivacyPolicy.current() and consent.policy.version == 1
        assert consent.email == "an@example.vn"
        assert consent.given_at is not None

    def test_a_new_published_version_is_the_one_consents_refer_to_from_then_on(self, client):
        from portal.privacy.services import publish_policy

        first = PrivacyPolicy.ensure_published()
        second = publish_policy(policy=PrivacyPolicy.objects.create(body="Nội dung mới.\n\n## Mục\n- một ý"))
        assert second.version == first.version + 1
        assert contact(client, consent_contact="on").status_code == 302
        assert Consent.objects.get().policy == second
        html = client.get(reverse("privacy:policy")).content.decode()
        assert "Phiên bản 2" in html and "<h2>Mục</h2>" in html and "<li>một ý</li>" in html
        assert "Phiên bản 1, công bố ngày" in html

    def test_the_optional_purpose_may_be_left_unticked(self, client):
        assert ask(client).status_code == 302
        question = Question.objects.get()
        assert not question.allow_publication
        assert list(Consent.objects.values_list("purpose", flat=True)) == ["question"]
        assert ask(client, consent_question_publish="on", ip="10.0.0.10").status_code == 302
        assert Question.objects.filter(allow_publication=True).count() == 1


def test_the_policy_page_is_bounded_in_queries(client, django_assert_max_num_queries):
    client.get(reverse("privacy:policy"))
    with django_assert_max_num_queries(4):
        assert client.get(reverse("privacy:policy")).status_code == 200


def test_showing_a_form_writes_nothing_the_first_consent_publishes_version_1(client):
    assert "phiên bản 1" in client.get(reverse("contact:contact")).content.decode()
    assert not PrivacyPolicy.objects.exists()  # a page never writes (it would empty the page cache)
    assert contact(client, consent_contact="on").status_code == 302
    assert list(PrivacyPolicy.objects.values_list("version", flat=True)) == [1]
