"""The "Liên hệ" page."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from portal.site_parts.models import SiteProfile
from portal.visitors.identity import client_ip

from .forms import ContactForm
from .services import RateLimited, notify_recipients, submit_contact_message


@require_http_methods(["GET", "HEAD", "POST"])
def contact(request):
    profile = SiteProfile.current()
    form = ContactForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                submit_contact_message(
                    form=form, ip_address=client_ip(request), notify=notify_recipients(profile.email)
                )
            except RateLimited:
                status = 429
                form.add_error(None, _("Bạn đã gửi nhiều thư trong thời gian ngắn. Vui lòng thử lại sau ít phút."))
            else:
                messages.success(request, _("Cảm ơn bạn. Thư liên hệ đã được gửi tới cơ quan."))
                return redirect(reverse("contact:contact") + "#gui-thu")
    return render(request, "contact/contact.html", {"profile": profile, "form": form}, status=status)
