from django.contrib import admin
from django.urls import path

from . import views

app_name = "editorial_calendar"

# Served under /admin/lich-bien-tap/, behind the admin's login; writers see their own articles, only editors
# and administrators move them (checked in the view and in news.services.reschedule_article).
urlpatterns = [
    path("", admin.site.admin_view(views.month_view), name="month"),
    path("tuan/", admin.site.admin_view(views.week_view), name="week"),
    path("doi-gio/<int:pk>/", admin.site.admin_view(views.move_view), name="move"),
]
