"""Editorial notes in the article admin: the thread under the form, and the small view that adds a note.

The thread is outside the article's form (a form cannot hold another), so a writer may write a note on an article
they can no longer edit (in review). ``ArticleAdmin`` mixes this in; the write is ``news.services.add_note``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .models import ArticleNote
from .models.notes import threads


class ArticleNotesAdminMixin:
    def get_urls(self):
        extra = [
            path(
                "<path:object_id>/ghi-chu/",
                self.admin_site.admin_view(require_POST(self.add_note_view)),
                name="news_article_add_note",
            )
        ]
        return extra + super().get_urls()

    def notes_context(self, request, obj) -> dict:
        """The thread and where its forms post, for an article this person may open."""
        if obj is None or not self.has_view_permission(request, obj):
            return {}
        return {
            "editorial_notes": threads(ArticleNote.objects.for_article(obj)),
            "add_note_url": reverse("admin:news_article_add_note", args=[obj.pk]),
        }

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if object_id:
            obj = self.get_object(request, object_id)
            extra_context = {**(extra_context or {}), **self.notes_context(request, obj)}
        return super().changeform_view(request, object_id, form_url, extra_context)

    def add_note_view(self, request, object_id):
        article = self.get_object(request, object_id)
        if article is None or not self.has_view_permission(request, article):
            raise Http404
        parent = None
        if request.POST.get("parent", "").isdigit():
            parent = ArticleNote.objects.filter(article=article, pk=int(request.POST["parent"])).first()
        try:
            services.add_note(article=article, by=request.user, text=request.POST.get("text", ""), parent=parent)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except PermissionDenied as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Đã thêm ghi chú biên tập."))
        return redirect(reverse("admin:news_article_change", args=[article.pk]) + "#editorial-notes")
