"""Uploads on S3-compatible storage, against a fake S3 server (moto) that boto3 reaches over HTTP.

STORAGES comes from the production settings given S3_BUCKET and friends, so these tests follow what an operator
configures: a Wagtail document and a case attachment go into the bucket as private objects and come back only
through the portal's own views, to those who may see them.
"""

import urllib.error
import urllib.request

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client, override_settings
from wagtail.documents.models import Document

from forms.models import CaseAttachment
from forms.models.cases import private_storage
from tests.factories import UserFactory
from tests.forms.factories import build_reporting, make_case
from tests.portal.test_settings_switches import settings_with

pytestmark = pytest.mark.django_db

MEDIA_BUCKET = "kp-media"
PRIVATE_BUCKET = "kp-sager"
CREDENTIALS = {"aws_access_key_id": "portal", "aws_secret_access_key": "hemmelig"}
REGION = "eu-north-1"


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    yield endpoint
    server.stop()


@pytest.fixture(scope="module")
def s3_client(s3_endpoint):
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION, **CREDENTIALS)
    for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
        client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    return client


@pytest.fixture(scope="module")
def s3_storages(s3_endpoint, tmp_path_factory):
    """STORAGES as the production settings make it from the operator's environment."""
    env = {
        "S3_BUCKET": MEDIA_BUCKET,
        "S3_PRIVATE_BUCKET": PRIVATE_BUCKET,
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_REGION": REGION,
        "AWS_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
        "PORTAL_BASE_URL": "https://kvalitet.kommune.example",
    }
    storages = settings_with(tmp_path_factory.mktemp("settings"), env, "STORAGES")["STORAGES"]
    storages["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    return storages


@pytest.fixture
def on_s3(s3_storages, s3_client, monkeypatch):
    """The portal with those STORAGES; the attachment field asks private_storage() again, as it does at start."""
    with override_settings(STORAGES=s3_storages):
        monkeypatch.setattr(CaseAttachment._meta.get_field("file"), "storage", private_storage())
        yield s3_client


def keys_in(client, bucket):
    return {item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", [])}


def anonymous_status(url):
    """What a browser outside the portal gets for ``url``."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - the fake server's address
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def body_of(response):
    return b"".join(response.streaming_content)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_attachment_field_uses_the_private_bucket_when_s3_is_on(on_s3):
    storage = CaseAttachment._meta.get_field("file").storage

    assert type(storage).__name__ == "S3Storage"
    assert storage.bucket_name == PRIVATE_BUCKET


def test_a_document_is_a_private_object_served_only_through_the_portal(on_s3, s3_endpoint, site_tree):
    content = b"%PDF-1.4 skema til natmaalinger"
    document = Document(title="Måleskema", file=ContentFile(content, name="maaleskema.pdf"))
    document.save()

    key = f"media/{document.file.name}"
    assert key in keys_in(on_s3, MEDIA_BUCKET)
    # Not on the internet: the bucket refuses an unsigned request.
    assert anonymous_status(f"{s3_endpoint}/{MEDIA_BUCKET}/{key}") == 403

    # Through the portal: streamed to a logged-in reader, never a redirect to the bucket.
    response = client_for(UserFactory(username="laeser")).get(document.url)
    assert response.status_code == 200
    assert body_of(response) == content
    assert Client().get(document.url).status_code == 302  # to the login page


def test_two_uploads_with_one_name_both_keep_their_content(on_s3):
    first = default_storage.save("documents/skema.pdf", ContentFile(b"version 1"))
    second = default_storage.save("documents/skema.pdf", ContentFile(b"version 2"))

    assert first != second
    assert default_storage.open(first).read() == b"version 1"
    assert default_storage.open(second).read() == b"version 2"


def test_media_addresses_point_at_the_portal_not_the_bucket(on_s3, s3_endpoint):
    name = default_storage.save("original_images/kort.png", ContentFile(b"\x89PNG kort"))

    url = default_storage.url(name)

    assert url == f"https://kvalitet.kommune.example/media/{name}"
    assert s3_endpoint not in url


def test_an_image_on_s3_is_streamed_by_the_portal_to_logged_in_staff_only(on_s3, s3_endpoint):
    name = default_storage.save("original_images/kort.png", ContentFile(b"\x89PNG kort"))
    path = default_storage.url(name).removeprefix("https://kvalitet.kommune.example")
    reader = client_for(UserFactory(username="laeser"))

    response = reader.get(path)

    assert response.status_code == 200
    assert body_of(response) == b"\x89PNG kort"
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == "attachment"
    assert reader.get("/media/original_images/findes-ikke.png").status_code == 404
    assert reader.get("/media/original_images/../../private/x.pdf").status_code in (400, 404)
    assert Client().get(path).status_code == 302
    assert anonymous_status(f"{s3_endpoint}/{MEDIA_BUCKET}/media/{name}") == 403


def test_a_case_attachment_lives_in_the_private_bucket_and_only_the_case_view_serves_it(on_s3, s3_endpoint, site_tree):
    reporting = build_reporting(site_tree.home)
    reporter = UserFactory(username="indberetter")
    case = make_case(reporter=reporter)
    attachment = CaseAttachment(case=case, original_name="målinger nat.pdf", mime_type="application/pdf", size=9)
    attachment.file.save("målinger nat.pdf", ContentFile(b"%PDF-1.4 "), save=False)
    attachment.save()
    url = reporting.index.url + reporting.index.reverse_subpage("attachment", args=[attachment.pk])

    key = f"private/{attachment.file.name}"
    assert key in keys_in(on_s3, PRIVATE_BUCKET)
    assert keys_in(on_s3, MEDIA_BUCKET).isdisjoint({key})
    assert anonymous_status(f"{s3_endpoint}/{PRIVATE_BUCKET}/{key}") == 403

    response = client_for(reporter).get(url)
    assert response.status_code == 200
    assert body_of(response) == b"%PDF-1.4 "
    assert client_for(UserFactory(username="kollega")).get(url).status_code == 404
    assert Client().get(url).status_code == 302


def test_an_attachment_lost_from_the_bucket_is_a_missing_page(on_s3, site_tree):
    reporting = build_reporting(site_tree.home)
    reporter = UserFactory(username="indberetter")
    attachment = CaseAttachment(case=make_case(reporter=reporter), original_name="x.pdf", mime_type="application/pdf")
    attachment.size = 9
    attachment.file.save("x.pdf", ContentFile(b"%PDF-1.4 "), save=False)
    attachment.save()
    on_s3.delete_object(Bucket=PRIVATE_BUCKET, Key=f"private/{attachment.file.name}")
    url = reporting.index.url + reporting.index.reverse_subpage("attachment", args=[attachment.pk])

    assert client_for(reporter).get(url).status_code == 404
