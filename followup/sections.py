"""The follow-up sections of cycle and lesson pages (registered on their registries)."""

from django.template.loader import render_to_string
from django.urls import reverse

from cycles.sections import CYCLE_SECTIONS
from followup import presentation
from followup.selectors import (
    can_edit,
    commitments_open,
    previous_cycle,
    shown_team_set,
)
from followup.visibility import Labels, Viewer
from lessons.sections import LESSON_SECTIONS
from portal import fragments
from portal.offline import mark_offline
from portal.page_sections import Section


def cycle_section(request, page, cycle, district) -> Section | None:
    context = {}
    if commitments_open(cycle) and page.results_visible_to(request.user):
        viewer = Viewer.of(request.user)
        commitments = presentation.shown_commitments(cycle)
        context.update(
            counts=presentation.status_counts(commitments),
            total=len(commitments),
            shown=presentation.shown(
                commitments,
                viewer,
                Labels(cycle),
                presentation.indicator_snapshots(commitments),
            ),
            download_url=reverse("followup:download", kwargs={"page_id": page.pk}),
        )
    if can_edit(request.user, cycle, district):
        team = presentation.team_context(
            page,
            cycle,
            district,
            request.user,
            current=shown_team_set(cycle, district),
            read=False,
            build_form=False,
        )
        context["team"] = team
        context["team_html"] = team_form_html(request, team)
        mark_offline(request)  # the member's service worker keeps it for offline use
    previous = previous_cycle(cycle)
    if previous is not None and previous.results_visible_to(request.user):
        context["previous"] = presentation.district_lines(
            previous, Viewer.of(request.user)
        )
        context["previous_cycle"] = previous
    if not context:
        return None
    return Section("followup/_cycle_section.html", context)


def team_form_html(request, team: dict):
    """The team's unbound form, rendered once per distinct content (its stored
    values, options, due check-ins, addresses and member) and language, and built
    only then; the reader's CSRF token put in per request."""

    def render(csrf_token):
        return render_to_string(
            "followup/_team_form.html",
            {"team": presentation.with_form(team), "csrf_token": csrf_token},
        )

    return fragments.html(
        request, "followup-team-form", render, presentation.team_form_inputs(team)
    )


def lesson_section(request, page) -> Section | None:
    adoption = presentation.reader_adoption(page, request)
    if adoption is None:
        return None
    return Section("followup/_lesson_section.html", adoption)


CYCLE_SECTIONS.register("followup", cycle_section)
LESSON_SECTIONS.register("followup", lesson_section)
