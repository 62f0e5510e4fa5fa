"""Hỏi đáp – Góp ý: a tracking code, a due date of 15 working days, staff answers, published answers searchable."""

import datetime
import io
import zoneinfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from portal.questions.models import Question, Topic, due_date
from tests.questions.helpers import ask, make_topic

pytestmark = pytest.mark.django_db
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def answered(title, *, topic=None, publish=True, text="Nội dung câu hỏi.", answer="Câu trả lời của cơ quan."):
    question = Question.objects.create(
        topic=topic or make_topic(),
        title=title,
        text=text,
        name="Người hỏi",
        email="hoi@example.vn",
        status=Question.Status.ANSWERED,
        answer=answer,
        answered_at=datetime.datetime(2026, 3, 2, 9, tzinfo=HANOI),
        allow_publication=True,
        is_published=publish,
    )
    return question


class DueDateTests:
    def test_fifteen_working_days_skip_the_weekends_and_national_day(self):
        # Thursday 28/8/2025: the window holds three weekends and Quốc khánh (Mon 1/9 and Tue 2/9).
        assert due_date(datetime.date(2025, 8, 28)) == datetime.date(2025, 9, 22)

    def test_a_question_sent_on_a_saturday_before_tet_is_due_after_the_holiday(self):
        # Saturday 24/1/2026; Tết Bính Ngọ: 16/2 to 20/2/2026 (Monday to Friday) off.
        assert due_date(datetime.date(2026, 1, 24)) == datetime.date(2026, 2, 13)
        assert due_date(datetime.date(2026, 2, 6)) == datetime.date(2026, 3, 6)

    def test_the_question_gets_its_due_date_from_the_day_it_arrived_in_vietnam(self, client):
        # 23:30 on Thursday 28/8/2025 in Hanoi is still the 28th (16:30 UTC).
        with time_machine.travel(datetime.datetime(2025, 8, 28, 16, 30, tzinfo=datetime.UTC), tick=False):
            assert ask(client).status_code == 302
        assert Question.objects.get().due_on == datetime.date(2025, 9, 22)


class AskTests:
    def test_the_reader_gets_a_tracking_code_and_a_status_page(self, client, django_assert_max_num_queries):
        response = ask(client)
        question = Question.objects.get()
        client.get(response["Location"])  # the success message, and the site's cached blocks warmed
        with django_assert_max_num_queries(6):
            client.get(response["Location"])
        assert question.code.startswith("HD-") and len(question.code) == 13
        assert response["Location"] == reverse("questions:status", kwargs={"code": question.code})
        page = client.get(response["Location"])
        html = page.content.decode()
        assert question.code in html and "Đã tiếp nhận" in html and question.due_on.strftime("%d/%m/%Y") in html
        assert "binh@example.vn" not in html and "Trần Thị Bình" not in html
        assert "no-cache" in page["Cache-Control"] and "private" in page["Cache-Control"]

    def test_the_status_page_follows_staff_and_shows_the_answer(self, client, editor):
        ask(client)
        question = Question.objects.get()
        question.status = Question.Status.IN_PROGRESS
        question.save()
        assert 'aria-current="step">2. Đang xử lý' in client.get(question.get_absolute_url()).content.decode()
        client.force_login(editor)
        change = reverse("admin:questions_question_change", args=[question.pk])
        data = {
            "topic": question.topic_id,
            "title": question.title,
            "text": question.text,
            "status": "in_progress",
            "assigned_to": editor.pk,
            "answer": "Đồng chí liên hệ Văn phòng Đảng ủy.",
        }
        assert client.post(change, data).status_code == 302
        question.refresh_from_db()
        assert question.status == Question.Status.ANSWERED and question.answered_by == editor
        client.logout()
        html = client.get(question.get_absolute_url()).content.decode()
        assert "Đồng chí liên hệ Văn phòng Đảng ủy." in html and 'aria-current="step">3. Đã trả lời' in html

    def test_the_tracking_box_finds_a_code_and_says_when_it_does_not(self, client):
        ask(client)
        code = Question.objects.get().code
        assert client.get(reverse("questions:track"), {"ma": code.lower()})["Location"].endswith(f"{code}/")
        missing = client.get(reverse("questions:track"), {"ma": "HD-KHONGCO"})
        assert missing.status_code == 404 and "Không tìm thấy câu hỏi có mã này" in missing.content.decode()
        assert client.get(reverse("questions:status", kwargs={"code": "HD-KHONGCO"})).status_code == 404

    def test_an_attachment_is_checked_like_a_comment_s_and_kept_private(self, client, editor):
        fake = SimpleUploadedFile("de-nghi.pdf", b"<html><script>alert(1)</script></html>", "application/pdf")
        response = ask(client, attachment=fake)
        assert response.status_code == 400 and "Chỉ nhận tệp ảnh" in response.content.decode()
        assert not Question.objects.exists()
        buffer = io.BytesIO()
        Image.new("RGB", (20, 20), (0, 90, 0)).save(buffer, "PNG")
        ask(client, attachment=SimpleUploadedFile("Ảnh giấy tờ của Bình.png", buffer.getvalue(), "image/png"))
        question = Question.objects.get()
        assert question.attachment.name.startswith("questions/") and "Bình" not in question.attachment.name
        url = reverse("questions:attachment", kwargs={"code": question.code})
        assert client.get(url).status_code == 404  # readers never fetch it
        client.force_login(editor)
        download = client.get(url)
        assert download.status_code == 200 and "attachment" in download["Content-Disposition"]

    def test_bad_input_is_a_vietnamese_error(self, client):
        for overrides in [{"email": ""}, {"topic": "999"}, {"phone": "gọi tôi"}, {"text": " \u200b "}]:
            response = ask(client, **overrides)
            assert response.status_code == 400 and "errorlist" in response.content.decode(), overrides
        assert not Question.objects.exists()

    def test_spam_guards_as_for_comments(self, client, settings):
        assert ask(client, website="http://spam.example").status_code == 400
        settings.COMMENT_RATE_LIMIT = 1
        assert [ask(client, ip="10.4.0.1").status_code for _ in range(2)] == [302, 429]
        assert Question.objects.count() == 1


