from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from portal.uploads.admin_saving import SafeSaveAdminMixin

from .models import (
    Award,
    AwardProposal,
    Campaign,
    Contest,
    Document,
    Exemplar,
    GoodModel,
    Issuer,
    ProposalComment,
    ProposalNominee,
    Theme,
    Unit,
)


@admin.register(Issuer)
class IssuerAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]


class ThemeInline(admin.StackedInline):
    model = Theme
    extra = 0
    fields = [("year_start", "year_end", "scope"), "issuer", "title", "slug", "guidance", "description"]
    autocomplete_fields = ["issuer"]
    show_change_link = True


@admin.register(Campaign)
class CampaignAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["code", "kind", "title", "issuer", "issued_on", "is_current", "position"]
    list_display_links = ["code", "title"]
    list_editable = ["is_current", "position"]
    list_filter = ["kind", "is_current", "issuer"]
    search_fields = ["code", "title", "summary"]
    autocomplete_fields = ["issuer", "continues"]
    readonly_fields = ["slug"]
    inlines = [ThemeInline]
    fieldsets = [
        (None, {"fields": ["code", "kind", "title", "issuer", "issued_on", "slug"]}),
        (_("Nội dung"), {"fields": ["summary", "document", "continues"]}),
        (_("Hiển thị"), {"fields": ["is_current", "position"]}),
    ]
    view_on_site = True


@admin.register(Theme)
class ThemeAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["title", "campaign", "year_start", "year_end", "scope", "issuer"]
    list_filter = ["scope", "campaign", "year_start"]
    search_fields = ["title", "campaign__code", "year_start"]
    autocomplete_fields = ["campaign", "issuer"]
    list_select_related = ["campaign", "issuer"]
    view_on_site = True

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return queryset.select_related("campaign"), may_have_duplicates


@admin.register(Document)
class DocumentAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["number", "kind", "abstract", "issuer", "issued_on", "effective_on", "status", "campaign"]
    list_filter = ["kind", "status", "campaign", "issuer"]
    search_fields = ["number", "abstract", "signer"]
    search_help_text = _("Tìm theo số hiệu, trích yếu, cơ quan ban hành, người ký; gõ có dấu hay không dấu đều được.")
    autocomplete_fields = ["issuer", "campaign", "theme", "replaced_by"]
    list_select_related = ["issuer", "campaign"]
    date_hierarchy = "issued_on"
    readonly_fields = ["slug", "replacing_documents"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "kind",
                    "number",
                    "issuer",
                    "signer",
                    ("issued_on", "effective_on"),
                    "abstract",
                    "subject",
                    "file",
                ]
            },
        ),
        (_("Hiệu lực"), {"fields": ["status", "replaced_by", "replacing_documents"]}),
        (_("Thuộc chương trình, chuyên đề"), {"fields": ["campaign", "theme"]}),
        (_("Thông tin"), {"fields": ["slug"], "classes": ["collapse"]}),
    ]
    view_on_site = True

    @admin.display(description=_("thay thế các văn bản"))
    def replacing_documents(self, document):
        """The other side of "bị thay thế bởi": the documents this one replaces."""
        return ", ".join(str(old) for old in document.replaces.all()) or "—"

    def get_search_results(self, request, queryset, search_term):
        """The same diacritic-insensitive search as the public library (also used by the autocomplete)."""
        if not search_term.strip():
            return queryset, False
        return queryset.search(search_term), False


