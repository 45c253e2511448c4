"""Sections that apps above ``cycles`` add to a cycle page (``portal.page_sections``).

A provider is called as ``provider(request=…, page=…, cycle=…, district=…)``: the
page being read, its source cycle and the reader's district (or None)."""

from portal.page_sections import SectionRegistry

CYCLE_SECTIONS = SectionRegistry()
