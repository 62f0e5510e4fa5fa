from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.two_factor_verify, name="two-factor"),
    path("dang-ky/", views.two_factor_enrol, name="two-factor-enrol"),
    path("ma-du-phong/", views.backup_codes, name="backup-codes"),
]
