"""Hỏi đáp – Góp ý: the published answers, the question form, the status page by tracking code, staff downloads."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from portal.uploads.attachments import download_response
from portal.visitors.identity import client_ip

from .forms import AnswerSearchForm, QuestionForm, TrackingForm
from .models import Question, Topic
from .services import RateLimited, submit_question

PAGE_SIZE = 10


@require_safe
def question_list(request):
    """Published questions with their answers, searchable, by topic."""
    form = AnswerSearchForm(request.GET or None)
    filters = form.filters()
    questions = Question.objects.published().select_related("topic").order_by("-answered_at", "-id")
    if filters.get("chu_de"):
        questions = questions.filter(topic=filters["chu_de"])
    if filters.get("q"):
        questions = questions.search(filters["q"])
    page = Paginator(questions, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "page_obj": page,
        "questions": page.object_list,
        "is_filtered": bool(filters),
        "tracking_form": TrackingForm(),
    }
    return render(request, "questions/question_list.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def ask(request):
    form = QuestionForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                question = submit_question(form=form, ip_address=client_ip(request))
            except RateLimited:
                status = 429
                form.add_error(None, _("Bạn đã gửi nhiều câu hỏi trong thời gian ngắn. Vui lòng thử lại sau ít phút."))
            else:
                messages.success(
                    request,
                    _("Câu hỏi đã được tiếp nhận. Hãy ghi lại mã tra cứu %(code)s để theo dõi tình trạng xử lý.")
                    % {"code": question.code},
                )
                return redirect(question.get_absolute_url())
    has_topics = Topic.objects.filter(is_active=True).exists()
    return render(request, "questions/ask.html", {"form": form, "has_topics": has_topics}, status=status)


@never_cache
@require_safe
def track(request):
    """The "Tra cứu" box: a code typed in goes to its status page."""
    form = TrackingForm(request.GET if "ma" in request.GET else None)
    if form.is_valid() and Question.objects.filter(code=form.cleaned_data["ma"]).exists():
        return redirect("questions:status", code=form.cleaned_data["ma"])
    if form.is_bound and not form.errors:
        form.add_error("ma", _("Không tìm thấy câu hỏi có mã này. Vui lòng kiểm tra lại."))
    return render(request, "questions/track.html", {"tracking_form": form}, status=404 if form.is_bound else 200)


@never_cache
@require_safe
def question_status(request, code):
    """One reader's question, by its code: never cached, never shows the asker's name or contact."""
    question = get_object_or_404(Question.objects.select_related("topic"), code=code.upper())
    steps = [(value, label, value == question.status) for value, label in Question.Status.choices]
    return render(request, "questions/status.html", {"question": question, "steps": steps})


def question_attachment(request, code):
    """A question's file, for staff who handle questions only, always as a download."""
    if not request.user.has_perm("questions.view_question"):
        raise Http404
    question = get_object_or_404(Question.objects.exclude(attachment=""), code=code)
    return download_response(question.attachment, kind=question.attachment_kind, original_name=question.attachment_name)
