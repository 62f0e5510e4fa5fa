from django.views.generic import TemplateView

from .models import Introduction, Leader, OrgUnit


class IntroductionView(TemplateView):
    """Giới thiệu: functions and duties, history, the organisation chart and the leaders (three queries)."""

    template_name = "about/introduction.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            introduction=Introduction.objects.current(),
            org_tree=OrgUnit.objects.select_related("unit").tree(),
            leaders=list(Leader.objects.serving()),
            **kwargs,
        )
