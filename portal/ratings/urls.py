from django.urls import path

from . import views

app_name = "ratings"
urlpatterns = [path("danh-gia/", views.rate, name="rate")]
