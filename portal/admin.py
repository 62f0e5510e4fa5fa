from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Slogan

admin.site.site_header = _("Quản trị cổng thông tin")
admin.site.site_title = _("Quản trị")
admin.site.index_title = _("Bảng điều khiển")


@admin.register(Slogan)
class SloganAdmin(admin.ModelAdmin):
    list_display = ["text", "position", "is_active"]
    list_editable = ["position", "is_active"]
    search_fields = ["text"]


from . import site_admin  # noqa: E402, F401  (registers polls, banners, web links and videos)
