"""The public page of the privacy policy: the current version, with the list of earlier ones."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from .models import PrivacyPolicy


@require_safe
def policy(request):
    current = PrivacyPolicy.current()
    earlier = PrivacyPolicy.objects.published().exclude(version=current.version).only("version", "published_at")
    return render(request, "privacy/policy.html", {"policy": current, "earlier": earlier})
