"""Media under production settings: object storage through django-storages when a
bucket is configured (tested against moto's S3-compatible server on loopback), or
MEDIA_ROOT served at /media/ (by the proxy, or by the app with SERVE_MEDIA)."""

import os
import subprocess
import sys

import boto3
import pytest
import requests

from tests.portal.gunicorn_server import ROOT, free_port, gunicorn

SECRET = "x" * 20 + "y7#Lq!2@pZ" * 5
SAVE_AND_PRINT_URL = """
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
name = default_storage.save("charts/figure.svg", ContentFile(b"<svg>chart</svg>"))
print(name)
print(default_storage.url(name))
print(" ".join(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]))
"""


@pytest.fixture
def s3_server():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="district",
        aws_secret_access_key="team-secret",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket="district-media")
    yield endpoint, client
    server.stop()


def test_production_media_go_to_the_s3_bucket_and_are_read_back(s3_server, tmp_path):
    endpoint, client = s3_server
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "district.example.org",
        "BASE_URL": "https://district.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        "AWS_STORAGE_BUCKET_NAME": "district-media",
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "district",
        "AWS_SECRET_ACCESS_KEY": "team-secret",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SAVE_AND_PRINT_URL],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    name, url, img_src = result.stdout.strip().splitlines()[-3:]
    stored = client.get_object(Bucket="district-media", Key=name)["Body"].read()
    assert stored == b"<svg>chart</svg>"
    assert url.startswith(f"{endpoint}/district-media/charts/")
    assert "X-Amz-Signature" in url or "Signature" in url  # a private bucket
    response = requests.get(url, timeout=10)
    assert response.status_code == 200 and response.content == b"<svg>chart</svg>"
    assert endpoint in img_src.split()  # the public CSP lets the images load


def test_production_serves_media_itself_when_asked(tmp_path):
    media = tmp_path / "media"
    (media / "charts").mkdir(parents=True)
    (media / "charts" / "figure.svg").write_bytes(b"<svg>chart</svg>")
    with gunicorn(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1",
        BASE_URL="https://district.example.org",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        MEDIA_ROOT=str(media),
        SERVE_MEDIA="true",
    ) as base:
        response = requests.get(f"{base}/media/charts/figure.svg", timeout=10)
        assert response.status_code == 200
        assert response.content == b"<svg>chart</svg>"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
