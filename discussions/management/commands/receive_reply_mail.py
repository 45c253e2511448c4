"""Read replies by e-mail from a plain IMAP mailbox (settings.REPLY_IMAP).

Unread messages only; each is marked \\Seen after it was handled (posted, bounced or
ignored), so a crash or a network error leaves it for the next run. Messages are
fetched with BODY.PEEK[], which, unlike RFC822, does not mark them seen by itself.
"""

import contextlib
import email
import imaplib
from email import policy

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from discussions import failures
from discussions.inbound import receive
from discussions.models import Channel


def _refused(host: str, error: BaseException) -> CommandError:
    """The error for cron's mail, and a row for the admin's "Delivery problems"."""
    failures.record(
        Channel.INBOUND, failures.IMAP_ERROR, sender=host, detail=f"IMAP: {error}"
    )
    return CommandError(f"IMAP {host}: {error}")


class Command(BaseCommand):
    help = (
        "Post the replies waiting in the REPLY_IMAP mailbox (cron, e.g. every 5 min)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would happen; post, bounce and mark nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        config = settings.REPLY_IMAP
        if not config.get("HOST"):
            raise CommandError("REPLY_IMAP_HOST is not set.")
        kind = imaplib.IMAP4_SSL if config.get("SSL", True) else imaplib.IMAP4
        try:
            connection = kind(config["HOST"], int(config.get("PORT") or 993))
        except OSError as error:
            raise _refused(config["HOST"], error) from error
        try:
            connection.login(config["USER"], config["PASSWORD"])
            connection.select(config.get("FOLDER") or "INBOX")
            counts = self._read(connection, dry_run)
        except (imaplib.IMAP4.error, OSError) as error:
            raise _refused(config["HOST"], error) from error
        finally:
            with contextlib.suppress(imaplib.IMAP4.error, OSError):
                connection.logout()
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        self.stdout.write(summary or "No unread message.")

    def _read(self, connection, dry_run: bool) -> dict[str, int]:
        counts: dict[str, int] = {}
        _status, data = connection.search(None, "UNSEEN")
        for number in (data[0] or b"").split():
            _status, parts = connection.fetch(number, "(BODY.PEEK[])")
            raw = next((part[1] for part in parts if isinstance(part, tuple)), None)
            if raw is None:
                continue
            message = email.message_from_bytes(raw, policy=policy.default)
            outcome = receive(message, dry_run=dry_run)
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            self.stdout.write(
                f"{number.decode()}: {outcome.status} {outcome.reason}".rstrip()
            )
            if not dry_run:
                connection.store(number, "+FLAGS", "\\Seen")
        return counts
