"""Load profile for `make load` (see bench/load.py, which starts the server).

Each kind of visitor is a locust user class; each request type a task with a `name`
that the report groups by. To add cycles, lessons, draft saves or submissions, add a
task to the class whose visitors do it, e.g.::

    @task(3)
    def save_draft(self):
        self.client.post(CYCLE_URL + "draft/", data, headers=self.csrf_header(),
                         name="draft save")

Production cookies are `Secure`; the load test talks plain HTTP on loopback, so the
session and CSRF cookies are carried by hand (`carry_cookies`).
"""

import os
import random
import re

from locust import HttpUser, between, task

PASSWORD = os.environ.get("DEMO_PASSWORD", "district-team-demo")
MEMBERS = [name for name in os.environ.get("LOAD_USERNAMES", "").split(",") if name]
SEARCH_WORDS = ["paludisme", "district", "santé", "vaccination", "cycle", "stock"]
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


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


class AnonymousReader(HttpUser):
    """A policymaker or partner reading the public site without signing in."""

    weight = 4
    wait_time = between(1, 3)

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


class TeamMember(PortalUser):
    """An HDMT member: signs in, then reads (cycles, drafts and submits go here)."""

    weight = 1

    def on_start(self):
        self.log_in(random.choice(MEMBERS) if MEMBERS else "policymaker")

    @task(3)
    def home_signed_in(self):
        with self.client.get(
            "/fr/", name="home fr (signed in)", catch_response=True
        ) as r:
            if "logout" not in r.text:
                r.failure("not signed in")

    @task(1)
    def search(self):
        self.client.get(f"/fr/search/?q={random.choice(SEARCH_WORDS)}", name="search")
