"""Load profile for `make load` (see bench/load.py, which starts the server).

Issue 9: simulated users reading cycles and lessons, searching, saving drafts and
submitting. Each kind of visitor is a locust user class; each request type a task
with a `name` that the report groups by (bench/load.py sums the anonymous page names
listed in its ANONYMOUS_PAGES into "throughput of anonymous pages").

Anonymous readers find the cycle and lesson pages from the French listing pages
(the demo site's `/fr/cycles/` and `/fr/lecons/`, see demo/cycles.py and
demo/lessons.py). Team members sign in as `hdmt-<district>-1` (LOAD_USERNAMES, one
distinct district per simulated member) and answer the demo cycle that is at step 3.

Production cookies are `Secure`; the load test talks plain HTTP on loopback, so the
session and CSRF cookies are carried by hand (`carry_cookies`).
"""

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, task

PASSWORD = os.environ.get("DEMO_PASSWORD", "district-team-demo")
MEMBERS = [name for name in os.environ.get("LOAD_USERNAMES", "").split(",") if name]
SEARCH_WORDS = ["paludisme", "district", "santé", "vaccination", "cycle", "stock"]
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

CYCLES_INDEX = "/fr/cycles/"
LESSONS_INDEX = "/fr/lecons/"
# The demo cycle whose answers are open (step 3), demo/content/cycles_open.py VACCINES.
OPEN_CYCLE = "/fr/cycles/ruptures-de-stock-de-vaccins/"

SURVEY_FORM = re.compile(r'<form[^>]*id="survey-form".*?</form>', re.S)
FORM_STATUS = re.compile(r'data-status="([^"]*)"')
DRAFT_URL = re.compile(r'data-draft-url="([^"]+)"')
HIDDEN_FIELD = re.compile(
    r'<input type="hidden" name="(version|submission_token)" value="([^"]*)"'
)
CHOICE_INPUT = re.compile(
    r'<input type="(radio|checkbox)" name="([^"]+)" value="([^"]*)"'
)
NUMBER_INPUT = re.compile(r'<input type="number" name="([^"]+)"([^>]*)>')
BOUND = re.compile(r'\b(min|max)="([-0-9.]+)"')

# Hands each simulated member the next account, so no two share a district.
_member_numbers = itertools.count()


def page_links(html: str, index_path: str) -> list[str]:
    """The child pages an index links to (`/fr/cycles/<slug>/`), without the index."""
    pattern = re.compile(rf'href="({re.escape(index_path)}[a-z0-9-]+/)"')
    return sorted(set(pattern.findall(html)))


