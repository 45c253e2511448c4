import pytest
from django.core.management import call_command

from discussions.models import CommentDetails, CommentFlag, ForumPage

pytestmark = pytest.mark.django_db


def test_demo_forums_in_both_languages_with_threads(client):
    call_command("seed_demo")
    call_command("seed_demo")
    assert ForumPage.objects.filter(locale__language_code="fr").count() == 3
    assert ForumPage.objects.filter(locale__language_code="en").count() == 3
    comments = CommentDetails.objects.count()
    assert comments >= 3 * 8
    assert CommentFlag.objects.exists()
    french = client.get("/fr/forum/").content.decode()
    assert "Ruptures de stock d'ACT" in french.replace("&#x27;", "'")
    english = client.get("/en/forum/").content.decode()
    assert "Sharing our community health worker roster" in english
    assert "Teams&#x27; forum" in english
