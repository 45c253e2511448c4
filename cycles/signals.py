"""On publication: copy a source cycle's behaviour to its translations, freeze the
districts taking part once its answers are open, and tell the cycle's followers when
its facilitators' synthesis is first published. A question saved or deleted by any
path renews the site's cached pieces (the questionnaire read by cycle pages)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from cycles.models import CyclePage, SurveyQuestion
from cycles.models.behaviour import sync_behaviour_to_translations
from cycles.participants import answers_have_opened, freeze_participants
from discussions.announcements import announce_synthesis as announce
from portal import chrome


@receiver(page_published, sender=CyclePage)
def copy_behaviour(sender, instance, **kwargs):
    sync_behaviour_to_translations(instance)


@receiver(page_published, sender=CyclePage)
def freeze_districts_taking_part(sender, instance, **kwargs):
    if answers_have_opened(instance):
        freeze_participants(instance)


@receiver(page_published, sender=CyclePage)
def announce_synthesis(sender, instance, **kwargs):
    if instance.shows_synthesis:
        announce(instance)


@receiver(post_save, sender=SurveyQuestion)
@receiver(post_delete, sender=SurveyQuestion)
def forget_cached_questionnaire(sender, **kwargs):
    chrome.forget()
