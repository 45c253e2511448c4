"""Participation reminders: which are due and to whom, sending them, the log in the
admin, and a member's reminder settings."""
