"""Writes each SMS to standard output: the default, for development and tests."""

import itertools
import sys

from sms.backends import BaseSmsBackend, SmsResult

_numbers = itertools.count(1)


class SmsBackend(BaseSmsBackend):
    name = "console"

    def __init__(self, stream=None):
        self.stream = stream or sys.stdout

    def send(self, phone: str, text: str) -> SmsResult:
        self.stream.write(f"SMS to {phone}: {text}\n")
        self.stream.flush()
        return SmsResult(
            message_id=f"console-{next(_numbers)}", status="printed", response=""
        )
