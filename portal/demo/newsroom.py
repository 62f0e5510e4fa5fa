"""The demo newsroom, from ``data/newsroom.json``: articles at each step of the review (in review with a thread of
editorial notes, returned with a reason, scheduled for the coming days, withdrawn with a reason), moved by the
demo writer and editor through ``news.services``, so the dashboard, the calendar and the inbox show a newsroom
at work. Runs after ``demo_users`` has made those two; an article whose slug exists is left alone.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from news import services
from news.comments.models import Comment
from news.models import Article, Category
from portal.demo.data import load

Status = Article.Status


def seed(*, writer_name: str = "phongvien", editor_name: str = "bientap") -> str:
    User = get_user_model()
    writer = User.objects.filter(username=writer_name).first()
    editor = User.objects.filter(username=editor_name).first()
    if writer is None or editor is None or not Category.objects.exists():
        return "Tòa soạn mẫu: bỏ qua (chưa có tài khoản mẫu hoặc chuyên mục)."
    made = 0
    for item in load("newsroom")["articles"]:
        category = Category.objects.filter(slug=item["category"]).first()
        if category is None or Article.objects.filter(slug=item["slug"]).exists():
            continue
        _make(item, category=category, writer=writer, editor=editor)
        made += 1
    pending = load("newsroom")["pending_comment"]
    article = Article.objects.filter(slug=pending["article"]).first()
    if article and not Comment.objects.filter(article=article, email=pending["email"]).exists():
        fields = {key: pending[key] for key in ("name", "email", "text")}
        Comment.objects.create(article=article, status=Comment.Status.PENDING, **fields)
    return f"Tòa soạn mẫu: {made} bài đang duyệt, bị trả lại, hẹn giờ hoặc đã gỡ, kèm ghi chú và thông báo."


def _make(item: dict, *, category, writer, editor) -> Article:
    fields = {key: item[key] for key in ("slug", "title", "lead", "body")}
    article = Article.objects.create(category=category, created_by=writer, status=Status.DRAFT, **fields)
    state = item["state"]
    services.submit_article(article=article, by=writer)
    notes = []
    for note in item.get("notes", []):
        by = writer if note["by"] == "writer" else editor
        parent = notes[note["reply_to"]] if "reply_to" in note else None
        notes.append(services.add_note(article=article, by=by, text=note["text"], parent=parent))
    if state == "returned":
        services.return_article(article=article, by=editor, reason=item["reason"])
    elif state == "scheduled":
        hour, minute = (int(part) for part in item["at"].split(":"))
        day = timezone.localdate() + datetime.timedelta(days=item["in_days"])
        article.published_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
        article.save(update_fields=["published_at"])
        services.publish_article(article=article, by=editor)
    elif state == "withdrawn":
        services.publish_article(article=article, by=editor)
        services.withdraw_article(article=article, by=editor, reason=item["reason"])
    return article
