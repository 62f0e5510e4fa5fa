from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialCalendarConfig(AppConfig):
    name = "news.editorial_calendar"
    label = "editorial_calendar"
    verbose_name = _("Lịch biên tập")
