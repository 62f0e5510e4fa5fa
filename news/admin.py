from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag as TaggitTag

from portal.formats import vn_number
from portal.uploads.admin_saving import SafeSaveAdminMixin
from portal.uploads.pictures import PictureFormField

from . import featured_admin, services  # noqa: F401 (featured_admin registers "Tin nổi bật trên trang chủ")
from .checks import blocking_messages, prepublish_findings
from .editing import check_save, opened_stamp
from .editing_admin import ArticleEditingAdminMixin
from .library.models import LibraryImage
from .linking import suggest_links
from .models import Article, Category, RelatedArticle, Tag
from .notes_admin import ArticleNotesAdminMixin
from .pending_admin import ArticlePendingAdminMixin
from .revisions_admin import ArticleRevisionAdminMixin
from .workflow_admin import ArticleWorkflowAdminMixin, offered_actions, pressed_action


@admin.register(Category)
class CategoryAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["name", "parent", "slug", "position", "show_in_menu", "article_count"]
    list_editable = ["position", "show_in_menu"]
    list_filter = ["parent"]
    search_fields = ["name"]
    readonly_fields = ["slug"]
    ordering = ["position", "name"]  # Meta.ordering is dropped by the Count annotation's GROUP BY
    view_on_site = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent").annotate(n_articles=Count("articles"))

    @admin.display(description=_("Số bài"), ordering="n_articles")
    def article_count(self, obj):
        return obj.n_articles


@admin.register(Tag)
class TagAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    ordering = ["name"]
    readonly_fields = ["slug"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_articles=Count("tagged_articles"))

    @admin.display(description=_("Số bài"), ordering="n_articles")
    def article_count(self, obj):
        return obj.n_articles


REASON_REQUIRED = {"return": _("Hãy ghi lý do trả lại bài."), "withdraw": _("Hãy ghi lý do gỡ bài.")}


class ArticleAdminForm(forms.ModelForm):
    """Tags are picked by searching existing ones; new tags are typed in a field of their own."""

    tags = forms.ModelMultipleChoiceField(
        label=_("Thẻ"),
        queryset=Tag.objects.all(),
        required=False,
        widget=AutocompleteSelectMultiple(Article._meta.get_field("tags"), admin.site),
    )
    link_suggested = forms.BooleanField(
        label=_("Liên kết theo gợi ý khi lưu"),
        required=False,
        help_text=_(
            "Gắn bài với các văn bản được nêu số hiệu trong bài (ví dụ “Kế hoạch số 185-KH/ĐU”) "
            "và chương trình của chúng."
        ),
    )
    new_tags = forms.CharField(
        label=_("Thêm thẻ mới"),
        required=False,
        max_length=500,
        help_text=_("Nhập các thẻ chưa có, cách nhau bằng dấu phẩy."),
    )
    cover = PictureFormField(label=_("Ảnh đại diện"), required=False)
    # Set by the library's picker (static/js/library_picker.js): the cover becomes that library picture.
    library_cover = forms.ModelChoiceField(
        queryset=LibraryImage.objects.all(), required=False, widget=forms.HiddenInput
    )
    review_note = forms.CharField(
        label=_("Lý do trả lại hoặc gỡ bài"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "style": "width: 100%; max-width: 48rem"}),
        help_text=_("Bắt buộc khi trả lại hoặc gỡ bài: phóng viên sẽ thấy lý do này, nhật ký duyệt bài lưu lại."),
    )
    # The version the form was opened on: a save over a newer one is refused (news.editing.check_save).
    opened_stamp = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)
    workflow_user = None  # set by the admin's get_form: the person pressing the button

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opened_stamp"].initial = opened_stamp(self.instance)

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose what is shown)
        widgets = {
            "title": forms.TextInput(attrs={"style": "width: 100%; max-width: 48rem", "maxlength": 300}),
            "lead": forms.Textarea(attrs={"rows": 3, "style": "width: 100%; max-width: 48rem"}),
            "cover_caption": forms.TextInput(attrs={"style": "width: 100%; max-width: 48rem"}),
        }

    def clean(self):
        cleaned = super().clean()
        self._apply_library_cover(cleaned)
        names = [name.strip() for name in cleaned.get("new_tags", "").split(",") if name.strip()]
        if any(len(name) > 100 for name in names):
            self.add_error("new_tags", _("Mỗi thẻ dài tối đa 100 ký tự."))
        elif "tags" in cleaned:
            cleaned["tags"] = [*cleaned["tags"], *names]
        if self.instance.pk and self.workflow_user is not None:
            try:
                check_save(article=self.instance, user=self.workflow_user, stamp=cleaned.get("opened_stamp", ""))
            except forms.ValidationError as refused:
                self.add_error(None, refused)
        action = pressed_action(self.data)
        if action and self.workflow_user is not None:
            if action not in offered_actions(
                article=self.instance if self.instance.pk else None, user=self.workflow_user
            ):
                raise forms.ValidationError(
                    _("Bạn không thể thực hiện thao tác này với bài viết ở trạng thái hiện tại.")
                )
            if action in REASON_REQUIRED and not cleaned.get("review_note", "").strip():
                self.add_error("review_note", REASON_REQUIRED[action])
            if action == "publish":
                for message in blocking_messages(self._findings(cleaned)):
                    self.add_error(None, message)
        return cleaned

    @staticmethod
    def _apply_library_cover(cleaned) -> None:
        """A picture chosen from the library becomes the cover (its file, shared), unless one is uploaded here."""
        chosen = cleaned.get("library_cover")
        if chosen and not isinstance(cleaned.get("cover"), UploadedFile):
            cleaned["cover"] = chosen.file.name
            cleaned["cover_caption"] = cleaned.get("cover_caption") or chosen.caption

    def _findings(self, cleaned):
        """The checks before publishing, on what is being saved (the form's values, not the stored ones)."""
        return prepublish_findings(
            title=cleaned.get("title", ""),
            lead=cleaned.get("lead", ""),
            body=cleaned.get("body", ""),
            has_cover=bool(cleaned.get("cover")),  # the stored picture when unchanged, False when cleared
            slug=cleaned.get("slug") or self.instance.slug,
        )

    def clean_published_at(self):
        published_at = self.cleaned_data.get("published_at")
        if self.cleaned_data.get("status") == Article.Status.PUBLISHED and published_at is None:
            return None  # Article.save() stamps the current time.
        if published_at is None and self.instance.pk and self.instance.status == Article.Status.PUBLISHED:
            return self.instance.published_at  # an emptied time must not move a published article to "now"
        return published_at