class PortalUser(HttpUser):
    abstract = True
    wait_time = between(1, 3)

    def carry_cookies(self, response) -> None:
        for name in ("csrftoken", "sessionid"):
            if name in response.cookies:
                self.client.cookies.set(name, response.cookies[name])

    def csrf_header(self) -> dict[str, str]:
        return {"X-CSRFToken": self.client.cookies.get("csrftoken", "")}

    def log_in(self, username: str) -> None:
        form = self.client.get("/fr/login/", name="login form")
        self.carry_cookies(form)
        token = CSRF_INPUT.search(form.text).group(1)
        with self.client.post(
            "/fr/login/",
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="login",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login refused ({response.status_code})")
            self.carry_cookies(response)


STOCK_URL = os.environ.get("LOAD_STOCK_URL", "")


class StockReader(HttpUser):
    """The reference: a stock `wagtail start` home page, served by gunicorn beside the
    portal and read under the same load, so page p95s are ratios to its p95."""

    fixed_count = int(os.environ.get("LOAD_STOCK_USERS", "5"))
    wait_time = between(1, 3)
    host = STOCK_URL or "http://127.0.0.1:9"
    abstract = not STOCK_URL

    @task
    def stock_home(self):
        self.client.get("/", name=STOCK_NAME)


STOCK_NAME = "stock Wagtail home"


class AnonymousReader(HttpUser):
    """A policymaker or partner reading the public site without signing in."""

    weight = 4
    wait_time = between(1, 3)

    def on_start(self):
        self.cycle_urls = self.read_index(CYCLES_INDEX, "cycles index (anonymous)")
        self.lesson_urls = self.read_index(LESSONS_INDEX, "lessons index (anonymous)")

    def read_index(self, path: str, name: str) -> list[str]:
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
                return []
            links = page_links(response.text, path)
            if not links:
                response.failure("the index links to no page")
            return links

    def read_page(self, url: str, name: str) -> None:
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif "<h1" not in response.text:
                response.failure("no page title")

    @task(4)
    def home_fr(self):
        self.client.get("/fr/", name="home fr (anonymous)")

    @task(2)
    def home_en(self):
        self.client.get("/en/", name="home en (anonymous)")

    @task(2)
    def search(self):
        word = random.choice(SEARCH_WORDS)
        self.client.get(f"/fr/search/?q={word}", name="search")

    @task(1)
    def cycles_index(self):
        self.read_index(CYCLES_INDEX, "cycles index (anonymous)")

    @task(3)
    def cycle_page(self):
        if self.cycle_urls:
            self.read_page(random.choice(self.cycle_urls), "cycle page (anonymous)")

    @task(1)
    def lessons_index(self):
        self.read_index(LESSONS_INDEX, "lessons index (anonymous)")

    @task(3)
    def lesson_page(self):
        if self.lesson_urls:
            self.read_page(random.choice(self.lesson_urls), "lesson page (anonymous)")


class TeamMember(PortalUser):
    """An HDMT member: signs in, reads, and answers the open cycle for the district:
    autosaved drafts, then a submit (re-submitting updates the submitted answers)."""

    weight = 1

    def on_start(self):
        number = next(_member_numbers)
        self.log_in(MEMBERS[number % len(MEMBERS)] if MEMBERS else "policymaker")
        self.survey = None
        self.open_cycle()

    def open_cycle(self) -> None:
        """Read the open cycle's survey form: what the browser would post back."""
        self.survey = None
        with self.client.get(
            OPEN_CYCLE, name="cycle page (signed in)", catch_response=True
        ) as response:
            self.carry_cookies(response)
            form = SURVEY_FORM.search(response.text or "")
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            elif form is None:
                response.failure("no survey form for this member")
            else:
                self.survey = self.read_survey(form.group(0))

    @staticmethod
    def read_survey(form: str) -> dict:
        choices: dict[str, tuple[str, list[str]]] = {}
        for kind, name, value in CHOICE_INPUT.findall(form):
            choices.setdefault(name, (kind, []))[1].append(value)
        numbers = {}
        for name, attributes in NUMBER_INPUT.findall(form):
            bounds = dict(BOUND.findall(attributes))
            numbers[name] = (
                int(float(bounds.get("min", 0))),
                int(float(bounds.get("max", 100))),
            )
        hidden = dict(HIDDEN_FIELD.findall(form))
        return {
            "status": FORM_STATUS.search(form).group(1),
            "draft_url": DRAFT_URL.search(form).group(1),
            "csrf": CSRF_INPUT.search(form).group(1),
            "version": int(hidden.get("version") or 0),
            "token": hidden.get("submission_token", ""),
            "choices": choices,
            "numbers": numbers,
        }

    def answers(self, complete: bool) -> dict:
        """Plausible answers: every choice and number question when submitting
        (which answers the required ones), about half of them for a draft."""
        answers = {}
        for name, (kind, values) in self.survey["choices"].items():
            if complete or random.random() < 0.5:
                if kind == "checkbox":
                    answers[name] = random.sample(
                        values, random.randint(1, len(values))
                    )
                else:
                    answers[name] = random.choice(values)
        for name, (low, high) in self.survey["numbers"].items():
            if complete or random.random() < 0.5:
                answers[name] = str(random.randint(low, high))
        return answers

    @task(2)
    def home_signed_in(self):
        with self.client.get(
            "/fr/", name="home fr (signed in)", catch_response=True
        ) as r:
            if "logout" not in r.text:
                r.failure("not signed in")

    @task(1)
    def search(self):
        self.client.get(f"/fr/search/?q={random.choice(SEARCH_WORDS)}", name="search")

    @task(2)
    def cycle_page(self):
        self.open_cycle()

    @task(4)
    def save_draft(self):
        """What survey.js sends 1.5 s after typing. Once the district has submitted,
        the portal refuses drafts with a 409 that says so (the submitted answers never
        silently revert to a draft): expected, so counted as a success."""
        if self.survey is None:
            return
        submitted = self.survey["status"] == "submitted"
        with self.client.post(
            self.survey["draft_url"],
            data=json.dumps(
                {"answers": self.answers(False), "version": self.survey["version"]}
            ),
            headers={
                "Content-Type": "application/json",
                "X-CSRFToken": self.survey["csrf"],
            },
            name="draft save",
            catch_response=True,
        ) as response:
            try:
                body = response.json()
            except ValueError:
                response.failure(f"status {response.status_code}, not JSON")
                return
            if response.status_code == 200 and "version" in body:
                self.survey["version"] = body["version"]
            elif response.status_code == 409 and submitted and "conflicts" not in body:
                response.success()
            else:
                response.failure(
                    f"status {response.status_code}: {body.get('message')}"
                )

    @task(1)
    def submit(self):
        """Open the cycle, then submit every answer with the form's button. The
        portal answers a submit, a first one or an update of submitted answers, with
        a redirect to the receipt; the form again (200) means it refused the answers."""
        self.open_cycle()
        if self.survey is None:
            return
        data = {
            "csrfmiddlewaretoken": self.survey["csrf"],
            "version": self.survey["version"],
            "submission_token": self.survey["token"],
            "submit": "1",
            **self.answers(True),
        }
        with self.client.post(
            OPEN_CYCLE,
            data,
            name="survey submit",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            location = response.headers.get("Location", "")
            if response.status_code != 302 or not location.endswith("#receipt"):
                response.failure(f"status {response.status_code} {location}".strip())
            else:
                self.survey["status"] = "submitted"
