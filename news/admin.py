from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import Article, Category, RelatedArticle, Tag


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
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
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    ordering = ["name"]
    readonly_fields = ["slug"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_articles=Count("tagged_articles"))

    @admin.display(description=_("Số bài"), ordering="n_articles")
    def article_count(self, obj):
        return obj.n_articles


class ArticleAdminForm(forms.ModelForm):
    """Tags are picked by searching existing ones; new tags are typed in a field of their own."""

    tags = forms.ModelMultipleChoiceField(
        label=_("Thẻ"),
        queryset=Tag.objects.all(),
        required=False,
        widget=AutocompleteSelectMultiple(Article._meta.get_field("tags"), admin.site),
    )
    new_tags = forms.CharField(
        label=_("Thêm thẻ mới"),
        required=False,
        max_length=500,
        help_text=_("Nhập các thẻ chưa có, cách nhau bằng dấu phẩy."),
    )

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
        names = [name.strip() for name in cleaned.get("new_tags", "").split(",") if name.strip()]
        if any(len(name) > 100 for name in names):
            self.add_error("new_tags", _("Mỗi thẻ dài tối đa 100 ký tự."))
        elif "tags" in cleaned:
            cleaned["tags"] = [*cleaned["tags"], *names]
        return cleaned

    def clean_published_at(self):
        published_at = self.cleaned_data.get("published_at")
        if self.cleaned_data.get("status") == Article.Status.PUBLISHED and published_at is None:
            return None  # Article.save() stamps the current time.
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


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    inlines = [RelatedArticleInline]
    list_display = ["title", "category", "status", "published_at", "is_featured", "formatted_views", "public_link"]
    list_filter = ["status", "is_featured", "category", "campaigns", "themes", "published_at"]
    list_select_related = ["category"]
    search_fields = ["title", "lead"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["category", "campaigns", "themes"]
    readonly_fields = ["view_count", "created_at", "updated_at", "created_by"]
    list_per_page = 50
    save_on_top = True
    view_on_site = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (_("Ảnh đại diện"), {"fields": ["cover", "cover_caption"]}),
        (_("Phân loại"), {"fields": ["category", "tags", "new_tags", "campaigns", "themes"]}),
        (_("Tác giả và nguồn"), {"fields": ["author_name", "source"]}),
        (_("Xuất bản"), {"fields": ["status", "published_at", "is_featured"]}),
        (_("Bình luận"), {"fields": ["allow_comments"]}),
        (_("Thông tin"), {"fields": ["view_count", "created_by", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("Lượt xem"), ordering="view_count")
    def formatted_views(self, obj):
        return f"{obj.view_count:,}".replace(",", ".")

    @admin.display(description=_("Xem trên trang"))
    def public_link(self, obj):
        if not obj.is_public:
            return "—"
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', obj.get_absolute_url(), _("Mở"))

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


from . import comment_admin  # noqa: E402, F401  (registers the comment moderation admin)
