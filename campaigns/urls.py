from django.urls import path

from . import downloads, emulation_views, proposal_views, views

app_name = "campaigns"

urlpatterns = [
    path("", views.CampaignListView.as_view(), name="campaign-list"),
    # The movement's records and the document library come before "<slug>/" so no campaign slug hides them.
    path("mo-hinh-hay/", emulation_views.GoodModelListView.as_view(), name="goodmodel-list"),
    path("mo-hinh-hay/<slug:slug>/", emulation_views.GoodModelDetailView.as_view(), name="goodmodel-detail"),
    path("guong-dien-hinh/", emulation_views.ExemplarListView.as_view(), name="exemplar-list"),
    path("guong-dien-hinh/<slug:slug>/", emulation_views.ExemplarDetailView.as_view(), name="exemplar-detail"),
    path("khen-thuong/", emulation_views.AwardListView.as_view(), name="award-list"),
    path("khen-thuong/lay-y-kien/", proposal_views.ProposalListView.as_view(), name="proposal-list"),
    path("khen-thuong/lay-y-kien/<slug:slug>/", proposal_views.proposal_detail, name="proposal-detail"),
    path("khen-thuong/<int:pk>/", emulation_views.AwardDetailView.as_view(), name="award-detail"),
    path("hoi-thi/", emulation_views.ContestListView.as_view(), name="contest-list"),
    path("hoi-thi/<slug:slug>/", emulation_views.ContestDetailView.as_view(), name="contest-detail"),
    path("van-ban/", emulation_views.DocumentListView.as_view(), name="document-list"),
    path("van-ban/<slug:slug>/", emulation_views.DocumentDetailView.as_view(), name="document-detail"),
    path("<slug:slug>/", views.CampaignDetailView.as_view(), name="campaign-detail"),
    path("<slug:slug>/tai-van-ban/", downloads.campaign_document, name="campaign-document"),
    path("van-ban/<slug:slug>/tai-ve/", downloads.document_file, name="document-file"),
    path("<slug:campaign_slug>/chuyen-de/<slug:slug>/", views.ThemeDetailView.as_view(), name="theme-detail"),
]
