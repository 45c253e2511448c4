"""pyxform's own example forms (tests/example_xls and tests/bug_example_xls of pyxform
4.5.0, BSD licence in xlsform_corpus/LICENSE.pyxform): every one imports or is refused
with a translated message; none crashes, none leaves a page that cannot be published."""

from pathlib import Path

import pytest
from django.utils import translation

from cycles.factories import CyclePageFactory
from cycles.models import SurveyQuestion
from cycles.xlsform import XLSFormError, import_xlsform

CORPUS = sorted(
    path
    for path in (Path(__file__).parent / "xlsform_corpus").iterdir()
    if path.suffix in (".xls", ".xlsx")
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus_cycle(cycle_index, home_page_en):
    return CyclePageFactory(parent=cycle_index, step=2, slug="corpus", title="Corpus")


def test_corpus_is_there():
    assert len(CORPUS) >= 50


@pytest.mark.parametrize("path", CORPUS, ids=[path.name for path in CORPUS])
def test_pyxform_example_form_imports_or_is_refused_clearly(corpus_cycle, path):
    with translation.override("fr"):
        try:
            report = import_xlsform(corpus_cycle, path)
        except XLSFormError as refusal:
            message = str(refusal)
            assert message and "Traceback" not in message
            assert "[row" not in message  # pyxform's English prefix, said in French
            assert not SurveyQuestion.objects.filter(page=corpus_cycle).exists()
            return
    assert report.imported > 0
    for question in SurveyQuestion.objects.filter(page=corpus_cycle):
        question.full_clean()  # the editor could publish the page as imported
