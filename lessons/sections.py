"""Sections that apps above ``lessons`` add to a lesson page (``portal.page_sections``).

A provider is called as ``provider(request=…, page=…)``."""

from portal.page_sections import SectionRegistry

LESSON_SECTIONS = SectionRegistry()
