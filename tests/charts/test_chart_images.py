"""Every published chart gets its static image, even when it was published while
Chromium was absent (issue 20: the demo's results had none after `make run`)."""

import io
import shutil

import pytest
from django.core.management import call_command

from charts.anonymise import DisplayMode
from charts.models import ChartSnapshot
from tests.charts.conftest import store_charts

needs_chromium = pytest.mark.skipif(
    not shutil.which("chromium"), reason="Debian's Chromium is not installed"
)


def _without_chromium(monkeypatch, tmp_path):
    monkeypatch.delenv("BROWSER_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))


def test_chart_published_without_chromium_says_so_and_keeps_its_table(
    home_page, districts_responses, monkeypatch, tmp_path
):
    _without_chromium(monkeypatch, tmp_path)
    store_charts(home_page, districts_responses, DisplayMode.NAMES, "a1")
    assert not ChartSnapshot.objects.get().image
    out = io.StringIO()
    call_command("draw_chart_images", stdout=out)
    assert "1 chart(s) have no static image: Chromium is not installed" in (
        out.getvalue()
    )


@needs_chromium
def test_images_missing_for_lack_of_chromium_are_drawn_when_it_appears(
    home_page, districts_responses, monkeypatch, tmp_path
):
    with monkeypatch.context() as absent:
        _without_chromium(absent, tmp_path)
        store_charts(home_page, districts_responses, DisplayMode.NAMES, "a1", "a2")
    assert ChartSnapshot.objects.filter(image="", share_image="").count() == 2
    out = io.StringIO()
    call_command("draw_chart_images", stdout=out)
    assert "Drew 2 chart image(s)." in out.getvalue()
    for snapshot in ChartSnapshot.objects.all():
        svg = snapshot.image.read().decode()
        assert svg.startswith("<svg") and "Banikoara" in svg
        # The shared-link image: a PNG at Open Graph's 1200 × 630 (its IHDR chunk).
        png = snapshot.share_image.read()
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        width, height = (int.from_bytes(png[i : i + 4], "big") for i in (16, 20))
        assert (width, height) == (1200, 630)
    out = io.StringIO()
    call_command("draw_chart_images", stdout=out)
    assert out.getvalue() == ""  # nothing left to draw, nothing said
