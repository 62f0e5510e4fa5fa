"""The poll's page (question, results, the vote form while open) and the vote itself."""

import uuid

from django.conf import settings
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.visitors.identity import client_ip

from .models import Poll
from .services import AlreadyVoted, PollClosed, TooManyVotes, UnknownChoice, cast_vote

VOTER_COOKIE = "tham_do"
VOTER_COOKIE_SALT = "portal.polls.voter"  # unchanged since the cookie was first set: existing voters stay known
VOTER_COOKIE_AGE = 2 * 365 * 24 * 60 * 60


def voter_key(request) -> tuple[str, bool]:
    """The visitor's key from the signed poll cookie, or a new one; and whether the cookie must be set."""
    key = request.get_signed_cookie(VOTER_COOKIE, default=None, salt=VOTER_COOKIE_SALT)
    if key and len(key) == 32:
        return key, False
    return uuid.uuid4().hex, True


@never_cache  # "Bạn đã bình chọn" is this reader's own, and the results move with every vote
def poll_detail(request, pk):
    """ "Xem kết quả": the question, the vote form while the poll is open, and the results as bars."""
    poll = get_object_or_404(Poll.objects.visible(), pk=pk)
    results, total = poll.results()
    key, is_new = voter_key(request)
    my_choice = None if is_new else poll.votes.filter(voter_key=key).values_list("choice__text", flat=True).first()
    # A TemplateResponse, rendered late: HEAD gets the headers without the page (portal.security).
    return TemplateResponse(
        request,
        "polls/poll_detail.html",
        {"poll": poll, "results": results, "total": total, "my_choice": my_choice},
    )


@require_POST
def poll_vote(request, pk):
    """ "Gửi bình chọn": one vote per visitor and poll; every refusal is a polite message on the results page."""
    poll = get_object_or_404(Poll.objects.visible(), pk=pk)
    key, is_new = voter_key(request)
    try:
        cast_vote(poll=poll, choice_id=request.POST.get("choice"), voter_key=key, address=client_ip(request))
    except PollClosed:
        messages.warning(request, _("Cuộc thăm dò này đã kết thúc, không nhận thêm bình chọn."))
    except UnknownChoice:
        messages.error(request, _("Vui lòng chọn một phương án trước khi gửi bình chọn."))
    except TooManyVotes:
        messages.warning(
            request,
            _(
                "Địa chỉ mạng của bạn vừa gửi nhiều bình chọn cho cuộc thăm dò này. "
                "Vui lòng thử lại sau khoảng %(minutes)d phút."
            )
            % {"minutes": max(1, settings.POLL_VOTE_WINDOW // 60)},
        )
    except AlreadyVoted:
        messages.info(request, _("Bạn đã bình chọn trong cuộc thăm dò này rồi. Cảm ơn bạn đã tham gia!"))
    else:
        messages.success(request, _("Cảm ơn bạn đã gửi bình chọn."))
    response = redirect(poll.get_absolute_url())
    if is_new:
        response.set_signed_cookie(
            VOTER_COOKIE,
            key,
            salt=VOTER_COOKIE_SALT,
            max_age=VOTER_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response
