"""A small, defensive client for the DHIS2 Web API.

Every failure (network, HTTP status, body) becomes one :class:`Dhis2Error` whose
``message`` is a translated, one-line explanation a person can act on. Calls are
retried with back-off on timeouts, dropped connections and 5xx answers, within a
total time budget, so a server that never answers gives up in bounded time.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import requests
from django.utils.translation import gettext as _

AUTH_TOKEN = "token"  # noqa: S105 (a method name, not a secret)
AUTH_BASIC = "basic"
DEFAULT_PAGE_SIZE = 50


class Dhis2Error(Exception):
    """A DHIS2 call that failed; ``kind`` is machine-readable, ``message`` human."""

    def __init__(
        self,
        kind: str,
        message: str,
        *,
        status: int | None = None,
        conflicts: list[dict] | None = None,
        body: dict | None = None,
    ):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.conflicts = conflicts or []
        #: The decoded JSON body DHIS2 sent with the error, when there was one.
        self.body = body

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Dhis2Connection:
    """Where and how to reach a DHIS2 instance."""

    base_url: str
    auth_method: str = AUTH_TOKEN
    token: str = ""
    username: str = ""
    password: str = ""
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    #: Give up once this many seconds have passed since the first attempt.
    total_budget: float = 55.0

    @property
    def api_root(self) -> str:
        return self.base_url.rstrip("/") + "/api/"


def conflict_lines(conflicts: list[dict]) -> list[str]:
    """DHIS2 conflicts ``[{object, value}]`` as readable lines."""
    lines = []
    for conflict in conflicts:
        obj = conflict.get("object", "")
        value = conflict.get("value", "")
        lines.append(f"{obj}: {value}" if obj else str(value))
    return lines


def _conflicts_of(body) -> list[dict]:
    if not isinstance(body, dict):
        return []
    response = body.get("response")
    if isinstance(response, dict) and response.get("conflicts"):
        return list(response["conflicts"])
    return list(body.get("conflicts") or [])


class Dhis2Client:
    def __init__(self, connection: Dhis2Connection, session=None):
        if not connection.base_url:
            raise Dhis2Error(
                "config", _("No DHIS2 address is configured (set the base URL).")
            )
        self.connection = connection
        self.session = session or requests.Session()
        self.session.headers["Accept"] = "application/json"
        if connection.auth_method == AUTH_BASIC:
            self.session.auth = (connection.username, connection.password)
        elif connection.token:
            self.session.headers["Authorization"] = f"ApiToken {connection.token}"

    # --- low level -----------------------------------------------------------------
    def url(self, path: str) -> str:
        if path.startswith(("http://", "https://")):
            return path
        return urljoin(self.connection.api_root, path.lstrip("/"))

    def request(self, method: str, path: str, **kwargs):
        """Send a request and return the decoded JSON body (retrying when sensible)."""
        conn = self.connection
        started = time.monotonic()
        attempt = 0
        while True:
            remaining = max(conn.total_budget - (time.monotonic() - started), 0.1)
            try:
                response = self.session.request(
                    method,
                    self.url(path),
                    timeout=self._timeouts(remaining),
                    **kwargs,
                )
                if response.status_code >= 400:
                    # Only 5xx ("server") errors are retried below.
                    raise self._http_error(response)
                return self._decode(response)
            except (requests.Timeout, requests.ConnectionError) as exc:
                error = self._network_error(exc)
            except requests.exceptions.ChunkedEncodingError:
                error = self._truncated_error(None)
            except requests.RequestException as exc:
                raise Dhis2Error(
                    "config",
                    _("The DHIS2 address is not usable: %(detail)s")
                    % {"detail": exc.__class__.__name__},
                ) from None
            except Dhis2Error as exc:
                if exc.kind != "server":
                    raise
                error = exc
            attempt += 1
            delay = conn.backoff * (2 ** (attempt - 1))
            elapsed = time.monotonic() - started
            if attempt > conn.retries or elapsed + delay >= conn.total_budget:
                raise error
            time.sleep(delay)

    def _timeouts(self, remaining: float) -> tuple[float, float]:
        """Connect and read timeouts that together fit in the remaining budget."""
        connect = min(self.connection.connect_timeout, remaining)
        read = min(self.connection.read_timeout, max(remaining - connect, 0.1))
        return connect, read

    def _decode(self, response):
        text = response.text
        content_type = response.headers.get("Content-Type", "")
        try:
            return json.loads(text) if text else {}
        except ValueError:
            if "json" in content_type or text.lstrip().startswith(("{", "[")):
                raise self._truncated_error(response.status_code) from None
            raise Dhis2Error(
                "not_json",
                _(
                    "DHIS2 did not answer with data (not JSON): check that the "
                    "base URL points at a DHIS2 server."
                ),
                status=response.status_code,
            ) from None

    def _truncated_error(self, status: int | None) -> Dhis2Error:
        return Dhis2Error(
            "truncated",
            _(
                "DHIS2 sent an incomplete answer (the data was cut off). Try again later."
            ),
            status=status,
        )

    def _body_message(self, response) -> tuple[str, list[dict], dict | None]:
        try:
            body = response.json()
        except ValueError:
            return "", [], None
        if not isinstance(body, dict):
            return "", [], None
        return str(body.get("message") or ""), _conflicts_of(body), body

    def _http_error(self, response) -> Dhis2Error:
        status = response.status_code
        detail, conflicts, body = self._body_message(response)
        if status == 401:
            return Dhis2Error(
                "unauthorized",
                _(
                    "DHIS2 refused the credentials (401): the token or password is wrong or expired."
                ),
                status=status,
            )
        if status == 403:
            return Dhis2Error(
                "forbidden",
                _(
                    "DHIS2 accepted the credentials but this account may not do that (403)."
                ),
                status=status,
            )
        if status == 404:
            return Dhis2Error(
                "not_found",
                _("DHIS2 does not know this address (404): check the base URL."),
                status=status,
            )
        if status == 409:
            lines = conflict_lines(conflicts)
            summary = "; ".join(lines) or detail
            return Dhis2Error(
                "conflict",
                _("DHIS2 rejected the request (409): %(detail)s")
                % {"detail": summary or _("no details given")},
                status=status,
                conflicts=conflicts,
                body=body,
            )
        if status >= 500:
            return Dhis2Error(
                "server",
                _("DHIS2 had an internal error (%(status)s). Try again later.")
                % {"status": status},
                status=status,
            )
        return Dhis2Error(
            "http",
            _("DHIS2 answered with an error (%(status)s): %(detail)s")
            % {"status": status, "detail": detail or response.reason},
            status=status,
        )

    def _network_error(self, exc: Exception) -> Dhis2Error:
        if isinstance(exc, requests.Timeout):
            return Dhis2Error(
                "timeout",
                _("DHIS2 did not answer in time. The server may be down or very slow."),
            )
        return Dhis2Error(
            "connection",
            _("Could not reach DHIS2: check the base URL and the network."),
        )

    # --- high level ----------------------------------------------------------------
    def get(self, path: str, params=None):
        return self.request("GET", path, params=params)

    def post(self, path: str, payload, params=None):
        return self.request("POST", path, json=payload, params=params)

    def paged(
        self, path: str, key: str, params=None, page_size: int = DEFAULT_PAGE_SIZE
    ) -> Iterator[dict]:
        """Yield every item of a paged collection, following ``pager`` to the end."""
        base = list(params.items() if isinstance(params, dict) else params or [])
        base.append(("pageSize", page_size))
        page = 1
        while True:
            body = self.get(path, params=[*base, ("page", page)])
            if not isinstance(body, dict) or key not in body:
                raise Dhis2Error(
                    "unexpected",
                    _("DHIS2 answered without the expected list (%(key)s).")
                    % {"key": key},
                )
            yield from body[key]
            pager = body.get("pager") or {}
            page_count = pager.get("pageCount")
            if pager.get("nextPage") or (page_count and page < page_count):
                page += 1
                continue
            return

    def system_info(self) -> dict:
        return self.get("system/info")

    def me(self) -> dict:
        return self.get("me", params={"fields": "id,username,displayName"})