class PublishedListTests:
    def test_only_published_answers_are_listed_without_the_person(self, client, django_assert_max_num_queries):
        answered("Chuyển sinh hoạt đảng", text="Hỏi về thủ tục chuyển sinh hoạt")
        answered("Câu hỏi chưa công bố", publish=False)
        client.get(reverse("questions:list"))
        with django_assert_max_num_queries(8):
            html = client.get(reverse("questions:list")).content.decode()
        assert "Chuyển sinh hoạt đảng" in html and "Câu trả lời của cơ quan." in html
        assert "Câu hỏi chưa công bố" not in html and "Người hỏi" not in html and "hoi@example.vn" not in html

    def test_search_ignores_diacritics_and_the_topic_narrows(self, client):
        other = Topic.objects.create(name="Thi đua, khen thưởng")
        answered("Chuyển sinh hoạt đảng tạm thời")
        answered("Hồ sơ đề nghị Bằng khen", topic=other)
        url = reverse("questions:list")
        html = client.get(url, {"q": "sinh hoat dang"}).content.decode()
        assert "Chuyển sinh hoạt đảng tạm thời" in html and "Hồ sơ đề nghị" not in html
        html = client.get(url, {"chu_de": other.slug}).content.decode()
        assert "Hồ sơ đề nghị Bằng khen" in html and "Chuyển sinh hoạt" not in html
        assert client.get(url, {"chu_de": "khong-co", "q": "\x00", "page": "abc"}).status_code == 200

    def test_staff_cannot_publish_without_an_answer_or_the_askers_consent(self):
        from django.core.exceptions import ValidationError

        question = answered("Không đồng ý công bố")
        question.allow_publication = False
        with pytest.raises(ValidationError, match="không đồng ý công bố"):
            question.full_clean()
        question.allow_publication, question.answer = True, ""
        with pytest.raises(ValidationError, match="đã có câu trả lời"):
            question.full_clean()


class AdminTests:
    def test_the_admin_lists_overdue_questions_first(self, client, editor):
        topic = make_topic()
        rows = {}
        for title, sent in [("Mới gửi", 0), ("Quá hạn lâu", 60), ("Vừa quá hạn", 30)]:
            rows[title] = Question.objects.create(
                topic=topic, title=title, text="…", name="A", email="a@example.vn",
                created_at=datetime.datetime.now(HANOI) - datetime.timedelta(days=sent),
            )  # fmt: skip
        done = answered("Đã trả lời từ lâu")
        Question.objects.filter(pk=done.pk).update(due_on=datetime.date(2020, 1, 1))
        client.force_login(editor)
        html = client.get(reverse("admin:questions_question_changelist")).content.decode()
        order = sorted(["Mới gửi", "Quá hạn lâu", "Vừa quá hạn", "Đã trả lời từ lâu"], key=html.index)
        assert order[:2] == ["Quá hạn lâu", "Vừa quá hạn"]
        assert set(Question.objects.overdue()) == {rows["Quá hạn lâu"], rows["Vừa quá hạn"]}
