"""The inbox ("Thông báo") and each person's e-mail choices, in the admin (served behind admin_view)."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import EmailChoicesForm
from .models import Notification

PER_PAGE = 30


def inbox(request):
    """The person's notifications, newest first, unread ones marked."""
    notifications = Notification.objects.for_user(request.user).select_related("actor")
    page = Paginator(notifications, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        **admin.site.each_context(request),
        "title": _("Thông báo"),
        "page": page,
        "has_unread": Notification.objects.for_user(request.user).unread().exists(),
    }
    return TemplateResponse(request, "notifications/inbox.html", context)


def open_notification(request, pk: int):
    """Mark one notification read and go where it points (the inbox if it points nowhere safe)."""
    notification = get_object_or_404(Notification.objects.for_user(request.user), pk=pk)
    services.mark_read(user=request.user, notification_ids=[notification.pk])
    if notification.url and url_has_allowed_host_and_scheme(notification.url, allowed_hosts={request.get_host()}):
        return redirect(notification.url)
    return redirect("notifications:inbox")


@require_POST
def mark_read(request):
    """Mark the ticked notifications read, or all of them with "Đánh dấu tất cả đã đọc"."""
    if "all" in request.POST:
        done = services.mark_read(user=request.user)
    else:
        ids = [int(value) for value in request.POST.getlist("ids") if value.isdigit()]
        done = services.mark_read(user=request.user, notification_ids=ids)
    messages.success(request, _("Đã đánh dấu %(n)s thông báo là đã đọc.") % {"n": done})
    page = request.POST.get("page", "")
    url = reverse("notifications:inbox")
    return redirect(f"{url}?page={page}" if page.isdigit() else url)


def preferences(request):
    """ "Thư điện tử muốn nhận": one tick per kind of notification."""
    form = EmailChoicesForm(request.POST or None, initial={"wanted": sorted(services.email_choices(request.user))})
    if request.method == "POST" and form.is_valid():
        services.set_email_choices(user=request.user, wanted=form.cleaned_data["wanted"])
        messages.success(request, _("Đã lưu lựa chọn nhận thư của bạn."))
        return redirect("notifications:preferences")
    context = {
        **admin.site.each_context(request),
        "title": _("Thư điện tử muốn nhận"),
        "form": form,
        "email_enabled": settings.NOTIFICATION_EMAILS,
    }
    return TemplateResponse(request, "notifications/preferences.html", context)
