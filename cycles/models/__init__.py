"""Cycle pages, their questionnaire and the districts' responses (one small file each)."""

from cycles.models.index import CycleIndexPage
from cycles.models.pages import CyclePage
from cycles.models.participants import CycleParticipants
from cycles.models.questions import SurveyQuestion
from cycles.models.responses import SurveyResponse, SurveyResponseRevision

__all__ = [
    "CycleIndexPage",
    "CyclePage",
    "CycleParticipants",
    "SurveyQuestion",
    "SurveyResponse",
    "SurveyResponseRevision",
]
