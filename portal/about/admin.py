from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse

from portal.uploads.admin_saving import SafeSaveAdminMixin

from .models import Introduction, Leader, OrgUnit


@admin.register(Introduction)
class IntroductionAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    fields = ["summary", "functions", "history"]
    view_on_site = True

    # One introduction: once written, "Thêm" and the list both open it. (Not has_add_permission: the admin asks
    # that on every page for its sidebar, and it would cost every admin page a query.)
    def add_view(self, request, form_url="", extra_context=None):
        if (existing := Introduction.objects.order_by("pk").first()) is not None:
            return redirect(reverse("admin:about_introduction_change", args=[existing.pk]))
        return super().add_view(request, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        if (existing := Introduction.objects.order_by("pk").first()) is not None:
            return redirect(reverse("admin:about_introduction_change", args=[existing.pk]))
        return super().changelist_view(request, extra_context)


@admin.register(OrgUnit)
class OrgUnitAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["name", "parent", "position", "unit"]
    list_editable = ["position"]
    list_filter = [("parent", admin.EmptyFieldListFilter)]
    search_fields = ["name", "description"]
    autocomplete_fields = ["parent", "unit"]
    fields = ["name", "parent", "description", "unit", "position"]


@admin.register(Leader)
class LeaderAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["name", "title", "position", "is_serving"]
    list_editable = ["position", "is_serving"]
    list_filter = ["is_serving"]
    search_fields = ["name", "title"]
    fields = ["name", "title", "photo", "duties", "biography", ("position", "is_serving")]
    view_on_site = True
