"""Issue 16: a numeric question's limits read as a person writes them ("0", not "0.0"),
and the error list puts French and English punctuation where each language does."""

import pytest

pytestmark = pytest.mark.django_db

ANSWERS = {"had_stock_out": "no", "confidence": "3", "version": "0"}


def submit(client, page, stock_outs):
    data = {**ANSWERS, "stock_outs": stock_outs, "submit": "1", "submission_token": "t"}
    return client.post(page.url, data).content.decode()


def test_the_minimum_of_a_number_question_reads_0_not_0_0(client, cycle, member):
    client.force_login(member)
    html = submit(client, cycle, "-1")
    assert "Assurez-vous que cette valeur est supérieure ou égale à 0." in html
    assert "égale à 0.0" not in html
    assert "Nombre de ruptures\u00a0: Assurez-vous" in html


def test_the_maximum_in_english_reads_50_with_no_space_before_the_colon(
    client, cycle_en, member
):
    client.force_login(member)
    html = submit(client, cycle_en, "51")
    assert (
        "Number of stock-outs: Ensure this value is less than or equal to 50." in html
    )
    assert "equal to 50.0" not in html
