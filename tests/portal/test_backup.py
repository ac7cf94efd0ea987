"""Backup and restore: the database and the uploaded files come back as they were, on SQLite and PostgreSQL.

The tests are transactional: pg_dump and pg_restore are other processes, which see committed data only.
"""

import io
import json
import os
import stat
import subprocess
import sys
import tarfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from forms.models import CaseAttachment, Deviation
from handbook.models import ControlledDocumentPage, DocumentVersion
from tests.factories import make_document
from tests.forms.factories import make_case

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MAIN_MODELS = [
    Page,
    ControlledDocumentPage,
    DocumentVersion,
    Revision,
    Deviation,
    CaseAttachment,
    get_image_model(),
    get_document_model(),
    get_user_model(),
]


@pytest.fixture
def content(site_tree, reader):
    """A document in its second version, a case with an attachment, an image and a document file."""
    document = make_document(site_tree.section)
    document.save_revision().publish()
    case = make_case(reporter=reader, title="Skiltet ved indgangen mangler")
    attachment = CaseAttachment(case=case, original_name="foto.pdf", mime_type="application/pdf", size=9)
    attachment.file.save("foto.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    image = get_image_model()(title="Rensningsanlæg", file=ImageFile(io.BytesIO(png_bytes()), name="anlaeg.png"))
    image.save()
    leaflet = get_document_model()(title="Skema", file=ContentFile("Målinger 2026\n".encode(), name="skema.txt"))
    leaflet.save()
    return SimpleNamespace(document=document, case=case, attachment=attachment, image=image, leaflet=leaflet)


@pytest.fixture
def backup_dir(tmp_path):
    return tmp_path / "backups"


def test_a_restore_brings_back_what_was_changed_and_deleted(content, reader, backup_dir):
    assert DocumentVersion.objects.filter(document=content.document).count() == 2
    before, attachment_pk = snapshot(), content.attachment.pk

    path = make_backup(backup_dir)
    change_everything(content)
    assert snapshot() != before
    call_command("restore", str(path), "--confirm", stdout=io.StringIO())

    after = snapshot()
    assert after["rows"] == before["rows"]
    assert after["files"] == before["files"]
    restored = Deviation.objects.get(pk=content.case.pk)
    assert restored.title == "Skiltet ved indgangen mangler" and restored.reporter == reader
    assert CaseAttachment.objects.get(pk=attachment_pk).file.read() == b"%PDF-1.4\n"


def test_a_backup_is_one_private_folder_named_by_its_time(content, backup_dir):
    path = make_backup(backup_dir)

    assert [child.name for child in backup_dir.iterdir()] == [path.name]  # nothing half-written beside it
    assert path.name[:4].isdigit() and "T" in path.name
    assert stat.S_IMODE(path.stat().st_mode) == 0o700  # it holds everyone's reports
    manifest = json.loads((path / "manifest.json").read_text())
    assert manifest["database"]["vendor"] == connection.vendor
    with tarfile.open(path / "private.tar") as archive:
        assert content.attachment.file.name in archive.getnames()
    assert make_backup(backup_dir) != path  # a second one the same second does not replace the first


def test_a_restore_asks_for_confirmation_and_changes_nothing_without_it(content, backup_dir):
    path = make_backup(backup_dir)
    change_everything(content)
    changed = snapshot()

    with pytest.raises(CommandError, match="--confirm"):
        call_command("restore", str(path))

    assert snapshot() == changed


def corrupt_archive(path):
    data = bytearray((path / "media.tar").read_bytes())
    data[600:640] = b"x" * 40
    (path / "media.tar").write_bytes(bytes(data))


def truncate_database(path):
    database = next(path.glob("database.*"))
    database.write_bytes(database.read_bytes()[:2000])


def claim_other_database(path):
    edit_manifest(path, lambda manifest: manifest["database"].update(vendor=other_vendor()))


def garble_manifest(path):
    (path / "manifest.json").write_text("{not json")


def escaping_archive(path):
    """A well-formed archive, checksum and all, whose member would land outside the media folder."""
    evil = io.BytesIO()
    with tarfile.open(fileobj=evil, mode="w") as archive:
        member = tarfile.TarInfo("../escaped.txt")
        member.size = 3
        archive.addfile(member, io.BytesIO(b"bad"))
    (path / "media.tar").write_bytes(evil.getvalue())
    edit_manifest(path, lambda manifest: manifest["checksums"].update({"media.tar": sha256_of(path / "media.tar")}))


def missing_file(path):
    (path / "private.tar").unlink()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (corrupt_archive, "media.tar does not match its checksum"),
        (truncate_database, "does not match its checksum"),
        (claim_other_database, "same kind of database"),
        (garble_manifest, "cannot be read"),
        (escaping_archive, "cannot be unpacked"),
        (missing_file, "private.tar is missing"),
    ],
    ids=["corrupt archive", "truncated database", "other kind of database", "garbled manifest", "escaping", "missing"],
)
def test_a_damaged_backup_is_refused_and_nothing_is_overwritten(content, backup_dir, damage, message):
    path = make_backup(backup_dir)
    damage(path)
    change_everything(content)
    changed = snapshot()

    with pytest.raises(CommandError, match=message):
        call_command("restore", str(path), "--confirm")

    assert snapshot() == changed
    assert not (Path(settings.MEDIA_ROOT).parent / "escaped.txt").exists()
    assert [p.name for p in Path(settings.MEDIA_ROOT).parent.glob(".*restoring")] == []


def test_restoring_a_backup_that_does_not_exist_fails_with_a_message_and_an_exit_status(tmp_path):
    """As an operator or a script runs it: the exit status says it failed, stderr says why."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "restore", str(tmp_path / "2026-11-24T153000"), "--confirm"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode != 0
    assert "There is no backup at" in result.stderr and "Nothing was restored" in result.stderr


# Helpers


def make_backup(directory):
    output = io.StringIO()
    call_command("backup", "--dir", str(directory), stdout=output, stderr=io.StringIO())
    path = Path(output.getvalue().strip())
    assert path.parent == directory and path.is_dir()
    return path


def change_everything(content):
    """What happens after a backup: a document deleted, a case edited, its file removed, files changed and added."""
    ControlledDocumentPage.objects.get(pk=content.document.pk).delete()
    Deviation.objects.filter(pk=content.case.pk).update(title="Ændret efter backup")
    content.attachment.file.delete(save=False)
    content.attachment.delete()
    Path(content.image.file.path).write_bytes(b"overwritten")
    content.leaflet.delete()
    Path(settings.MEDIA_ROOT, "documents", "ny.txt").write_text("lagt ind efter backup")
    get_user_model().objects.create_user("efter-backup")


def snapshot():
    """The rows of the main tables and the bytes of every uploaded file."""
    rows = {model._meta.label: list(model.objects.order_by("pk").values()) for model in MAIN_MODELS}
    files = {}
    for root in (Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)):
        for path in root.rglob("*"):
            if path.is_file():
                files[f"{root.name}/{path.relative_to(root).as_posix()}"] = path.read_bytes()
    return {"rows": rows, "files": files}


def edit_manifest(path, change):
    manifest = json.loads((path / "manifest.json").read_text())
    change(manifest)
    (path / "manifest.json").write_text(json.dumps(manifest))


def other_vendor():
    return "sqlite" if connection.vendor == "postgresql" else "postgresql"


def sha256_of(path):
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def png_bytes():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (8, 8), "green").save(buffer, "PNG")
    return buffer.getvalue()
