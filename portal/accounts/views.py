"""The login lockout's page, the second factor's pages, and the admin's "view on site" shortcut limited to what a
person may see."""

from functools import wraps

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.utils import unquote
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import twofactor
from .forms import CodeForm


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


def _next(request) -> str:
    """Where to go once the second factor is done: the admin page asked for, never another site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("admin:index")


def _going_on(request, url_name: str, target: str | None = None):
    """A redirect to another step of the second factor, carrying where to go at the end."""
    return redirect(f"{reverse(url_name)}?{urlencode({'next': target or _next(request)})}")


def staff_second_factor(view):
    """Only for staff signed in with a password while STAFF_2FA is on; others go to the login or the admin."""

    @wraps(view)
    @never_cache
    @sensitive_post_parameters("code")
    def wrapper(request, *args, **kwargs):
        if not (request.user.is_authenticated and request.user.is_staff):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if not twofactor.required(request.user):
            return redirect("admin:index")
        return view(request, *args, **kwargs)

    return wrapper


def _page(request, template: str, **context):
    site = {"site_header": admin.site.site_header, "site_title": admin.site.site_title}
    return render(request, template, {"next": _next(request), **site, **context})


@staff_second_factor
def two_factor_enrol(request):
    """First sign-in: scan the QR code (or type the secret) into an authenticator app, then prove it with a code."""
    user = request.user
    if twofactor.has_device(user):
        return _going_on(request, "accounts:two-factor")
    device = twofactor.pending_device(user)
    form = CodeForm(request.POST or None, digits_only=True)
    if form.is_valid():
        codes = twofactor.confirm_enrolment(request=request, device=device, code=form.cleaned_data["code"])
        if codes is not None:
            request.session[twofactor.NEW_BACKUP_CODES_KEY] = codes
            return _going_on(request, "accounts:backup-codes")
        form.add_error("code", _("Mã không đúng. Nhập mã ứng dụng đang hiện (mã đổi sau mỗi 30 giây)."))
    return _page(
        request,
        "accounts/two_factor_enrol.html",
        form=form,
        qr_svg=twofactor.qr_svg(device),
        secret=twofactor.secret(device),
    )


@staff_second_factor
def two_factor_verify(request):
    """After the password: one code from the app, or one backup code."""
    if not twofactor.has_device(request.user):
        return _going_on(request, "accounts:two-factor-enrol")
    if request.user.is_verified():
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        outcome = twofactor.verify(request=request, code=form.cleaned_data["code"])
        if outcome.ok:
            return redirect(_next(request))
        message = _("Mã không đúng hoặc đã dùng rồi.")
        if outcome.wait_until is not None:
            wait = time_format(timezone.localtime(outcome.wait_until), "H:i:s")
            message += " " + _("Đã nhập sai nhiều lần: đợi đến %(time)s rồi thử lại.") % {"time": wait}
        form.add_error("code", message)
    return _page(request, "accounts/two_factor_verify.html", form=form)


@staff_second_factor
def backup_codes(request):
    """The backup codes, shown once right after they are made; a fully signed-in person may make new ones."""
    if not request.user.is_verified():
        return _going_on(request, "accounts:two-factor", request.get_full_path())
    codes = request.session.pop(twofactor.NEW_BACKUP_CODES_KEY, None)
    if request.method == "POST":
        codes = twofactor.new_backup_codes(request.user)
        twofactor.record(
            twofactor.AuditEvent.Action.TWO_FACTOR_ENROLLED,
            target=request.user.get_username(),
            detail=_("tạo mã dự phòng mới"),
        )
        messages.success(request, _("Đã tạo mã dự phòng mới; các mã cũ không còn dùng được."))
    return _page(request, "accounts/backup_codes.html", codes=codes)
