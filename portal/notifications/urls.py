from django.contrib import admin
from django.urls import path

from . import views

app_name = "notifications"

# Served under /admin/thong-bao/, behind the admin's login: each person sees only their own.
urlpatterns = [
    path("", admin.site.admin_view(views.inbox), name="inbox"),
    path("<int:pk>/mo/", admin.site.admin_view(views.open_notification), name="open"),
    path("da-doc/", admin.site.admin_view(views.mark_read), name="mark-read"),
    path("thu-dien-tu/", admin.site.admin_view(views.preferences), name="preferences"),
]
