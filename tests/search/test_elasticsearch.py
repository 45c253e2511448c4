"""Runs against a real Elasticsearch server only when ELASTICSEARCH_URL is set."""

import os

import pytest

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.skipif(
        not os.environ.get("ELASTICSEARCH_URL"),
        reason="ELASTICSEARCH_URL is not set: no Elasticsearch server to test against",
    ),
    pytest.mark.django_db,
]


def test_same_search_view_works_on_elasticsearch(client, make_lesson, benin, settings):
    from django.core.management import call_command

    from portal.env import search_backend_settings

    settings.WAGTAILSEARCH_BACKENDS = search_backend_settings(
        os.environ["ELASTICSEARCH_URL"], index_prefix="districtteam_test"
    )
    make_lesson(
        title="Santé maternelle à Kandi", topics=["maternal-health"], countries=[benin]
    )
    make_lesson(title="Vaccination à Boké", topics=["immunisation"])
    call_command("update_index", verbosity=0)
    response = client.get("/fr/search/", {"q": "maternelle"})
    assert [hit.title for hit in response.context["hits"]] == [
        "Santé maternelle à Kandi"
    ]
    topics = next(g for g in response.context["facet_groups"] if g.name == "topic")
    assert [(link.label, link.count) for link in topics.links] == [
        ("Santé maternelle et néonatale", 1)
    ]
