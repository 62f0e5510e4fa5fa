from django.contrib import admin
from django.urls import path

from . import views

app_name = "reports"

# Served under /admin/, behind the admin's login; each view checks the permissions it needs.
urlpatterns = [
    path("bao-cao-thi-dua/", admin.site.admin_view(views.leadership_report), name="leadership"),
    path("thong-ke/", admin.site.admin_view(views.statistics), name="statistics"),
]
