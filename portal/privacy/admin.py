"""The policy's versions, the consents (read-only), and the personal-data tool: export or erase one address."""

import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from .models import Consent, PersonalDataLog, PrivacyPolicy
from .services import erase_personal_data, export_personal_data, publish_policy, source_labels

MANAGE = "privacy.manage_personal_data"


class PrivacyPolicyForm(forms.ModelForm):
    publish = forms.BooleanField(
        label=_("Công bố phiên bản này khi lưu"),
        required=False,
        help_text=_("Đã công bố thì không sửa được nữa; muốn thay đổi, hãy thêm phiên bản mới."),
    )

    class Meta:
        model = PrivacyPolicy
        fields = ["title", "body"]


@admin.register(PrivacyPolicy)
class PrivacyPolicyAdmin(admin.ModelAdmin):
    form = PrivacyPolicyForm
    list_display = ["__str__", "title", "published_at", "created_at"]

    published_fields = ["version", "title", "body", "published_at"]

    def get_fields(self, request, obj=None):
        return self.published_fields if obj and obj.is_published else ["title", "body", "publish"]

    def get_readonly_fields(self, request, obj=None):
        return self.published_fields if obj and obj.is_published else []

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.is_published)

    def get_changeform_initial_data(self, request):
        current = PrivacyPolicy.objects.published().first()
        return {"title": current.title, "body": current.body} if current else {}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.cleaned_data.get("publish"):
            publish_policy(policy=obj)


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ["email", "purpose_text", "policy", "given_at", "content_type"]
    list_filter = ["purpose", "given_at"]
    list_select_related = ["policy", "content_type"]
    search_fields = ["email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label=_("Thư điện tử của người yêu cầu"))
    confirm = forms.BooleanField(
        label=_("Tôi xác nhận xóa (câu hỏi đã công bố giữ câu trả lời, bỏ thông tin người hỏi)"), required=False
    )


@admin.register(PersonalDataLog)
class PersonalDataLogAdmin(admin.ModelAdmin):
    list_display = ["done_at", "action", "done_by", "done_by_label", "counts"]
    list_filter = ["action"]
    list_select_related = ["done_by"]
    change_list_template = "admin/privacy/personaldatalog/change_list.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        tool = self.admin_site.admin_view(self.personal_data_view)
        return [path("tra-cuu/", tool, name="privacy_personal_data"), *super().get_urls()]

    def personal_data_view(self, request):
        """Export (a JSON download) or erase one address's data; administrators only, every use logged."""
        if not request.user.has_perm(MANAGE):
            raise PermissionDenied
        form = PersonalDataForm(request.POST or None)
        via = _("trang quản trị")
        if request.method == "POST" and form.is_valid():
            email = form.cleaned_data["email"]
            if "export" in request.POST:
                data = export_personal_data(email=email, by=request.user, via=str(via))
                response = HttpResponse(
                    json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
                )
                response["Content-Disposition"] = 'attachment; filename="du-lieu-ca-nhan.json"'
                response["Cache-Control"] = "private, no-store"
                return response
            if form.cleaned_data["confirm"]:
                log = erase_personal_data(email=email, by=request.user, via=str(via))
                labels = source_labels()
                summary = ", ".join(f"{labels.get(k, k)}: {n}" for k, n in log.counts.items())
                self.message_user(request, _("Đã xóa hoặc ẩn danh dữ liệu: %s.") % summary, messages.SUCCESS)
                return redirect(reverse("admin:privacy_personaldatalog_changelist"))
            form.add_error("confirm", _("Hãy đánh dấu xác nhận trước khi xóa."))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Tra cứu, xuất và xóa dữ liệu cá nhân"),
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/privacy/personal_data.html", context)
