from participation.reminder_hooks import *  # noqa: F403
