"""A reader's comment, as the form sends it."""

from django.urls import reverse


def post(client, article, *, attachment=None, ip="10.0.0.1", **overrides):
    data = {
        "name": "Nguyễn Văn An",
        "email": "an@example.vn",
        "text": "Bài viết rất bổ ích cho đảng viên ở cơ sở.",
        "website": "",
        "consent_comment": "on",
        **overrides,
    }
    if attachment is not None:
        data["attachment"] = attachment
    return client.post(reverse("comments:comment-post", kwargs={"slug": article.slug}), data, REMOTE_ADDR=ip)
