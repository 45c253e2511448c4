"""The import itself: parsed questions into the cycle's source page and translations."""

import tempfile
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from cycles.models import CyclePage, SurveyQuestion
from cycles.questionnaire import KINDS_WITHOUT_ANSWER
from cycles.selectors import canonical_cycle, has_answers
from cycles.translation import QuestionText, ensure_translation, sync_questions
from cycles.xlsform.parse import parse_questions
from cycles.xlsform.report import (
    AnswersExist,
    DraftPending,
    ImportReport,
    ParsedQuestion,
    SkippedRow,
    XLSFormError,
)
from cycles.xlsform.workbook import parse_workbook, row_numbers, text_in


def _texts(question: ParsedQuestion, code: str) -> QuestionText:
    return QuestionText(
        label=text_in(question.labels, code)[:500] or question.name,
        help_text=text_in(question.hints, code)[:500],
        choices="\n".join(
            text_in(labels, code) or value for value, labels in question.choices
        ),
    )


def import_xlsform(
    cycle: CyclePage, source, force: bool = False, user=None
) -> ImportReport:
    """Replace the cycle's questionnaire with the XLSForm's; `source` is a path or an
    uploaded file. Raises XLSFormError (nothing changed) when it cannot."""
    cycle = canonical_cycle(cycle)
    if has_answers(cycle) and not force:
        raise AnswersExist(
            _(
                "Districts have already answered this cycle: importing would change "
                "the questions under their answers."
            )
        )
    if cycle.live and cycle.has_unpublished_changes:
        raise DraftPending(
            _(
                "This cycle's page has changes that are not published yet; importing "
                "would replace the questionnaire without them and lose them. Publish "
                "or discard those changes in the editor, then import again."
            )
        )
    with tempfile.TemporaryDirectory() as folder:
        path = _as_path(source, Path(folder))
        data = parse_workbook(path)
        rows = row_numbers(path)
    report = ImportReport()
    questions = parse_questions(data, rows, report)
    if not [q for q in questions if q.kind not in KINDS_WITHOUT_ANSWER]:
        raise XLSFormError(
            _("This XLSForm has no question that can be imported: %(rows)s")
            % {"rows": "; ".join(_said(row) for row in report.skipped[:8]) or "—"}
        )
    report.languages = sorted({code for q in questions for code in q.labels if code})
    with transaction.atomic():
        cycle.questions.all().delete()
        for order, question in enumerate(questions):
            texts = _texts(question, "fr")
            SurveyQuestion.objects.create(
                page=cycle,
                sort_order=order,
                name=question.name[:64],
                field_type=question.kind,
                required=question.required,
                label=texts.label,
                help_text=texts.help_text,
                choices=texts.choices,
                choice_values="\n".join(value for value, _labels in question.choices),
                min_value=question.min_value,
                max_value=question.max_value,
                condition_name=question.condition_name,
                condition_value=question.condition_value,
            )
        revision = _with_imported_questions(cycle).save_revision(user=user)
        if cycle.live:
            revision.publish(user=user)
        english = ensure_translation(cycle, "en")
        sync_questions(cycle, english, {q.name: _texts(q, "en") for q in questions})
    report.imported = len(questions)
    return report


def _said(row: SkippedRow) -> str:
    return _("row %(row)s (%(name)s): %(reason)s") % {
        "row": row.row or "?",
        "name": row.name,
        "reason": row.reason,
    }


def _with_imported_questions(cycle: CyclePage) -> CyclePage:
    """The page to save as a revision: a live page as published (it has no pending
    changes), a never-published page as its latest draft, so that the draft's edits
    are kept alongside the imported questions."""
    stored = CyclePage.objects.get(pk=cycle.pk)
    if cycle.live:
        return stored
    draft = cycle.get_latest_revision_as_object()
    draft.questions = list(stored.questions.all())
    return draft


def _as_path(source, folder: Path) -> Path:
    if isinstance(source, str | Path):
        return Path(source)
    suffix = Path(getattr(source, "name", "form.xlsx")).suffix.lower()
    path = folder / f"form{suffix}"
    with path.open("wb") as handle:
        for chunk in source.chunks() if hasattr(source, "chunks") else [source.read()]:
            handle.write(chunk)
    return path
