from django.urls import path

from . import views

app_name = "comments"

# Under the article's own address (included at the site root beside news.urls).
urlpatterns = [
    path("bai-viet/<slug:slug>/binh-luan/", views.post_comment, name="comment-post"),
    path("binh-luan/<int:pk>/tep-dinh-kem/", views.comment_attachment, name="comment-attachment"),
]
