from django.urls import path

from . import views

app_name = "questions"

urlpatterns = [
    path("", views.question_list, name="list"),
    path("gui-cau-hoi/", views.ask, name="ask"),
    path("tra-cuu/", views.track, name="track"),
    path("tra-cuu/<str:code>/", views.question_status, name="status"),
    path("tra-cuu/<str:code>/tep-dinh-kem/", views.question_attachment, name="attachment"),
]