class RelatedArticleInline(admin.TabularInline):
    """Articles pinned under "Tin liên quan", before the ones picked automatically; found by searching."""

    model = RelatedArticle
    fk_name = "article"
    fields = ["related", "position"]
    autocomplete_fields = ["related"]
    extra = 0
    verbose_name = _("tin liên quan chọn tay")
    verbose_name_plural = _("Tin liên quan chọn tay (hiện trước tin liên quan tự động)")


# Inputs of the article form that are not model fields.
FORM_ONLY_FIELDS = {"new_tags", "link_suggested", "opened_stamp", "review_note", "library_cover"}


@admin.register(Article)
class ArticleAdmin(
    SafeSaveAdminMixin,
    ArticleEditingAdminMixin,
    ArticlePendingAdminMixin,
    ArticleRevisionAdminMixin,
    ArticleNotesAdminMixin,
    ArticleWorkflowAdminMixin,
    admin.ModelAdmin,
):
    form = ArticleAdminForm
    inlines = [RelatedArticleInline]
    list_display = [
        "title",
        "category",
        "status_shown",
        "published_at",
        "is_featured",
        "formatted_views",
        "public_link",
    ]
    list_filter = ["status", "is_featured", "category", "campaigns", "themes", "published_at"]
    list_select_related = ["category"]
    search_fields = ["title", "lead"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["category", "campaigns", "themes", "good_models", "exemplars", "awards", "documents"]
    readonly_fields = ["view_count", "created_at", "updated_at", "created_by", "link_suggestions"]
    list_per_page = 50
    actions = ["publish_selected", "withdraw_selected", "submit_selected", "feature_selected"]
    save_on_top = True
    view_on_site = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body", "opened_stamp"]}),
        (_("Ảnh đại diện"), {"fields": ["cover", "library_cover", "cover_caption"]}),
        (_("Phân loại"), {"fields": ["category", "tags", "new_tags", "campaigns", "themes"]}),
        (
            _("Phong trào thi đua, văn bản"),
            {"fields": ["link_suggestions", "link_suggested", "documents", "good_models", "exemplars", "awards"]},
        ),
        (_("Tác giả và nguồn"), {"fields": ["author_name", "source"]}),
        (_("Xuất bản"), {"fields": ["status", "published_at", "is_featured", "featured_position", "featured_until"]}),
        (_("Bình luận"), {"fields": ["allow_comments"]}),
        (_("Thông tin"), {"fields": ["view_count", "created_by", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("Trạng thái"), ordering="status")
    def status_shown(self, obj):
        return obj.status_label()

    @admin.action(description=_("Đưa lên tin nổi bật trên trang chủ"), permissions=["publish"])
    def feature_selected(self, request, queryset):
        articles = list(queryset.filter(is_featured=False))
        for article in articles:  # save(), not update(): cached pages hear of it through post_save
            article.is_featured = True
            article.save(update_fields=["is_featured", "updated_at"])
        self.message_user(
            request,
            _("Đã đưa %(n)s bài lên tin nổi bật; sắp thứ tự ở mục “Tin nổi bật trên trang chủ”.")
            % {"n": len(articles)},
            messages.SUCCESS,
        )

    def get_fieldsets(self, request, obj=None):
        """On a read-only form (a submitted article for its writer, an article someone else is editing) the
        form's own inputs have no value to show: leave them out, or the admin would look them up on the model."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in FORM_ONLY_FIELDS]})
            for name, options in fieldsets
        ]

    @admin.display(description=_("Lượt xem"), ordering="view_count")
    def formatted_views(self, obj):
        return vn_number(obj.view_count)

    @admin.display(description=_("Xem trên trang"))
    def public_link(self, obj):
        if not obj.is_public:
            return "—"
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', obj.get_absolute_url(), _("Mở"))

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=_("Gợi ý liên kết"))
    def link_suggestions(self, obj):
        """Documents the text names by number ("Chỉ thị số 05-CT/TW") and their campaigns, not linked yet."""
        suggestions = suggest_links(obj) if obj and obj.pk else None
        if not suggestions:
            return _("Không có gợi ý: bài chưa nêu số hiệu văn bản nào chưa được liên kết.")
        rows = [(_("Văn bản"), str(d), f"– {Truncator(d.abstract).chars(120)}") for d in suggestions.documents]
        rows += [(_("Chương trình"), campaign.name, "") for campaign in suggestions.campaigns]
        return format_html(
            '<div class="link-suggestions">{}<ul style="margin: 4px 0 0; padding-left: 1.2em">{}</ul></div>',
            _(
                "Bài viết nêu số hiệu của các văn bản sau mà chưa liên kết. Đánh dấu “Liên kết theo gợi ý khi lưu”, "
                "hoặc chọn chúng ở các ô bên dưới và ở mục Phân loại:"
            ),
            format_html_join("", "<li>{}: <strong>{}</strong> {}</li>", rows),
        )

    def save_related(self, request, form, formsets, change):
        """The form's links and the pinned related news, then the suggested links, then the pressed button's
        transition, and last the revision: it holds all this person changed, and nothing is left for the next."""
        if getattr(form, "pending_edit", False):
            return  # a writer's change to a live article waits for review (news.pending_admin)
        was_live = change and form.instance.status == Article.Status.PUBLISHED
        super().save_related(request, form, formsets, change)
        self.link_suggested_on_save(request, form)
        self.apply_pressed_action(request, form)
        comment = _("Sửa trực tiếp bài đang đăng") if was_live else ""
        services.record_revision(article=form.instance, by=request.user, comment=comment)

    def link_suggested_on_save(self, request, form) -> None:
        """Link the documents and campaigns the text names, if the editor ticked "Liên kết theo gợi ý khi lưu"."""
        suggestions = suggest_links(form.instance)
        if suggestions and form.cleaned_data.get("link_suggested"):
            form.instance.documents.add(*suggestions.documents)
            form.instance.campaigns.add(*suggestions.campaigns)
            names = [str(d) for d in suggestions.documents] + [c.name for c in suggestions.campaigns]
            self.message_user(
                request, _("Đã liên kết bài viết với %(names)s.") % {"names": ", ".join(names)}, messages.SUCCESS
            )
        elif suggestions:
            names = [str(d) for d in suggestions.documents] + [c.name for c in suggestions.campaigns]
            self.message_user(
                request,
                _("Bài viết nêu %(names)s nhưng chưa liên kết; xem mục “Gợi ý liên kết” để chọn.")
                % {"names": ", ".join(names)},
                messages.INFO,
            )


# django-taggit registers its own Tag model, which this portal does not use (articles are tagged with news.Tag,
# "Thẻ" above): hide it, so editors do not see an English "Taggit / Tags" section holding nothing.
if admin.site.is_registered(TaggitTag):
    admin.site.unregister(TaggitTag)
