"""Admin hooks of participation: each room (invitations, reminders, dashboard)
registers its own in its ``hooks`` module; Wagtail only looks for this one."""

import participation.dashboard.hooks  # noqa: F401 (registers its hooks)
import participation.invitations.hooks  # noqa: F401 (registers its hooks)
import participation.reminders.hooks  # noqa: F401 (registers its hooks)
