from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("", views.CampaignListView.as_view(), name="campaign-list"),
    path("<slug:slug>/", views.CampaignDetailView.as_view(), name="campaign-detail"),
    path("<slug:campaign_slug>/chuyen-de/<slug:slug>/", views.ThemeDetailView.as_view(), name="theme-detail"),
]
