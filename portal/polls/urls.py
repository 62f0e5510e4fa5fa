from django.urls import path

from . import views

app_name = "polls"

urlpatterns = [
    path("<int:pk>/", views.poll_detail, name="detail"),
    path("<int:pk>/binh-chon/", views.poll_vote, name="vote"),
]
