"""Twelve demo lessons from the Benin and Guinea learning cycles, French then English."""

from demo.content.lessons_first_six import LESSONS as FIRST_SIX
from demo.content.lessons_last_six import LESSONS as LAST_SIX

LESSONS = [*FIRST_SIX, *LAST_SIX]
