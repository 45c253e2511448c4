import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

pytestmark = pytest.mark.django_db


def test_a_post_body_over_the_limit_is_refused(client, settings, home_page):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client.post(
        "/fr/login/", {"username": "x" * 2048, "password": "y"}, secure=True
    )
    assert response.status_code == 400


def test_the_default_body_limit_is_five_megabytes(client, home_page):
    response = client.post(
        "/fr/login/", {"username": "x" * (5 * 1024 * 1024 + 1), "password": "y"}
    )
    assert response.status_code == 400


def test_too_many_fields_are_refused(client, home_page):
    fields = {f"field{i}": "1" for i in range(1001)}
    assert client.post("/fr/login/", fields).status_code == 400


def _png(padding: int = 0) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "white").save(buffer, format="PNG")
    return buffer.getvalue() + b"\0" * padding


def test_an_image_over_five_megabytes_is_refused(settings):
    form_class = get_image_form(get_image_model())
    big = SimpleUploadedFile("big.png", _png(5 * 1024 * 1024), "image/png")
    form = form_class(data={"title": "Big"}, files={"file": big})
    assert not form.is_valid()
    assert "file" in form.errors
    small = SimpleUploadedFile("small.png", _png(), "image/png")
    assert form_class(data={"title": "Small"}, files={"file": small}).is_valid()


@pytest.mark.parametrize("name", ["tool.exe", "page.html", "vector.svg", "run.sh"])
def test_documents_of_unexpected_types_are_refused(name):
    form_class = get_document_form(get_document_model())
    upload = SimpleUploadedFile(name, b"MZ not a document", "application/octet-stream")
    form = form_class(data={"title": name}, files={"file": upload})
    assert not form.is_valid()
    assert "file" in form.errors


def test_a_pdf_document_is_accepted():
    form_class = get_document_form(get_document_model())
    upload = SimpleUploadedFile("brief.pdf", b"%PDF-1.4\n%%EOF", "application/pdf")
    assert form_class(data={"title": "Brief"}, files={"file": upload}).is_valid()
