"""Receiving a reader's question, and staff answering it."""

from django.db import transaction
from django.utils import timezone

from portal.privacy.consent import record_consents
from portal.uploads.attachments import delete_file
from portal.visitors.budget import take_reader_form_slot

from .forms import PUBLISH_CONSENT
from .models import Question


class RateLimited(Exception):
    """Too many questions from this address lately; nothing was saved."""


def submit_question(*, form, ip_address: str | None) -> Question:
    """Save a valid form as a received question with its consents; its due date is set on save."""
    if not take_reader_form_slot(form="question", address=ip_address):
        raise RateLimited
    question = form.save(commit=False)
    question.ip_address = ip_address
    question.status = Question.Status.RECEIVED
    question.allow_publication = form.gave(PUBLISH_CONSENT.code)
    try:
        with transaction.atomic():
            question.save()
            record_consents(subject=question, email=question.email, purposes=form.given_purposes())
    except Exception:
        delete_file(question.attachment)  # the file is written before the row: never leave it alone
        raise
    return question


def record_answer(*, question: Question, by) -> None:
    """Called when staff save a question: an answer given for the first time is stamped with who and when."""
    if question.answer.strip() and question.answered_at is None:
        question.status = Question.Status.ANSWERED
        question.answered_at = timezone.now()
        question.answered_by = by
