"""POST /danh-gia/: a rating, answered as a page (without JavaScript) or as JSON (``Accept: application/json``).

The page that shows the form is the same for every reader (it may be cached); whether this reader has rated
already is said here, in the answer to the POST, which is never cached.
"""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.visitors.identity import client_ip, is_bot, visitor_of

from .forms import RatingForm
from .models import Rating
from .services import AlreadyRated, NotRatable, TooManyRatings, rate_page


def _answer(request, *, message: str, status: int, target=None, counted: bool = False):
    summary = Rating.objects.filter(page=target.page).summary() if target is not None and counted else None
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"counted": counted, "message": message}, status=status)
    context = {"message": message, "counted": counted, "target": target, "summary": summary}
    return render(request, "ratings/rating_result.html", context, status=status)


def _refusal(request) -> str | None:
    """Why this request may not rate at all: counted like views, so bots and staff are not readers."""
    if is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return _("Đánh giá từ công cụ tự động không được ghi nhận.")
    if request.user.is_authenticated and request.user.is_staff:
        return _("Đánh giá của cán bộ quản trị đang đăng nhập không được tính; hãy đăng xuất để đánh giá như bạn đọc.")
    return None


@never_cache
@require_POST
def rate(request):
    """ "Gửi đánh giá": once per visitor and page; every refusal is a sentence the reader can act on."""
    refusal = _refusal(request)
    if refusal:
        return _answer(request, message=refusal, status=403)
    form = RatingForm(request.POST)
    if not form.is_valid():
        if "target" in form.errors:
            return _answer(request, message=form.errors["target"][0], status=400)
        message = " ".join(error for errors in form.errors.values() for error in errors)
        return _answer(request, message=message, status=400, target=form.cleaned_data["target"])
    target = form.cleaned_data["target"]
    try:
        rate_page(
            target=target,
            score=form.cleaned_data["score"],
            comment=form.cleaned_data["comment"],
            visitor_key=visitor_of(request),
            address=client_ip(request),
        )
    except NotRatable:
        return _answer(request, message=_("Trang này không còn nhận đánh giá."), status=404)
    except AlreadyRated:
        message = _("Bạn đã đánh giá trang này rồi. Cảm ơn bạn!")
        return _answer(request, message=message, status=200, target=target, counted=True)
    except TooManyRatings:
        message = _("Địa chỉ mạng của bạn vừa gửi nhiều đánh giá. Vui lòng thử lại sau ít phút.")
        return _answer(request, message=message, status=429, target=target)
    message = _("Cảm ơn bạn đã đánh giá. Ý kiến của bạn giúp chúng tôi làm tốt hơn.")
    return _answer(request, message=message, status=200, target=target, counted=True)
