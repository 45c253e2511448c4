"""Wagtail's "Forms" menu lists form pages by their Wagtail submissions; a cycle's
answers are survey responses, so it showed "no submissions" for a cycle with 50
responses (issue #16). Cycles are left out of it."""

import pytest

from tests.cycles.conftest import make_cycle

pytestmark = pytest.mark.django_db


def test_forms_menu_does_not_list_cycles_as_forms_without_submissions(
    client, facilitator, cycle_index
):
    cycle = make_cycle(cycle_index, title="Ruptures de vaccins")
    client.force_login(facilitator)
    assert client.get(f"/admin/pages/{cycle.pk}/edit/").status_code == 200
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/forms/" not in dashboard
    forms = client.get("/admin/forms/").content.decode()
    assert "Ruptures de vaccins" not in forms
    assert client.get(f"/admin/forms/submissions/{cycle.pk}/").status_code != 200
