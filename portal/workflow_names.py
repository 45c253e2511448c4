"""Moderation workflows and tasks shown by their translated names in the admin.

Their names are data (Wagtail's migration made "Moderators approval" in English), so
the stored name stays a stable identifier, like the role groups' names, and the
admin shows its translation from the catalogue (``gettext(name)``), falling back to
the name itself for a workflow a facilitator made by hand.
"""

from django.utils.translation import gettext, gettext_noop
from wagtail.admin.action_menu import SubmitForModerationMenuItem

#: Names of the workflows and tasks that exist on every install, for makemessages.
KNOWN_NAMES = (gettext_noop("Moderators approval"),)


def display_name(name: str) -> str:
    return gettext(name) if name else name


class TranslatedSubmitMenuItem(SubmitForModerationMenuItem):
    """« Soumettre à Validation par les modérateurs », not « … à Moderators approval »."""

    def get_context_data(self, parent_context):
        # The parent's own label (with the raw name) is not computed at all.
        context = super(SubmitForModerationMenuItem, self).get_context_data(
            parent_context
        )
        page = context.get("page")
        state = page.current_workflow_state if page else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            task = state.current_task_state.task
            context["label"] = gettext("Resubmit to %(task_name)s") % {
                "task_name": display_name(task.name)
            }
            return context
        workflow_page = page if page and page.pk else context["parent_page"]
        workflow = workflow_page.get_workflow()
        if workflow:
            context["label"] = gettext("Submit to %(workflow_name)s") % {
                "workflow_name": display_name(workflow.name)
            }
        return context


def translate_submit_item(menu_items: list) -> None:
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            translated = TranslatedSubmitMenuItem(order=item.order)
            menu_items[index] = translated
