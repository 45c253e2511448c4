"""The image shared with a page of results (Open Graph, Twitter cards).

The tags are public and may be read by anyone the link is sent to, so the image is
that of a chart an *anonymous* reader may see (published and public results),
whoever is signed in when the page is rendered. Static images are drawn without a
viewer, under the cycle's display mode: they carry pseudonyms, never real names,
when the facilitator chose them.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext

from charts.figures import SHARE_IMAGE_SIZE
from charts.selectors import page_snapshots
from portal.social import ShareImage, register_image_source


def share_image(page, request=None) -> ShareImage | None:
    visible_to = getattr(page, "results_visible_to", None)
    results = getattr(page, "results", None)
    if visible_to is None or not results or not visible_to(AnonymousUser()):
        return None
    snapshots = page_snapshots(page, request)
    for block in results:
        snapshot = snapshots.get(block.id) if block.block_type == "chart" else None
        # The PNG only: link previews (WhatsApp, Facebook, LinkedIn, X) show no SVG.
        if snapshot is not None and snapshot.share_image:
            width, height = SHARE_IMAGE_SIZE
            return ShareImage(
                url=snapshot.share_image.url,
                alt=gettext("Chart: %(title)s") % {"title": snapshot.title},
                type="image/png",
                width=width,
                height=height,
            )
    return None


def register_as_image_source() -> None:
    """Results pages share the image of their first public chart (portal/social.py)."""
    register_image_source(share_image)
