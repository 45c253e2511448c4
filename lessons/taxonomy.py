"""Fixed, translated vocabularies of the lessons library (see docs/decisions.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LessonType(models.TextChoices):
    LESSON_LEARNED = "lesson", _("Lesson learned")
    POLICY_BRIEF = "policy-brief", _("Policy brief")
    GOOD_PRACTICE = "good-practice", _("Good practice")
    ADVOCACY_NOTE = "advocacy-note", _("Advocacy note")
    DATA_NOTE = "data-note", _("Data note")


class TopicCode(models.TextChoices):
    """WHO health-system building blocks, then the programmes districts run."""

    SERVICE_DELIVERY = "service-delivery", _("Service delivery")
    HEALTH_WORKFORCE = "health-workforce", _("Health workforce")
    INFORMATION = "health-information", _("Health information systems")
    MEDICINES = "medicines", _("Medicines and supplies")
    FINANCING = "financing", _("Health financing")
    GOVERNANCE = "governance", _("Leadership and governance")
    MATERNAL_HEALTH = "maternal-health", _("Maternal and newborn health")
    IMMUNISATION = "immunisation", _("Immunisation")
    MALARIA = "malaria", _("Malaria")
    NUTRITION = "nutrition", _("Nutrition")
    COMMUNITY_HEALTH = "community-health", _("Community health")
    EPIDEMICS = "epidemics", _("Epidemic preparedness")


class AudienceCode(models.TextChoices):
    DISTRICT_TEAMS = "district-teams", _("District health management teams")
    MINISTRY = "ministry", _("Ministry of health")
    REGIONS = "regions", _("Regional health directorates")
    PARTNERS = "partners", _("Technical and financial partners")
    COMMUNITIES = "communities", _("Communities and civil society")
