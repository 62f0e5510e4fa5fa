"""Home page curation: the editors choose the featured stories, their order, and until when each stays featured.

An article becomes featured with "Tin nổi bật" on its form (or the list action here); this page lists the
featured ones in the home page's order, with the order and the end time editable in the list. Only people who may
publish (editors, administrators) see it.
"""

from django.contrib import admin, messages
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.formats import vn_datetime
from portal.uploads.admin_saving import SafeSaveAdminMixin

from .models import Article, FeaturedArticle


@admin.register(FeaturedArticle)
class FeaturedArticleAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["title", "shown_now", "published_when", "featured_position", "featured_until"]
    list_display_links = None
    list_editable = ["featured_position", "featured_until"]
    ordering = [F("featured_position").asc(nulls_last=True), "-published_at", "-id"]
    actions = ["unfeature"]
    search_fields = ["title"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(is_featured=True).select_related("category")

    def _may_curate(self, request) -> bool:
        return request.user.is_active and request.user.has_perm("news.publish_article")

    def has_module_permission(self, request):
        return self._may_curate(request)

    def has_view_permission(self, request, obj=None):
        return self._may_curate(request)

    def has_change_permission(self, request, obj=None):
        return self._may_curate(request)

    def has_add_permission(self, request):
        return False  # an article is featured from its own form

    def has_delete_permission(self, request, obj=None):
        return False  # "Bỏ khỏi tin nổi bật" unfeatures; deleting here would delete the article

    @admin.display(description=gettext_lazy("Đang hiện trên trang chủ"), boolean=True)
    def shown_now(self, obj):
        return obj.is_public and (obj.featured_until is None or obj.featured_until > timezone.now())

    @admin.display(description=gettext_lazy("Thời gian đăng"), ordering="published_at")
    def published_when(self, obj):
        return vn_datetime(obj.published_at) if obj.published_at else "—"

    @admin.action(description=gettext_lazy("Bỏ khỏi tin nổi bật"))
    def unfeature(self, request, queryset):
        # save() per article, not update(): the cached pages and lists hear of it through post_save.
        articles = list(Article.objects.filter(pk__in=queryset.values("pk")))
        for article in articles:
            article.is_featured = False
            article.save(update_fields=["is_featured", "updated_at"])
        self.message_user(request, _("Đã bỏ %(n)s bài khỏi tin nổi bật.") % {"n": len(articles)}, messages.SUCCESS)
