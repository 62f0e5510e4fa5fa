from django.urls import path

from . import downloads, views

app_name = "campaigns"

urlpatterns = [
    path("", views.CampaignListView.as_view(), name="campaign-list"),
    path("<slug:slug>/", views.CampaignDetailView.as_view(), name="campaign-detail"),
    path("<slug:slug>/tai-van-ban/", downloads.campaign_document, name="campaign-document"),
    path("van-ban/<slug:slug>/tai-ve/", downloads.document_file, name="document-file"),
    path("<slug:campaign_slug>/chuyen-de/<slug:slug>/", views.ThemeDetailView.as_view(), name="theme-detail"),
]
