"""Writes: computing and storing chart snapshots when a page is published."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator

import plotly.io as pio
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from charts.anonymise import for_display
from charts.blocks import ChartBlock
from charts.data import ChartData
from charts.figures import (
    build_figure,
    chromium_path,
    figure_dict,
    render_png,
    render_svg,
)
from charts.models import ChartSnapshot
from charts.sources import (
    ChartContext,
    SourceUnavailable,
    chart_context_for,
    chart_data,
)
from portal import pagecache


def chart_blocks(page) -> Iterator[tuple[str, object]]:
    """(block id, value) of every ChartBlock in the page's StreamFields."""
    from wagtail.fields import StreamField

    for model_field in page._meta.get_fields():
        if isinstance(model_field, StreamField):
            for child in getattr(page, model_field.name) or []:
                if isinstance(child.block, ChartBlock):
                    yield child.id, child.value


def new_pseudonym_seed() -> str:
    return secrets.token_hex(16)


def save_snapshot(
    page,
    block_id: str,
    value,
    data: ChartData | None,
    context: ChartContext,
    unavailable_reason: str = "",
) -> ChartSnapshot:
    """Store ``data`` (full detail) and what is derived from it under the page's
    display options: the interactive figure and the static SVG."""
    snapshot, _created = ChartSnapshot.objects.get_or_create(
        translation_key=page.translation_key,
        block_id=block_id,
        language=page.locale.language_code,
        defaults={"page": page},
    )
    snapshot.page = page
    snapshot.chart_type = value["chart_type"]
    snapshot.title = value["title"]
    snapshot.caption = value.get("caption") or ""
    snapshot.source_note = value.get("source_note") or ""
    snapshot.display_mode = context.display.mode
    snapshot.pseudonym_seed = context.display.seed
    snapshot.district_universe = sorted(context.display.universe or [])
    snapshot.unavailable_reason = unavailable_reason
    if snapshot.image:
        snapshot.image.delete(save=False)
    snapshot.figure = {}
    if data is None:
        snapshot.data = {}
    else:
        data.metadata.setdefault("date", timezone.localdate().isoformat())
        if context.cycle_title:
            data.metadata.setdefault("cycle", context.cycle_title)
        if snapshot.source_note:
            data.metadata["source"] = snapshot.source_note
        snapshot.data = data.to_dict()
        if snapshot.chart_type != "table":
            shown = for_display(data, context.display)
            figure = build_figure(shown, snapshot.chart_type)
            snapshot.figure = figure_dict(figure)
            _store_image(snapshot, figure)
    snapshot.save()
    return snapshot


def _store_image(snapshot: ChartSnapshot, figure) -> bool:
    """Render ``figure`` to the snapshot's static SVG and its PNG for shared links
    (not saved); False without Chromium."""
    svg = render_svg(figure)
    if not svg:
        return False
    stem = f"{snapshot.translation_key}-{snapshot.block_id}-{snapshot.language}"
    snapshot.image.save(f"{stem}.svg", ContentFile(svg), save=False)
    png = render_png(figure)
    if png:
        snapshot.share_image.save(f"{stem}.png", ContentFile(png), save=False)
    return True


def draw_missing_images() -> tuple[int, int]:
    """Draw the static image and the shared-link PNG of every chart stored without
    them (published while Chromium was absent, or before PNGs were drawn):
    (drawn, still missing)."""
    drawn = missing = 0
    undrawn = Q(image="") | Q(share_image="")
    for snapshot in ChartSnapshot.objects.exclude(figure={}).filter(undrawn):
        if chromium_path() and _store_image(
            snapshot, pio.from_json(json.dumps(snapshot.figure))
        ):
            snapshot.save(update_fields=["image", "share_image"])
            drawn += 1
        else:
            missing += 1
    return drawn, missing


def refresh_snapshot(
    page, block_id: str, value, context: ChartContext
) -> ChartSnapshot:
    try:
        data = chart_data(value.source_kind, value.source_value, context)
    except SourceUnavailable as reason:
        return save_snapshot(page, block_id, value, None, context, str(reason))
    return save_snapshot(page, block_id, value, data, context)


def refresh_page_charts(page) -> list[ChartSnapshot]:
    """Recompute every chart of a (published) page; forget removed charts."""
    page = page.specific
    context = chart_context_for(page)
    snapshots = [
        refresh_snapshot(page, block_id, value, context)
        for block_id, value in chart_blocks(page)
    ]
    with transaction.atomic():
        ChartSnapshot.objects.filter(
            translation_key=page.translation_key, language=page.locale.language_code
        ).exclude(block_id__in=[s.block_id for s in snapshots]).delete()
    pagecache.purge()  # anonymous readers see the new charts at once
    return snapshots
