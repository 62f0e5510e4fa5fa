"""Saving from the admin when the database or the disk says no: a form error, never a 500.

Forms check unique values first (``validate_unique``), but two administrators pressing "Lưu" at the same instant
both pass that check and the second INSERT meets the database's constraint (a theme per campaign, year and
scope; a document's or unit's slug computed on save). A full or read-only disk fails the same way while an
upload is written. ``SafeSaveAdminMixin`` catches both around the admin's add/change view (which runs in one
transaction, so nothing of the refused save is kept), removes any file the refused save had already stored, and
shows the same form again with a Vietnamese message above it; and the same around a list's editable columns
(``list_editable``, saved in one transaction too), whose rows are shown again with the message. A leaf module:
it imports no app of the project.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models
from django.utils.translation import gettext_lazy as _

from portal.uploads.storage import STORED_NOWHERE

logger = logging.getLogger(__name__)

SAVED_BY_SOMEONE_ELSE = _(
    "Không lưu được: vừa có người lưu một mục trùng với mục này (cùng số hiệu, tên hoặc đường dẫn). "
    "Hãy kiểm tra lại các trường rồi bấm Lưu lần nữa."
)


class SafeSaveAdminMixin:
    """For every ModelAdmin: a unique constraint lost to a race, or a disk that refuses a file, is a form error."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (IntegrityError, OSError) as error:
            if request.method != "POST":
                raise
            logger.warning("Save refused in the %s admin: %r", self.model._meta.label, error, exc_info=True)
            request.refused_save = SAVED_BY_SOMEONE_ELSE if isinstance(error, IntegrityError) else STORED_NOWHERE
            # The same request once more: the form validates again (now seeing the other person's row) and is
            # shown with the message; nothing is saved this time.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        try:
            return super().changelist_view(request, extra_context)
        except (IntegrityError, OSError) as error:
            if request.method != "POST" or "_save" not in request.POST:
                raise  # only the editable columns' save is a form; anything else is a real error
            logger.warning("List save refused in the %s admin: %r", self.model._meta.label, error, exc_info=True)
            request.refused_save = SAVED_BY_SOMEONE_ELSE if isinstance(error, IntegrityError) else STORED_NOWHERE
            return super().changelist_view(request, extra_context)

    def get_changelist_formset(self, request, **kwargs):
        formset = super().get_changelist_formset(request, **kwargs)
        message = getattr(request, "refused_save", None)
        return _refusing_formset(formset, message) if message else formset

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        message = getattr(request, "refused_save", None)
        return _refusing(form, message) if message else form

    def save_model(self, request, obj, form, change):
        try:
            super().save_model(request, obj, form, change)
        except (IntegrityError, OSError):
            _remove_stored_uploads(obj, form)
            raise


def _refusing(form_class, message):
    """``form_class`` with ``message`` as an error of the whole form."""

    class RefusedForm(form_class):
        def clean(self):
            cleaned = super().clean()
            self.add_error(None, ValidationError(message, code="save_refused"))
            return cleaned

    RefusedForm.__name__ = form_class.__name__
    return RefusedForm


def _refusing_formset(formset_class, message):
    """``formset_class`` with ``message`` as an error above the list's rows."""

    class RefusedFormSet(formset_class):
        def clean(self):
            super().clean()
            raise ValidationError(message, code="save_refused")

    RefusedFormSet.__name__ = formset_class.__name__
    return RefusedFormSet


def _remove_stored_uploads(obj, form) -> None:
    """Delete the files this save wrote before its row was refused (a file not yet written is left alone)."""
    for field in obj._meta.concrete_fields:
        if not isinstance(field, models.FileField) or field.name not in form.changed_data:
            continue
        stored = getattr(obj, field.attname)
        if stored and stored._committed and stored.name:
            stored.storage.delete(stored.name)
