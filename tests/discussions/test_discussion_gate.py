"""The discussion beside a cycle's results is behind the same gate as the results.

Role × publication × display matrix: for each reader, whether the comments show and
which names appear, on the cycle page and in every e-mail (immediate and digest).
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from charts.anonymise import pseudonyms
from cycles.factories import CycleIndexPageFactory, CyclePageFactory
from cycles.models import CyclePage, SurveyResponse
from discussions.models import Follow, Frequency, NotificationSettings
from discussions.services import Draft, hide, post_comment
from districts.factories import FacilitatorFactory

pytestmark = pytest.mark.django_db

FIGURE_A = "9 décès maternels sur 12"
FIGURE_B = "4 ruptures de stock sur 6"

GATES = {
    "unpublished": {"results_published": False, "results_public": False},
    "participants": {"results_published": True, "results_public": False},
    "public": {"results_published": True, "results_public": True},
}
MODES = ["names", "pseudonyms", "countries"]
ROLES = ["anonymous", "teammate", "other_member", "policymaker", "facilitator"]


def may_read(role, gate):
    if role == "facilitator":
        return True
    if gate == "unpublished":
        return False
    return gate == "public" or role != "anonymous"


@pytest.fixture
def people(member, teammate, other_member, policymaker, facilitator):
    member.first_name, member.last_name = "Aïcha", "Bio-Gado"
    member.save()
    other_member.first_name, other_member.last_name = "Mamadou", "Camara"
    other_member.save()
    return {
        "member": member,
        "teammate": teammate,
        "other_member": other_member,
        "policymaker": policymaker,
        "facilitator": facilitator,
    }


@pytest.fixture
def make_gated_cycle(home_page, district, other_district):
    index = CycleIndexPageFactory(parent=home_page)

    def make(gate, mode, comments=()):
        """A cycle in discussion; ``comments`` are posted while its results are
        public, then the gate is set (as when a facilitator unpublishes them)."""
        cycle = CyclePageFactory(
            parent=index,
            step=5,
            title="Décès maternels",
            slug="deces-maternels",
            results_display_mode=mode,
            **GATES["public"],
        )
        for team in (district, other_district):
            SurveyResponse.objects.create(
                cycle=cycle, district=team, status="submitted"
            )
        for author, text in comments:
            post_comment(author, cycle, Draft(text), limit_rate=False)
        CyclePage.objects.filter(pk=cycle.pk).update(**GATES[gate])
        cycle.refresh_from_db()
        return cycle

    return make


def discussion_section(page: str) -> str:
    """The discussion section (the header names the signed-in reader)."""
    start = page.index('<section class="discussion" id="discussion"')
    return page[start : page.index("</section>", start)]


def expected_labels(role, mode, cycle, district, other_district):
    """(names that must appear, names that must not) for a reader of the page."""
    letters = pseudonyms(cycle.pseudonym_seed, {district.pk, other_district.pk})
    real = {"a": "un membre de Banikoara", "b": "un membre de Boké"}
    if role == "facilitator":
        return {"Aïcha Bio-Gado", "Mamadou Camara"}, set()
    if mode == "names":
        return set(real.values()), {"Aïcha Bio-Gado", "Mamadou Camara"}
    masked = {
        "pseudonyms": {
            "a": f"un membre de {letters[district.pk]}",
            "b": f"un membre de {letters[other_district.pk]}",
        },
        "countries": {
            "a": "un participant (Bénin)",
            "b": "un participant (Guinée)",
        },
    }[mode]
    own = {"teammate": "a", "other_member": "b"}.get(role)
    shown = {real[key] if key == own else masked[key] for key in ("a", "b")}
    hidden = {"Aïcha Bio-Gado", "Mamadou Camara"}
    hidden |= {name for key, name in (("a", "Banikoara"), ("b", "Boké")) if key != own}
    return shown, hidden


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("gate", list(GATES))
@pytest.mark.parametrize("role", ROLES)
def test_the_discussion_on_the_cycle_page_follows_the_results_gate(
    client, people, make_gated_cycle, district, other_district, role, gate, mode
):
    cycle = make_gated_cycle(
        gate,
        mode,
        [(people["member"], FIGURE_A), (people["other_member"], FIGURE_B)],
    )
    if role != "anonymous":
        client.force_login(people[role])
    page = client.get(cycle.url).content.decode()
    html = discussion_section(page)
    if not may_read(role, gate):
        assert FIGURE_A not in page and FIGURE_B not in page
        assert "Banikoara" not in html and "Boké" not in html
        assert "La discussion est montrée à ceux qui peuvent voir les résultats" in html
        return
    assert FIGURE_A in html and FIGURE_B in html
    shown, hidden = expected_labels(role, mode, cycle, district, other_district)
    for label in shown:
        assert label in html, label
    for label in hidden:
        assert label not in html, label


@pytest.mark.parametrize("frequency", [Frequency.IMMEDIATE, Frequency.DAILY])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("gate", list(GATES))
@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_discussion_e_mails_follow_the_results_gate(
    people, make_gated_cycle, district, other_district, role, gate, mode, frequency
):
    """Immediate e-mails: the gate is set when the comments are posted (before
    results are published only facilitators may post). Digests: comments posted
    while the results were public, the gate set before the digest goes out."""
    reader = people[role]
    reader.email = f"{role}@example.org"
    reader.save()
    NotificationSettings.objects.update_or_create(
        user=reader, defaults={"frequency": frequency, "language": "fr"}
    )
    authors = [
        (author, text)
        for author, text in (
            (people["member"], FIGURE_A),
            (people["other_member"], FIGURE_B),
        )
        if author != reader
    ]
    if frequency == Frequency.IMMEDIATE:
        cycle = make_gated_cycle(gate, mode)
        Follow.objects.create(user=reader, page=cycle)
        if gate == "unpublished":
            authors = [(FacilitatorFactory(username="facilitator-2"), FIGURE_A)]
        for author, text in authors:
            post_comment(author, cycle, Draft(text), limit_rate=False)
    else:
        cycle = make_gated_cycle("public", mode)
        Follow.objects.create(user=reader, page=cycle)
        for author, text in authors:
            post_comment(author, cycle, Draft(text), limit_rate=False)
        assert not [m for m in mail.outbox if reader.email in m.to]
        CyclePage.objects.filter(pk=cycle.pk).update(**GATES[gate])
        call_command("send_digests")
    sent = [m for m in mail.outbox if reader.email in m.to]
    if not may_read(role, gate):
        assert sent == []
        return
    assert sent
    body = "\n".join(m.body for m in sent)
    assert FIGURE_A in body
    if gate == "unpublished" and frequency == Frequency.IMMEDIATE:
        return  # a facilitator's comment, read by facilitators only
    shown, hidden = expected_labels(role, mode, cycle, district, other_district)
    if role == "other_member":  # one's own comments are not e-mailed back
        shown = {label for label in shown if "Boké" not in label}
        hidden.discard("Mamadou Camara")
    for label in shown:
        assert label in body, label
    for label in hidden:
        assert label not in body, label


def test_a_comment_hidden_before_the_digest_stays_out_of_it(
    people, make_gated_cycle, facilitator
):
    cycle = make_gated_cycle("participants", "names")
    reader = people["teammate"]
    reader.email = "teammate@example.org"
    reader.save()
    NotificationSettings.objects.create(user=reader, frequency=Frequency.DAILY)
    Follow.objects.create(user=reader, page=cycle)
    comment = post_comment(people["other_member"], cycle, Draft(FIGURE_B))
    hide(facilitator, comment, "Chiffres à vérifier")
    mail.outbox.clear()
    call_command("send_digests")
    assert [m for m in mail.outbox if reader.email in m.to] == []


def test_a_digest_waits_for_no_one_once_results_are_unpublished(
    people, make_gated_cycle
):
    cycle = make_gated_cycle("participants", "names")
    reader = people["policymaker"]
    reader.email = "policy@example.org"
    reader.save()
    NotificationSettings.objects.create(user=reader, frequency=Frequency.DAILY)
    Follow.objects.create(user=reader, page=cycle)
    post_comment(people["member"], cycle, Draft(FIGURE_A))
    cycle.results_published = False
    cycle.save_revision().publish()
    call_command("send_digests")
    assert [m for m in mail.outbox if reader.email in m.to] == []


def test_members_cannot_post_before_they_may_read_the_results(
    client, people, make_gated_cycle
):
    cycle = make_gated_cycle("unpublished", "names")
    client.force_login(people["member"])
    from django.urls import reverse

    response = client.post(
        reverse("discussions:post", args=[cycle.pk]), {"text": FIGURE_A}
    )
    assert response.status_code in (403, 404)
    with translation.override("fr"):
        assert not cycle.discussion_visible_to(AnonymousUser())
