"""Invitations of HDMT members: the facilitators' admin screens, the e-mailed link
and the page where an invitee chooses a password."""
