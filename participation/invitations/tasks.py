"""Invitation e-mails leave as a task (django-tasks): immediately in the embedded
default, on the database-backed worker in production, so a 2,000-row import does not
hold the facilitator's request open while the mail server answers."""

from django_tasks import task

from participation.invitations.sending import send_invitations


@task()
def send_invitations_task(invitation_ids: list[int]) -> int:
    return send_invitations(invitation_ids)
