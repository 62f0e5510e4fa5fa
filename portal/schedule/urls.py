from django.urls import path

from . import views

app_name = "schedule"

urlpatterns = [
    path("", views.WeekView.as_view(), name="week"),
    path("<int:year>/tuan-<int:week>/", views.WeekView.as_view(), name="week-of"),
]
