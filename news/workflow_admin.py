"""The review workflow in the article admin: who may edit what, the buttons that move an article, the log.

``ArticleAdmin`` mixes these in. Writers ("Phóng viên") see and edit only their own articles, and only while they
are drafts or returned; reviewers see everything. Every transition goes through ``news.services``; the history
of revisions is ``news.revisions_admin``.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.site import absolute_url

from . import services
from .checks import findings_for
from .models import Article, ArticleEvent
from .models.articles import is_reviewer
from .preview import preview_token

Status = Article.Status
Action = ArticleEvent.Action

# The submit button's name in the change form -> the transition it asks for.
BUTTONS = {
    "_submit_review": Action.SUBMIT,
    "_publish": Action.PUBLISH,
    "_return": Action.RETURN,
    "_withdraw": Action.WITHDRAW,
}
BUTTON_LABELS = {
    Action.SUBMIT: gettext_lazy("Lưu và gửi duyệt"),
    Action.PUBLISH: gettext_lazy("Lưu và đăng bài"),
    Action.RETURN: gettext_lazy("Trả lại cho phóng viên"),
    Action.WITHDRAW: gettext_lazy("Gỡ bài khỏi trang"),
}
EDITABLE_BY_WRITER = {Status.DRAFT, Status.RETURNED}


def pressed_action(data) -> str | None:
    return next((action for button, action in BUTTONS.items() if button in data), None)


def offered_actions(*, article: Article | None, user) -> list[str]:
    """Transitions a button may offer: on a new article, as if the user already owned the draft."""
    if article is None or article.pk is None:
        draft = Article(status=Status.DRAFT, created_by_id=user.pk)
        return services.allowed_actions(article=draft, user=user)
    return services.allowed_actions(article=article, user=user)


class ArticleWorkflowAdminMixin:
    change_form_template = "admin/news/article/change_form.html"
    workflow_fields = ["return_reason_shown", "review_log", "preview_links", "prepublish_checks"]

    # --- who sees and edits what -------------------------------------------------------------------------
    def get_queryset(self, request):
        return super().get_queryset(request).visible_to(request.user)

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        if allowed and obj is not None and not is_reviewer(request.user):
            return obj.created_by_id == request.user.pk
        return allowed

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and not is_reviewer(request.user):
            return obj.created_by_id == request.user.pk and obj.status in EDITABLE_BY_WRITER
        return allowed

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None and not is_reviewer(request.user):
            return obj.created_by_id == request.user.pk and obj.status in EDITABLE_BY_WRITER
        return allowed

    def has_publish_permission(self, request):
        return request.user.has_perm("news.publish_article")

    def has_submit_permission(self, request):
        return request.user.has_perm("news.submit_article")

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), "status", *self.workflow_fields]
        if not request.user.has_perm("news.publish_article"):
            # when and how prominently: the editors decide
            fields += ["published_at", "is_featured", "featured_position", "featured_until"]
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None:
            return fieldsets
        fields = ["status"]
        if obj.status in services.REASONED:
            fields.append("return_reason_shown")
        reviews = obj.status == Status.IN_REVIEW and is_reviewer(request.user)
        withdraws = obj.status == Status.PUBLISHED and request.user.has_perm("news.publish_article")
        if reviews or withdraws:
            fields.append("review_note")
        if obj.status != Status.PUBLISHED:
            fields.append("prepublish_checks")
        fields += ["preview_links", "review_log"]
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != "status"]})
            for name, options in fieldsets
        ]
        return [(_("Duyệt bài"), {"fields": fields}), *fieldsets]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # The form checks the pressed button against what this user may do to this article.
        return type(form.__name__, (form,), {"workflow_user": request.user})

    # --- read-only displays -------------------------------------------------------------------------------
    @admin.display(description=gettext_lazy("Lý do trả lại, gỡ bài"))
    def return_reason_shown(self, obj):
        reason = services.status_reason(obj)
        return format_html('<strong class="return-reason">{}</strong>', reason) if reason else "—"

    @admin.display(description=gettext_lazy("Nhật ký duyệt bài"))
    def review_log(self, obj):
        events = ArticleEvent.objects.for_article(obj)[:20]
        if not events:
            return "—"
        return format_html(
            '<ul class="review-log">{}</ul>',
            format_html_join(
                "",
                "<li>{} – {} – {}{}</li>",
                (
                    (
                        timezone.localtime(event.at).strftime("%d/%m/%Y %H:%M"),
                        event.get_action_display(),
                        event.by.get_username() if event.by else _("(đã xóa)"),
                        f": {event.note}" if event.note else "",
                    )
                    for event in events
                ),
            ),
        )

    @admin.display(description=gettext_lazy("Kiểm tra trước khi đăng"))
    def prepublish_checks(self, obj):
        findings = findings_for(obj)
        if not findings:
            return _("Không có gì cần sửa.")
        return format_html(
            '<ul class="prepublish-checks">{}</ul>',
            format_html_join(
                "",
                '<li class="{}"><strong>{}</strong> {}</li>',
                (
                    (
                        "blocking" if finding.blocking else "advice",
                        _("Phải sửa trước khi đăng:") if finding.blocking else _("Nên xem lại:"),
                        finding.message,
                    )
                    for finding in findings
                ),
            ),
        )

    @admin.display(description=gettext_lazy("Xem trước"))
    def preview_links(self, obj):
        if obj.pk is None:
            return "—"
        staff_url = reverse("news:article-preview", kwargs={"pk": obj.pk})
        if obj.status == Status.WITHDRAWN:  # news.preview refuses every signed link to a withdrawn article
            return format_html(
                '<a href="{}" target="_blank" rel="noopener">{}</a><br>{}',
                staff_url,
                _("Xem bài như bạn đọc sẽ thấy"),
                _("Bài đã gỡ: không có liên kết gửi người duyệt."),
            )
        signed_url = reverse("news:article-preview-signed", kwargs={"token": preview_token(obj)})
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a><br>{} <input type="text" readonly size="70" '
            'class="preview-link" value="{}">',
            staff_url,
            _("Xem bài như bạn đọc sẽ thấy"),
            _("Liên kết gửi người duyệt (hết hạn sau %(days)s ngày):") % {"days": preview_days()},
            absolute_url(signed_url),
        )

    # --- the change form: buttons, and the transition after saving -----------------------------------------
    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        obj = self.get_object(request, object_id) if object_id else None
        actions = offered_actions(article=obj, user=request.user)
        if obj is not None and not self.has_change_permission(request, obj):
            actions = []
        extra_context = {
            **(extra_context or {}),
            "workflow_buttons": [
                (button, BUTTON_LABELS[action]) for button, action in BUTTONS.items() if action in actions
            ],
        }
        return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.status = Status.DRAFT  # a new article starts as a draft; buttons move it on
        super().save_model(request, obj, form, change)

    def apply_pressed_action(self, request, form) -> None:
        """The transition the pressed button asks for, once the article and its links are saved."""
        article = form.instance
        action = pressed_action(request.POST)
        if not action:
            return
        # The form already checked that this person may do this to this article now (offered_actions).
        note = form.cleaned_data.get("review_note", "")
        if action == Action.SUBMIT:
            services.submit_article(article=article, by=request.user)
        elif action == Action.PUBLISH:
            services.publish_article(article=article, by=request.user)
        elif action == Action.RETURN:
            services.return_article(article=article, by=request.user, reason=note)
        else:
            services.withdraw_article(article=article, by=request.user, reason=note)
        article.refresh_from_db()
        self.message_user(request, _("Bài viết: %(status)s.") % {"status": article.status_label()})

    # --- list actions ---------------------------------------------------------------------------------------
    def _bulk(self, request, queryset, apply, done_message):
        done, skipped = 0, {}
        for article in queryset:
            try:
                apply(article)
            except ValidationError as refused:
                skipped[article.title] = "; ".join(refused.messages)
            except PermissionDenied as refused:
                skipped[article.title] = str(refused)
            else:
                done += 1
        done_message = done_message() if callable(done_message) else done_message  # may depend on what was done
        self.message_user(request, done_message % {"n": done}, messages.SUCCESS if done else messages.WARNING)
        for title, reason in skipped.items():
            self.message_user(
                request, _("Bỏ qua “%(title)s”: %(reason)s") % {"title": title, "reason": reason}, messages.WARNING
            )

    @admin.action(description=gettext_lazy("Đăng các bài đã chọn"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        scheduled = []

        def publish(article):
            services.publish_article(article=article, by=request.user)
            if article.is_scheduled:  # not "Đã đăng": readers see it only at its time
                scheduled.append(article.status_label())

        self._bulk(
            request, queryset, publish, lambda: _("Đã duyệt đăng %(n)s bài.") if scheduled else _("Đã đăng %(n)s bài.")
        )
        if scheduled:
            self.message_user(
                request,
                _("%(n)s bài chưa hiện với bạn đọc: %(when)s.") % {"n": len(scheduled), "when": "; ".join(scheduled)},
                messages.INFO,
            )

    @admin.action(description=gettext_lazy("Gỡ các bài đã chọn khỏi trang"), permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        """Asks for the reason first (a page of its own, like Django's delete confirmation), then withdraws."""
        reason = request.POST.get("withdraw_reason", "").strip()
        if not reason:
            context = {
                **self.admin_site.each_context(request),
                "title": _("Gỡ bài khỏi trang"),
                "articles": queryset,
                "opts": self.model._meta,
                "asked": "withdraw_reason" in request.POST,
            }
            return TemplateResponse(request, "admin/news/article/withdraw_reason.html", context)
        self._bulk(
            request,
            queryset,
            lambda a: services.withdraw_article(article=a, by=request.user, reason=reason),
            _("Đã gỡ %(n)s bài."),
        )
        return None

    @admin.action(description=gettext_lazy("Gửi duyệt các bài đã chọn"), permissions=["submit"])
    def submit_selected(self, request, queryset):
        self._bulk(
            request,
            queryset,
            lambda a: services.submit_article(article=a, by=request.user),
            _("Đã gửi duyệt %(n)s bài."),
        )


def preview_days() -> int:
    return max(1, settings.PREVIEW_LINK_MAX_AGE // 86400)


@admin.register(ArticleEvent)
class ArticleEventAdmin(admin.ModelAdmin):
    """Who submitted, returned, published or withdrew what, and when: read-only, written by news.services."""

    list_display = ["at", "action", "article", "by", "note"]
    list_filter = ["action", "at", "by"]
    list_select_related = ["article", "by"]
    search_fields = ["article__title", "note", "by__username"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
