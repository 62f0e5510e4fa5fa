"""Export and erase one person's data: from the command and from the admin, logged, idempotent."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from news.comments.models import Comment
from portal.contact.models import ContactMessage
from portal.privacy.models import Consent, PersonalDataLog, email_digest
from portal.questions.models import Question
from tests.factories import make_article
from tests.questions.helpers import ask

pytestmark = pytest.mark.django_db

EMAIL = "binh@example.vn"


@pytest.fixture
def held(client, settings):
    """Binh commented, sent a contact message and two questions (one answered and published); Dung commented."""
    article = make_article("Sơ kết Chỉ thị 05")
    url = reverse("comments:comment-post", kwargs={"slug": article.slug})
    for ip, email in [("10.1.0.1", EMAIL), ("10.1.0.2", "dung@example.vn")]:
        data = {"name": "Bạn đọc", "email": email, "text": "Ý kiến của tôi về bài viết.", "consent_comment": "on"}
        assert client.post(url, data, REMOTE_ADDR=ip).status_code == 302
    contact = {"name": "Trần Thị Bình", "email": EMAIL.upper(), "subject": "Hỏi lịch", "message": "Lịch tiếp dân?"}
    assert client.post(reverse("contact:contact"), {**contact, "consent_contact": "on"}).status_code == 302
    assert ask(client, consent_question_publish="on").status_code == 302
    assert ask(client, ip="10.0.0.11", title="Câu hỏi chưa trả lời").status_code == 302
    published = Question.objects.get(allow_publication=True)
    published.answer, published.status, published.is_published = "Đồng chí làm đơn gửi chi bộ.", "answered", True
    published.save()
    return published


def run(*args) -> str:
    out = io.StringIO()
    call_command("personal_data", *args, stdout=out)
    return out.getvalue()


class ExportTests:
    def test_export_prints_everything_held_on_the_address_as_json(self, held):
        data = json.loads(run("export", "Binh@Example.vn"))["data"]
        assert len(data["comments"]) == 1 and data["comments"][0]["thu_dien_tu"] == EMAIL
        assert len(data["contact_messages"]) == 1 and data["contact_messages"][0]["tieu_de"] == "Hỏi lịch"
        assert {q["tieu_de"] for q in data["questions"]} == {held.title, "Câu hỏi chưa trả lời"}
        assert {c["ma_muc_dich"] for c in data["consents"]} == {"comment", "contact", "question", "question_publish"}
        assert all(c["phien_ban_chinh_sach"] == 1 for c in data["consents"])
        assert "dung@example.vn" not in json.dumps(data)
        log = PersonalDataLog.objects.get()
        assert log.action == "export" and log.email_digest == email_digest(EMAIL)
        assert "personal_data" in log.done_by_label


class EraseTests:
    def test_erase_deletes_or_anonymises_everything_and_logs_it(self, held):
        run("erase", EMAIL)
        assert not Comment.objects.filter(email__iexact=EMAIL).exists()
        assert Comment.objects.filter(email="dung@example.vn").exists()
        assert not ContactMessage.objects.exists()
        assert not Consent.objects.of_email(EMAIL).exists() and Consent.objects.of_email("dung@example.vn").exists()
        kept = Question.objects.get()  # the published answer stays, the person goes
        assert kept.pk == held.pk and kept.answer == "Đồng chí làm đơn gửi chi bộ." and kept.is_published
        assert (kept.name, kept.email, kept.phone, kept.ip_address) == ("Bạn đọc", "", "", None)
        log = PersonalDataLog.objects.get(action="erase")
        assert log.counts == {
            "award_proposal_comments": 0,
            "comments": 1,
            "contact_messages": 1,
            "questions": 2,
            "consents": 5,
        }
        assert EMAIL not in json.dumps(list(PersonalDataLog.objects.values()), default=str)

    def test_erasing_twice_changes_nothing_more_and_logs_zeros(self, held):
        run("erase", EMAIL)
        run("erase", EMAIL)
        second = PersonalDataLog.objects.filter(action="erase").first()
        assert set(second.counts.values()) == {0}
        assert Question.objects.count() == 1
        data = json.loads(run("export", EMAIL))["data"]
        assert data and all(rows == [] for rows in data.values())

    def test_a_bad_address_is_an_error_not_a_traceback(self):
        from django.core.management.base import CommandError

        with pytest.raises(CommandError, match="không hợp lệ"):
            run("erase", "khong-phai-thu")


class AdminToolTests:
    def test_an_administrator_exports_and_erases_from_the_admin(self, client, held, administrator):
        client.force_login(administrator)
        url = reverse("admin:privacy_personal_data")
        assert "Tra cứu, xuất và xóa" in client.get(url).content.decode()
        exported = client.post(url, {"email": EMAIL, "export": "1"})
        assert exported["Content-Type"].startswith("application/json")
        assert len(json.loads(exported.content)["data"]["questions"]) == 2
        refused = client.post(url, {"email": EMAIL, "erase": "1"})
        assert "Hãy đánh dấu xác nhận" in refused.content.decode() and ContactMessage.objects.exists()
        assert client.post(url, {"email": EMAIL, "erase": "1", "confirm": "on"}).status_code == 302
        assert not ContactMessage.objects.exists()
        log = PersonalDataLog.objects.get(action="erase")
        assert log.done_by == administrator

    def test_an_editor_may_not_use_the_tool(self, client, editor):
        client.force_login(editor)
        assert client.get(reverse("admin:privacy_personal_data")).status_code == 403
