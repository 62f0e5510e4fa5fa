"""Each save or delete of a site part clears the cached block it feeds."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import BannerLink, SiteProfile, Slogan, Video, WebLink, forget_cached_site_parts


@receiver([post_save, post_delete], sender=Slogan)
def clear_slogans(**kwargs):
    Slogan.forget_cached()


@receiver([post_save, post_delete], sender=BannerLink)
@receiver([post_save, post_delete], sender=WebLink)
@receiver([post_save, post_delete], sender=Video)
def clear_site_parts(**kwargs):
    forget_cached_site_parts()


@receiver([post_save, post_delete], sender=SiteProfile)
def clear_site_profile(**kwargs):
    SiteProfile.forget_cached()
