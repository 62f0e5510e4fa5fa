"""Award proposals for public comment: the notices, and each notice with its list and (while open) a form."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from django.views.generic import ListView

from portal.visitors.identity import client_ip

from .forms import ProposalCommentForm
from .models import AwardProposal
from .proposals import RateLimited, submit_proposal_comment


class ProposalListView(ListView):
    template_name = "campaigns/proposal_list.html"
    context_object_name = "proposals"
    paginate_by = 12
    heading = gettext_lazy("Lấy ý kiến đề nghị khen thưởng")

    def get_queryset(self):
        return AwardProposal.objects.public().select_related("campaign")

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, today=timezone.localdate(), **kwargs)


@require_http_methods(["GET", "HEAD", "POST"])
def proposal_detail(request, slug):
    proposal = get_object_or_404(AwardProposal.objects.public().select_related("campaign"), slug=slug)
    form = ProposalCommentForm(request.POST or None, proposal=proposal) if proposal.is_open() else None
    status = 200
    if request.method == "POST":
        status = 400
        if form is None:
            messages.error(request, _("Thời gian lấy ý kiến đã kết thúc hoặc chưa bắt đầu."))
            return redirect(proposal.get_absolute_url())
        if form.is_valid():
            try:
                submit_proposal_comment(form=form, proposal=proposal, ip_address=client_ip(request))
            except RateLimited:
                status = 429
                form.add_error(None, _("Bạn đã gửi nhiều góp ý trong thời gian ngắn. Vui lòng thử lại sau ít phút."))
            else:
                messages.success(request, _("Cảm ơn bạn. Góp ý đã được gửi tới Hội đồng Thi đua – Khen thưởng."))
                return redirect(proposal.get_absolute_url() + "#gop-y")
    context = {"proposal": proposal, "nominees": proposal.nominees.all(), "form": form, "today": timezone.localdate()}
    return render(request, "campaigns/proposal_detail.html", context, status=status)
