"""Reviewed edits of live articles in the article admin (the rules are in ``news.pending``).

A writer opens their published article and may change its text only; saving keeps the change for review
("Bản sửa đã gửi chờ duyệt") and readers keep the live version. Editors see "Bản sửa chờ duyệt" on the article,
open the difference between live and pending, and approve or refuse it with a reason.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.formats import vn_short_datetime

from . import pending as pending_edits
from .models import Article, PendingEdit
from .models.articles import is_reviewer
from .models.pending import PENDING_FIELDS

# Inputs of the form a writer does not get on a live article (the text is all they may change there).
NOT_IN_PENDING_MODE = {"new_tags", "link_suggested", "review_note", "library_cover"}


class ArticlePendingAdminMixin:
    def _pending_mode(self, request, obj) -> bool:
        """A writer on their own published article: what they save waits for an editor."""
        return (
            obj is not None
            and obj.pk is not None
            and obj.status == Article.Status.PUBLISHED
            and not is_reviewer(request.user)
            and obj.created_by_id == request.user.pk
            and request.user.has_perm("news.change_article")
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) or self._pending_mode(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "pending_edit_panel"]
        if self._pending_mode(request, obj):
            form_fields = {f.name for f in Article._meta.get_fields() if getattr(f, "editable", False)}
            fields += sorted(form_fields - set(PENDING_FIELDS) - set(fields))
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None or obj.pk is None:
            return fieldsets
        if self._pending_mode(request, obj):
            fieldsets = [
                (name, {**options, "fields": [f for f in options["fields"] if f not in NOT_IN_PENDING_MODE]})
                for name, options in fieldsets
            ]
        if PendingEdit.objects.filter(article=obj).exists():
            name, options = fieldsets[0]
            fieldsets[0] = (name, {**options, "fields": [*options["fields"], "pending_edit_panel"]})
        return fieldsets

    def get_inline_instances(self, request, obj=None):
        return [] if self._pending_mode(request, obj) else super().get_inline_instances(request, obj)

    def save_model(self, request, obj, form, change):
        if change and self._pending_mode(request, obj):  # obj.status is the stored one: the form cannot set it
            pending_edits.propose_edit(article=obj, by=request.user, data=form.cleaned_data)
            form.pending_edit = request._pending_saved = True  # save_related saves no links, records no revision
            return
        super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        if getattr(request, "_pending_saved", False):
            self.message_user(
                request,
                _("Bản sửa đã gửi chờ duyệt; bạn đọc vẫn thấy bản đang đăng đến khi biên tập viên duyệt."),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:news_article_changelist"))
        return super().response_change(request, obj)

    @admin.display(description=gettext_lazy("Bản sửa chờ duyệt"))
    def pending_edit_panel(self, obj):
        latest = PendingEdit.objects.filter(article=obj).select_related("by", "decided_by").order_by("-id").first()
        if latest is None:
            return "—"
        who = latest.by.get_username() if latest.by else _("(đã xóa)")
        if latest.status == PendingEdit.Status.REJECTED:
            return format_html(
                '{} <strong class="return-reason">{}</strong>',
                _("Bản sửa gần nhất không được duyệt, lý do:"),
                latest.note,
            )
        if latest.status == PendingEdit.Status.APPROVED:
            return _("Bản sửa gần nhất của %(who)s đã được duyệt lúc %(time)s.") % {
                "who": who,
                "time": vn_short_datetime(latest.decided_at),
            }
        return format_html(
            '{} <a class="button" href="{}">{}</a>',
            _("Bản sửa của %(who)s gửi lúc %(time)s đang chờ duyệt.")
            % {"who": who, "time": vn_short_datetime(latest.created_at)},
            reverse("admin:news_article_pending", args=[obj.pk]),
            _("Xem khác biệt và duyệt"),
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/ban-sua/", view(self.pending_view), name="news_article_pending"),
            *super().get_urls(),
        ]

    def pending_view(self, request, object_id):
        """The difference between the live article and the waiting change; approve or refuse it (POST)."""
        article = self.get_object(request, object_id)
        if article is None or not self.has_view_permission(request, article):
            raise PermissionDenied
        pending = pending_edits.waiting_edit(article)
        change_url = reverse("admin:news_article_change", args=[article.pk])
        if pending is None:
            self.message_user(request, _("Bài này không có bản sửa nào đang chờ duyệt."), messages.INFO)
            return HttpResponseRedirect(change_url)
        may_decide = request.user.has_perm("news.publish_article")
        error = ""
        if request.method == "POST" and may_decide:
            try:
                if request.POST.get("decision") == "approve":
                    pending_edits.approve_edit(pending=pending, by=request.user)
                    self.message_user(request, _("Đã duyệt bản sửa: bạn đọc thấy bản mới."), messages.SUCCESS)
                else:
                    pending_edits.reject_edit(pending=pending, by=request.user, reason=request.POST.get("reason", ""))
                    self.message_user(request, _("Đã trả lại bản sửa cho phóng viên."), messages.SUCCESS)
                return HttpResponseRedirect(change_url)
            except ValidationError as refused:
                error = " ".join(refused.messages)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": _("Bản sửa chờ duyệt: %(title)s") % {"title": article.title},
            "pending": pending,
            "diff": pending_edits.differences(pending),
            "may_decide": may_decide,
            "error": error,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/news/article/pending_edit.html", context)
