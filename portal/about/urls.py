from django.urls import path

from . import views

app_name = "about"

urlpatterns = [
    path("", views.IntroductionView.as_view(), name="introduction"),
]
