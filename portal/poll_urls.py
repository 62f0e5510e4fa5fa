from django.urls import path

from . import poll_views

app_name = "polls"

urlpatterns = [
    path("<int:pk>/", poll_views.poll_detail, name="detail"),
    path("<int:pk>/binh-chon/", poll_views.poll_vote, name="vote"),
]
