"""The follow-up sections of cycle and lesson pages (registered on their registries)."""

from django.urls import reverse

from cycles.sections import CYCLE_SECTIONS
from followup import presentation
from followup.selectors import can_edit, commitments_open, previous_cycle
from followup.visibility import Labels, Viewer
from lessons.sections import LESSON_SECTIONS
from portal.offline import mark_offline
from portal.page_sections import Section


def cycle_section(request, page, cycle, district) -> Section | None:
    context = {}
    if commitments_open(cycle) and page.results_visible_to(request.user):
        viewer = Viewer.of(request.user)
        commitments = presentation.cycle_commitments(cycle)
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
        context["team"] = presentation.team_context(page, cycle, district, request.user)
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


def lesson_section(request, page) -> Section | None:
    adoption = presentation.reader_adoption(page, request)
    if adoption is None:
        return None
    return Section("followup/_lesson_section.html", adoption)


CYCLE_SECTIONS.register("followup", cycle_section)
LESSON_SECTIONS.register("followup", lesson_section)
