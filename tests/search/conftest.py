"""The search tests build lessons with the lessons tests' fixtures and helpers."""

from tests.lessons.conftest import (  # noqa: F401
    _no_briefs_on_publish,
    library,
    library_en,
    make_lesson,
    publish,
    translate,
)
