"""The login lockout's page, and the admin's "view on site" shortcut limited to what a person may see."""

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404
from django.shortcuts import render


def lockout(request, original_response=None, credentials=None):
    """What django-axes answers a locked-out login (AXES_LOCKOUT_CALLABLE): a page in Vietnamese, 429."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60) if settings.AXES_COOLOFF_TIME else None,
    }
    return render(request, "accounts/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)


def _may_view(request, model, object_id) -> bool:
    """Whether the admin would show this object to this person: its ModelAdmin's queryset and permissions."""
    try:
        model_admin = admin.site.get_model_admin(model)
    except NotRegistered:
        # Inline rows (not registered on their own): the model's view or change permission.
        opts = model._meta
        return any(request.user.has_perm(f"{opts.app_label}.{a}_{opts.model_name}") for a in ("view", "change"))
    obj = model_admin.get_object(request, unquote(object_id))
    return obj is not None and model_admin.has_view_or_change_permission(request, obj)


def view_on_site(request, content_type_id, object_id):
    """The admin's shortcut to an object's public page (``admin:view_on_site``), for staff who may see the object.

    Django's own shortcut redirects any staff member to any object's address, so a writer could learn the slug
    (the title) of another writer's draft by trying ids.
    """
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        raise Http404 from None
    if model is None or not _may_view(request, model, object_id):
        raise Http404
    return shortcut(request, content_type_id, object_id)
