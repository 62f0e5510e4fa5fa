"""Locks and autosave in the article admin (the rules are in ``news.editing``).

Opening an article's form takes its lock; someone else sees "Đang được … sửa từ …", a read-only form and a
"Tiếp quản" link that asks for confirmation. The page's script (``static/js/article_editing.js``) keeps the lock
alive, saves what is typed every 30 s and when the page closes, and gives the lock back on leaving. A copy newer
than the saved article is offered back ("Khôi phục"): the form then opens with it, nothing is saved until the
person saves.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.formats import vn_short_datetime

from . import editing
from .models import Article

RESTORE_PARAMETER = "khoi-phuc"


class ArticleEditingAdminMixin:
    # --- the change form ----------------------------------------------------------------------------------
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra = {}
        if request.method == "GET":
            article = self.get_object(request, object_id) if object_id else None
            if article is not None and self._may_edit(request, article):
                extra.update(self._lock_context(request, article))
            if article is not None or object_id is None:
                extra.update(self._autosave_context(request, article))
        return super().changeform_view(request, object_id, form_url, {**(extra_context or {}), **extra})

    def _may_edit(self, request, article) -> bool:
        return super().has_change_permission(request, article)

    def _lock_context(self, request, article) -> dict:
        state = editing.take_lock(article=article, user=request.user)
        request._article_lock = state  # the form is read-only for this request when someone else holds it
        if not state.held:
            return {
                "lock_warning": state.message,
                "take_over_url": reverse("admin:news_article_take_over", args=[article.pk]),
            }
        return {
            "editing_urls": {
                "lock": reverse("admin:news_article_lock", args=[article.pk]),
                "release": reverse("admin:news_article_release", args=[article.pk]),
                "autosave": reverse("admin:news_article_autosave") + f"?article={article.pk}",
            }
        }

    def _autosave_context(self, request, article) -> dict:
        context = {}
        if article is None:
            context["editing_urls"] = {"autosave": reverse("admin:news_article_autosave")}
        if RESTORE_PARAMETER in request.GET:
            return context
        copy = editing.autosave_to_offer(user=request.user, article=article)
        if copy is not None:
            context["autosave_offer"] = {
                "saved_at": vn_short_datetime(copy.saved_at),
                "restore_url": f"?{RESTORE_PARAMETER}=1",
                "discard_url": reverse("admin:news_article_autosave_discard")
                + (f"?article={article.pk}" if article else ""),
            }
        return context

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        state = getattr(request, "_article_lock", None)
        if allowed and obj is not None and state is not None and not state.held:
            return False
        return allowed

    def get_object(self, request, object_id, from_field=None):
        article = super().get_object(request, object_id, from_field)
        if article is not None and request.method == "GET" and RESTORE_PARAMETER in request.GET:
            copy = editing.autosave_to_offer(user=request.user, article=article)
            for name, value in copy.data.items() if copy else ():
                if name != "new_tags":
                    setattr(article, name, value)  # shown in the form; saved only when the person saves
        return article

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if RESTORE_PARAMETER in request.GET:
            copy = editing.autosave_to_offer(user=request.user, article=None)
            initial.update(copy.data if copy else {})
        return initial

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        editing.discard_autosave(user=request.user, article=obj if change else None)
        # Saved: the person leaves the form (or "Lưu và tiếp tục sửa" reopens it, which takes the lock again).
        editing.release_lock(article=obj, user=request.user)

    # --- the script's addresses -------------------------------------------------------------------------------
    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("tu-dong-luu/", view(require_POST(self.autosave_view)), name="news_article_autosave"),
            path("tu-dong-luu/bo/", view(require_POST(self.discard_view)), name="news_article_autosave_discard"),
            path("<path:object_id>/khoa/", view(require_POST(self.lock_view)), name="news_article_lock"),
            path("<path:object_id>/khoa/tra/", view(require_POST(self.release_view)), name="news_article_release"),
            path("<path:object_id>/khoa/tiep-quan/", view(self.take_over_view), name="news_article_take_over"),
            *super().get_urls(),
        ]

    def _editable(self, request, object_id) -> Article:
        article = self.get_object(request, object_id)
        if article is None or not self._may_edit(request, article):
            raise PermissionDenied
        return article

    def _autosave_target(self, request) -> Article | None:
        """The article named by ``?article=``, which this person may edit; None for a new one."""
        pk = request.GET.get("article", "")
        if not pk:
            if not self.has_add_permission(request):
                raise PermissionDenied
            return None
        if not pk.isdigit():
            raise PermissionDenied
        return self._editable(request, pk)

    def autosave_view(self, request):
        article = self._autosave_target(request)
        copy = editing.store_autosave(user=request.user, article=article, data=request.POST)
        return JsonResponse({"saved_at": vn_short_datetime(copy.saved_at)})

    def discard_view(self, request):
        article = self._autosave_target(request)
        editing.discard_autosave(user=request.user, article=article)
        messages.info(request, _("Đã bỏ bản lưu tự động."))
        target = (
            reverse("admin:news_article_change", args=[article.pk]) if article else reverse("admin:news_article_add")
        )
        return HttpResponseRedirect(target)

    def lock_view(self, request, object_id):
        state = editing.keep_lock(article=self._editable(request, object_id), user=request.user)
        return JsonResponse({"held": state.held, "message": state.message})

    def release_view(self, request, object_id):
        editing.release_lock(article=self._editable(request, object_id), user=request.user)
        return HttpResponse(status=204)

    def take_over_view(self, request, object_id):
        """A confirmation page (GET), then the takeover (POST): the first person is told at their next move."""
        article = self._editable(request, object_id)
        change_url = reverse("admin:news_article_change", args=[article.pk])
        if request.method == "POST":
            previous = editing.take_over(article=article, user=request.user)
            if previous:
                messages.warning(request, _("Bạn đã tiếp quản bài từ %(name)s.") % {"name": previous})
            return HttpResponseRedirect(change_url)
        lock = getattr(article, "edit_lock", None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": _("Tiếp quản bài đang được sửa"),
            "holder": editing.display_name(lock.holder) if lock else "",
            "since": vn_short_datetime(lock.taken_at) if lock else "",
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/news/article/take_over.html", context)
