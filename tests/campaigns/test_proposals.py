"""Award proposals for public comment (NĐ 98/2023): a window of at least 10 working days, comments while open."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns.models import AwardProposal, ProposalComment
from campaigns.models.proposals import earliest_close
from portal.privacy.models import Consent
from tests.factories import make_campaign

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 4, 20)  # a Monday


@pytest.fixture(autouse=True)
def frozen_day():
    with time_machine.travel(datetime.datetime(2026, 4, 20, 9, 0, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def proposal():
    proposal = AwardProposal.objects.create(
        title="Lấy ý kiến về danh sách đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm 2026",
        campaign=make_campaign("05-CT/TW"),
        notice="Căn cứ Luật Thi đua, khen thưởng năm 2022, Đảng ủy Sở công khai danh sách đề nghị.",
        opens_on=datetime.date(2026, 4, 15),
        is_published=True,
    )
    proposal.nominees.create(
        name="Đồng chí Trần Văn Lâm",
        position="Chi bộ Văn phòng",
        award_form="Bằng khen của Chủ tịch UBND tỉnh",
        achievement="Mô hình “Nụ cười tiếp dân”: 1.900 lượt công dân được hướng dẫn.",
    )
    return proposal


def comment(client, proposal, ip="10.5.0.1", **overrides):
    data = {"name": "Phạm Thị Dung", "email": "dung@example.vn", "text": "Tôi đồng ý với đề nghị này.", "website": ""}
    data = {**data, "consent_award_proposal_comment": "on", **overrides}
    return client.post(proposal.get_absolute_url(), {k: v for k, v in data.items() if v is not None}, REMOTE_ADDR=ip)


class WindowTests:
    def test_the_window_must_hold_ten_working_days_with_the_holidays_out(self):
        # Opening Thursday 23/4/2026: Giỗ Tổ (Sunday 26/4, off on Monday 27/4), 30/4 and 1/5, two weekends.
        opens = datetime.date(2026, 4, 23)
        assert earliest_close(opens) == datetime.date(2026, 5, 11)
        short = AwardProposal(title="Đề nghị", notice="…", opens_on=opens, closes_on=datetime.date(2026, 5, 8))
        with pytest.raises(ValidationError, match=r"ít nhất 10 ngày làm việc.*sớm nhất ngày 11/05/2026"):
            short.full_clean()
        short.closes_on = datetime.date(2026, 5, 11)
        short.full_clean()
        assert short.working_days == 10

    def test_an_empty_closing_date_becomes_the_earliest_valid_one(self):
        proposal = AwardProposal.objects.create(title="Đề nghị", notice="…", opens_on=datetime.date(2026, 4, 15))
        # Wednesday 15/4: two weekends and Giỗ Tổ's day off (Monday 27/4) in between.
        assert proposal.closes_on == datetime.date(2026, 4, 29) and proposal.working_days == 10


class PageTests:
    def test_the_notice_shows_the_list_and_a_form_while_open(self, client, proposal, django_assert_max_num_queries):
        client.get(proposal.get_absolute_url())
        with django_assert_max_num_queries(8):
            html = client.get(proposal.get_absolute_url()).content.decode()
        assert "Đồng chí Trần Văn Lâm" in html and "Bằng khen của Chủ tịch UBND tỉnh" in html
        assert "29/04/2026" in html and "(10 ngày làm việc)" in html
        assert 'name="consent_award_proposal_comment"' in html

    def test_a_comment_is_kept_for_the_council_with_its_consent(self, client, proposal, administrator):
        assert comment(client, proposal).status_code == 302
        saved = ProposalComment.objects.get()
        assert saved.proposal == proposal and Consent.objects.for_subject(saved).exists()
        assert "Tôi đồng ý với đề nghị này." not in client.get(proposal.get_absolute_url()).content.decode()
        client.force_login(administrator)
        admin_page = client.get(reverse("admin:campaigns_awardproposal_change", args=[proposal.pk]))
        assert "Tôi đồng ý với đề nghị này." in admin_page.content.decode()

    def test_without_consent_the_comment_is_refused_and_nothing_saved(self, client, proposal):
        response = comment(client, proposal, consent_award_proposal_comment=None)
        assert response.status_code == 400 and "Bạn chưa đồng ý" in response.content.decode()
        assert not ProposalComment.objects.exists()

    def test_spam_guards_refuse(self, client, proposal, settings):
        assert comment(client, proposal, website="http://spam.example").status_code == 400
        settings.COMMENT_RATE_LIMIT = 1
        assert [comment(client, proposal, ip="10.5.0.9").status_code for _ in range(2)] == [302, 429]

    def test_after_the_window_no_form_and_a_post_is_refused(self, client, proposal):
        proposal.opens_on, proposal.closes_on = datetime.date(2026, 3, 2), datetime.date(2026, 3, 13)
        proposal.save()
        html = client.get(proposal.get_absolute_url()).content.decode()
        assert "Thời gian lấy ý kiến đã kết thúc." in html and "consent_award_proposal_comment" not in html
        assert comment(client, proposal).status_code == 302
        assert not ProposalComment.objects.exists()

    def test_an_unpublished_notice_is_a_404(self, client, proposal):
        proposal.is_published = False
        proposal.save()
        assert client.get(proposal.get_absolute_url()).status_code == 404

    def test_open_notices_show_on_the_campaign_hub_and_the_awards_section(self, client, proposal):
        for url in [proposal.campaign.get_absolute_url(), reverse("campaigns:award-list")]:
            html = client.get(url).content.decode()
            assert "Đang lấy ý kiến nhân dân về đề nghị khen thưởng" in html and proposal.get_absolute_url() in html
        listing = client.get(reverse("campaigns:proposal-list")).content.decode()
        assert proposal.title in listing and "Đang lấy ý kiến" in listing


class PersonalDataTests:
    def test_comments_on_proposals_are_exported_and_erased(self, client, proposal):
        from portal.privacy.services import erase_personal_data, export_personal_data

        comment(client, proposal, email="Dung@Example.vn")
        rows = export_personal_data(email="dung@example.vn")["data"]["award_proposal_comments"]
        assert [row["noi_dung"] for row in rows] == ["Tôi đồng ý với đề nghị này."]
        log = erase_personal_data(email="dung@example.vn")
        assert log.counts["award_proposal_comments"] == 1 and log.counts["consents"] == 1
        assert not ProposalComment.objects.exists()


def test_the_open_notices_block_is_cached_and_follows_a_change(client, proposal, django_assert_max_num_queries):
    from campaigns.models.proposals import cached_open_proposals

    assert [row["title"] for row in cached_open_proposals()] == [proposal.title]
    with django_assert_max_num_queries(0):
        cached_open_proposals()
    proposal.is_published = False
    proposal.save()
    assert cached_open_proposals() == []