@admin.register(Unit)
class UnitAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "position", "is_active"]
    list_editable = ["position", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    readonly_fields = ["slug"]


class AwardInlineForm(forms.ModelForm):
    class Meta:
        model = Award
        fields = "__all__"  # noqa: DJ007 (each inline lists its fields)
        widgets = {"reason": forms.Textarea(attrs={"rows": 2, "cols": 40})}


class ReceivedAwardInline(admin.StackedInline):
    """The awards one recipient received; the recipient is the record being edited."""

    model = Award
    form = AwardInlineForm
    extra = 0
    autocomplete_fields = ["issuer", "contest", "campaign"]
    show_change_link = True
    verbose_name = _("khen thưởng đã nhận")
    verbose_name_plural = _("khen thưởng đã nhận")
    fields = [
        ("form", "prize", "level", "year"),
        ("issuer", "decision_number", "decided_on"),
        "reason",
        ("contest", "campaign"),
        ("status", "revoked_by_number", "revoked_on"),
    ]


class PrizeInline(ReceivedAwardInline):
    """A contest's results: prizes to a model, an exemplary person or collective, or a unit."""

    fk_name = "contest"
    autocomplete_fields = ["issuer", "campaign", "good_model", "exemplar", "unit"]
    verbose_name = _("giải thưởng")
    verbose_name_plural = _("kết quả: giải thưởng")
    fields = [
        ("form", "prize", "level", "year"),
        ("issuer", "decision_number", "decided_on"),
        ("good_model", "exemplar", "unit"),
        "reason",
        ("status", "revoked_by_number", "revoked_on"),
    ]


class EmulationRecordAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    """What the records of the movement share: campaigns and themes picked by searching, a link to the site."""

    autocomplete_fields = ["unit", "campaigns", "themes"]
    list_select_related = ["unit"]
    readonly_fields = ["slug", "created_at", "updated_at"]
    view_on_site = True
    inlines = [ReceivedAwardInline]


@admin.register(GoodModel)
class GoodModelAdmin(EmulationRecordAdmin):
    list_display = ["name", "unit", "started_on", "created_at"]
    list_filter = ["unit", "campaigns", "themes", "started_on"]
    search_fields = ["name", "summary", "unit__name"]
    date_hierarchy = "started_on"
    fieldsets = [
        (None, {"fields": ["name", "unit", "started_on", "summary", "results", "cover"]}),
        (_("Thuộc chương trình, chuyên đề"), {"fields": ["campaigns", "themes"]}),
        (_("Thông tin"), {"fields": ["slug", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]


@admin.register(Exemplar)
class ExemplarAdmin(EmulationRecordAdmin):
    list_display = ["name", "kind", "unit", "position", "year"]
    list_filter = ["kind", "unit", "year", "campaigns", "themes"]
    search_fields = ["name", "position", "achievements", "unit__name"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "unit", "position", "year", "achievements", "photo"]}),
        (_("Thuộc chương trình, chuyên đề"), {"fields": ["campaigns", "themes"]}),
        (_("Thông tin"), {"fields": ["slug", "created_at", "updated_at"], "classes": ["collapse"]}),
    ]


@admin.register(Award)
class AwardAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "form", "level", "year", "decision_number", "decided_on", "status"]
    list_filter = ["status", "form", "level", "year", "issuer", "campaign"]
    search_fields = ["decision_number", "prize", "reason", "good_model__name", "exemplar__name", "unit__name"]
    autocomplete_fields = ["issuer", "good_model", "exemplar", "unit", "contest", "campaign"]
    list_select_related = ["issuer", "good_model", "exemplar", "unit"]
    date_hierarchy = "decided_on"
    readonly_fields = ["created_at"]
    view_on_site = True
    fieldsets = [
        (None, {"fields": [("form", "prize"), ("level", "year"), "reason"]}),
        (_("Quyết định"), {"fields": ["issuer", ("decision_number", "decided_on")]}),
        (
            _("Đối tượng được khen (chọn đúng một)"),
            {"fields": ["good_model", "exemplar", "unit"]},
        ),
        (_("Thuộc"), {"fields": ["contest", "campaign"]}),
        (
            _("Trạng thái"),
            {
                "fields": ["status", ("revoked_by_number", "revoked_on")],
                "description": _("Khen thưởng bị hủy bỏ vẫn được lưu nhưng không hiện trên trang công khai."),
            },
        ),
    ]

    def get_queryset(self, request):
        # An award is named by its issuer and recipient, in lists and in the article form's autocomplete alike.
        return super().get_queryset(request).select_related("issuer", "good_model", "exemplar", "unit")


@admin.register(Contest)
class ContestAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "campaign", "held_on", "prize_count"]
    list_filter = ["kind", "campaign", "held_on"]
    search_fields = ["title", "summary"]
    autocomplete_fields = ["campaign"]
    list_select_related = ["campaign"]
    readonly_fields = ["slug"]
    date_hierarchy = "held_on"
    inlines = [PrizeInline]
    view_on_site = True

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_prizes=Count("awards"))

    @admin.display(description=_("Số giải"), ordering="n_prizes")
    def prize_count(self, obj):
        return obj.n_prizes


class ProposalNomineeInline(admin.StackedInline):
    model = ProposalNominee
    extra = 1
    fields = [("kind", "name", "order"), "position", "award_form", "achievement"]


class ProposalCommentInline(admin.TabularInline):
    """The readers' comments, for the emulation council: read-only."""

    model = ProposalComment
    extra = 0
    fields = ["created_at", "name", "email", "nominee", "text"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(AwardProposal)
class AwardProposalAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["title", "opens_on", "closes_on", "window", "is_published", "comment_count"]
    list_filter = ["is_published", "campaign"]
    search_fields = ["title", "nominees__name"]
    fields = ["title", "campaign", "notice", ("opens_on", "closes_on"), "is_published"]
    inlines = [ProposalNomineeInline, ProposalCommentInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(comment_total=Count("comments"))

    @admin.display(description=_("Số ngày làm việc"))
    def window(self, obj):
        return obj.working_days

    @admin.display(description=_("Góp ý"), ordering="comment_total")
    def comment_count(self, obj):
        return obj.comment_total


@admin.register(ProposalComment)
class ProposalCommentAdmin(admin.ModelAdmin):
    list_display = ["proposal", "nominee", "name", "email", "created_at"]
    list_filter = ["proposal"]
    list_select_related = ["proposal", "nominee"]
    search_fields = ["name", "email", "text"]
    readonly_fields = ["proposal", "nominee", "name", "email", "text", "created_at", "ip_address"]

    def has_add_permission(self, request):
        return False
