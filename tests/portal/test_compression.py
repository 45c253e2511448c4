"""Pages travel gzipped to browsers that accept it: a slow 3G reader pays for less."""

import gzip


def test_pages_are_gzipped_for_browsers_that_accept_it(client, home_page):
    plain = client.get(home_page.url)
    packed = client.get(home_page.url, headers={"accept-encoding": "gzip"})
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    html = gzip.decompress(packed.content).decode()
    assert "District.Team" in html
    assert len(packed.content) < len(plain.content) / 2


def test_browsers_without_gzip_get_plain_html(client, home_page):
    response = client.get(home_page.url)
    assert not response.has_header("Content-Encoding")
    assert response.content.lstrip().startswith(b"<!DOCTYPE html>")
