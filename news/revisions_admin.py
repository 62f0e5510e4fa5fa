"""The revision history in the article admin: the list of revisions, the difference between two, and a restore
that first shows what it will change and asks for confirmation (a POST form; a GET never changes anything).

``ArticleAdmin`` mixes this in; recording a revision is the last step of its ``save_related``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from . import services
from .models import Article, ArticleRevision
from .models.revisions import snapshot
from .revision_diff import compare


class ArticleRevisionAdminMixin:
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "revisions_url": reverse("admin:news_article_revisions", args=[object_id]) if object_id else None,
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/phien-ban/", view(self.revisions_view), name="news_article_revisions"),
            path(
                "<path:object_id>/phien-ban/<int:number>/khoi-phuc/",
                view(self.restore_revision_view),
                name="news_article_revision_restore",
            ),
            *super().get_urls(),
        ]

    def _article_or_denied(self, request, object_id, *, change: bool) -> Article:
        article = self.get_object(request, object_id)
        allowed = article is not None and (
            self.has_change_permission(request, article) if change else self.has_view_permission(request, article)
        )
        if not allowed:
            raise PermissionDenied
        return article

    def _page(self, request, article: Article, template: str, **context) -> TemplateResponse:
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "original": article, **context}
        return TemplateResponse(request, template, context)

    def revisions_view(self, request, object_id):
        """The revisions, newest first, with what each changed; the difference between the two chosen."""
        article = self._article_or_denied(request, object_id, change=False)
        revisions = list(ArticleRevision.objects.filter(article=article).select_related("by").order_by("-number"))
        by_number = {r.number: r for r in revisions}
        for revision in revisions:
            previous = by_number.get(revision.number - 1)
            revision.changes = revision.changed_fields(previous) if previous else [_("Bản đầu tiên")]
        try:
            left = by_number.get(int(request.GET.get("a", "")))
            right = by_number.get(int(request.GET.get("b", "")))
        except ValueError:
            left = right = None
        diff = None
        if left and right:
            if left.number > right.number:
                left, right = right, left
            diff = compare(left.data, right.data, old_title=f"#{left.number}", new_title=f"#{right.number}")
        return self._page(
            request,
            article,
            "admin/news/article/revisions.html",
            title=_("Lịch sử phiên bản: %(title)s") % {"title": article.title},
            revisions=revisions,
            diff=diff,
            left=left,
            right=right,
            can_restore=self.has_change_permission(request, article),
        )

    def restore_revision_view(self, request, object_id, number):
        """GET: what restoring would change, and a form to confirm. POST with "confirm": restore, and log it."""
        article = self._article_or_denied(request, object_id, change=True)
        revision = ArticleRevision.objects.filter(article=article, number=number).select_related("by").first()
        history_url = reverse("admin:news_article_revisions", args=[article.pk])
        if revision is None:
            self.message_user(request, _("Không tìm thấy phiên bản này."), messages.ERROR)
            return HttpResponseRedirect(history_url)
        if request.method == "POST" and request.POST.get("confirm") == "yes":
            restored = services.restore_revision(revision=revision, by=request.user)
            message = _("Đã khôi phục phiên bản #%(old)s thành phiên bản mới #%(new)s.") % {
                "old": number,
                "new": restored.revision.number,
            }
            self.log_change(request, article, message)
            self.message_user(request, message, messages.SUCCESS)
            for note in restored.notes:
                self.message_user(request, note, messages.WARNING)
            return HttpResponseRedirect(history_url)
        changes = compare(snapshot(article), revision.data, old_title=_("Hiện tại"), new_title=f"#{revision.number}")
        return self._page(
            request,
            article,
            "admin/news/article/revision_restore.html",
            title=_("Khôi phục phiên bản #%(n)s: %(title)s") % {"n": revision.number, "title": article.title},
            revision=revision,
            diff=changes,
            history_url=history_url,
        )
