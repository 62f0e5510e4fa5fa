from django.apps import AppConfig


class LegacyConfig(AppConfig):
    name = "news.legacy"
    label = "legacy"
    verbose_name = "Nhập bài từ cổng cũ"
