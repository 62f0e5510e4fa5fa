"""A reader's question, as the form sends it."""

from django.urls import reverse

from portal.questions.models import Topic


def make_topic(name="Công tác đảng viên"):
    return Topic.objects.get_or_create(name=name)[0]


def ask(client, *, ip="10.0.0.9", **overrides):
    data = {
        "name": "Trần Thị Bình",
        "email": "binh@example.vn",
        "phone": "0912 345 678",
        "topic": make_topic().pk,
        "title": "Thủ tục chuyển sinh hoạt đảng tạm thời",
        "text": "Tôi công tác biệt phái 6 tháng, cần làm thủ tục gì để chuyển sinh hoạt đảng tạm thời?",
        "website": "",
        "consent_question": "on",
        **overrides,
    }
    return client.post(reverse("questions:ask"), {k: v for k, v in data.items() if v is not None}, REMOTE_ADDR=ip)
