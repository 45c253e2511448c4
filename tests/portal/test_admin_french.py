"""The Wagtail admin in French for the facilitator (issue #16): the moderation
workflow's name, the "add" buttons of inline panels, the models' names."""

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(home_page):
    from cycles.factories import CycleIndexPageFactory, CyclePageFactory

    index = CycleIndexPageFactory(parent=home_page)
    return CyclePageFactory(parent=index, slug="ruptures")


def _editor_html(client, user, page, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


def test_submit_button_names_the_workflow_in_the_editors_language(
    client, facilitator, cycle
):
    """Case: the French editor said « Soumettre à Moderators approval » (the name
    of Wagtail's default workflow is data, made in English by its migration)."""
    html = _editor_html(client, facilitator, cycle, "fr")
    assert "Soumettre à Validation par les modérateurs" in html
    assert "Moderators approval" not in html

    html = _editor_html(client, facilitator, cycle, "en")
    assert "Submit to Moderators approval" in html


def test_a_page_in_moderation_names_its_workflow_in_french_everywhere(
    client, facilitator, cycle
):
    """Case: once submitted, the status panel, the dashboard and the workflow
    report said « Envoyé vers Moderators approval », « En attente Moderators
    approval »."""
    from wagtail.models import Workflow

    cycle.save_revision(user=facilitator)
    cycle.get_workflow().start(cycle, facilitator)
    _editor_html(client, facilitator, cycle, "fr")
    for url in (
        f"/admin/pages/{cycle.pk}/edit/",
        "/admin/",
        "/admin/reports/workflow/",
    ):
        html = client.get(url, follow=True).content.decode()
        assert "Validation par les modérateurs" in html, url
        assert "Moderators approval" not in html, url

    _editor_html(client, facilitator, cycle, "en")
    assert "Moderators approval" in client.get("/admin/").content.decode()
    # Saved from the French admin, the name stays the identifier.
    with translation.override("fr"):
        workflow = Workflow.objects.get(name="Moderators approval")
        workflow.name = str(workflow.name)
        workflow.save()
    assert Workflow.objects.filter(name="Moderators approval").exists()


def test_cycle_editor_offers_to_add_a_question_in_correct_french(
    client, facilitator, cycle
):
    """Case: Wagtail's « Ajouter un(e) %s » gave « Ajouter un(e) Question »."""
    html = _editor_html(client, facilitator, cycle, "fr")
    assert "Ajouter une question" in html
    assert "un(e)" not in html

    html = _editor_html(client, facilitator, cycle, "en")
    assert "Add a question" in html


PROJECT_APPS = {
    "portal",
    "home",
    "districts",
    "cycles",
    "search",
    "dhis2",
    "charts",
    "discussions",
    "participation",
    "lessons",
}
#: Words spelt the same in both languages (the catalogue still translates them).
SAME_IN_BOTH = {"district", "districts", "question", "questions", "forum", "forums"}
SAME_IN_BOTH |= {"invitation", "invitations", "notification", "notifications"}


def _capitalised(text: str) -> bool:
    """Django capitalises labels itself; an acronym (DHIS2, URL) may lead."""
    return text[:1].isupper() and not text.split()[0].isupper()


def _french_catalogue():
    from django.utils.translation import trans_real

    return trans_real.translation("fr")._catalog


def _own_fields(model):
    """The fields the project declares (not Wagtail's or Django's own)."""
    for field in model._meta.get_fields(include_parents=False):
        if not getattr(field, "concrete", False) or field.auto_created:
            continue
        origin = _declaring_class(model, field.name)
        if origin.__module__.split(".")[0] in PROJECT_APPS:
            yield field


def _declaring_class(model, name):
    for klass in reversed(model.__mro__):
        meta = klass.__dict__.get("_meta")
        if meta is None:
            continue
        if any(f.name == name for f in meta.local_fields + meta.local_many_to_many):
            return klass
    return model


def test_every_project_model_has_french_verbose_names():
    """Case: « Ajouter un(e) Question », models named in English in the French
    admin, field labels « URL de base » capitalised twice."""
    catalogue = _french_catalogue()
    problems = []
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        label = model._meta.label
        names = {
            attr: model._meta.original_attrs.get(attr)
            for attr in ("verbose_name", "verbose_name_plural")
        }
        for attr, name in names.items():
            if not isinstance(name, Promise):
                problems.append(f"{label}.{attr} is not translatable: {name!r}")
                continue
            with translation.override("en"):
                english = str(name)
            with translation.override("fr"):
                french = str(name)
            if english not in catalogue:
                problems.append(f"{label}.{attr} {english!r} has no French")
            elif french == english and english not in SAME_IN_BOTH:
                problems.append(f"{label}.{attr} {english!r} is English in French")
            if _capitalised(english) or _capitalised(french):
                problems.append(f"{label}.{attr} is capitalised: {french!r}")
        for field in _own_fields(model):
            name = field.verbose_name
            where = f"{label}.{field.name}"
            if not isinstance(name, Promise):
                problems.append(f"{where} is not translatable: {name!r}")
                continue
            for language in ("en", "fr"):
                with translation.override(language):
                    text = str(name)
                if _capitalised(text):
                    problems.append(f"{where} is capitalised in {language}: {text!r}")
    assert problems == []
    assert settings.LANGUAGE_CODE == "fr"


def test_a_facilitator_can_approve_a_page_another_facilitator_submitted(
    client, facilitator, cycle
):
    """Case: the only workflow's task was assigned to Wagtail's own "Moderators"
    group, which nobody here belongs to, so a page a facilitator submitted for
    moderation waited for ever (only a superuser could approve it)."""
    from districts.factories import FacilitatorFactory

    reviewer = FacilitatorFactory(username="facilitator-2")
    cycle.save_revision(user=facilitator)
    cycle.get_workflow().start(cycle, facilitator)
    task = cycle.current_workflow_task.specific
    actions = [name for name, _label, _modal in task.get_actions(cycle, reviewer)]
    assert "approve" in actions
    assert "reject" in actions
    html = _editor_html(client, reviewer, cycle, "fr")
    assert "Approuver et Publier" in html  # the editor's own button
