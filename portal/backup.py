"""Backups of everything the portal keeps: the database and the uploaded files, one folder per backup.

    <BACKUP_DIR>/2026-11-24T153012/
        manifest.json       what the backup holds: the kind of database, each file's SHA-256
        database.sqlite3    SQLite: a consistent copy made with SQLite's online backup API
        database.pgdump     PostgreSQL: pg_dump's custom format, restored with pg_restore
        media.tar           MEDIA_ROOT: images and documents
        private.tar         PRIVATE_MEDIA_ROOT: the attachments of deviations and proposals

A backup is written under a hidden name and renamed when complete, so a folder with a timestamp is always
whole. A restore checks the whole backup first (checksums, kind of database, archive members) and unpacks the
files beside their folders before it touches anything; the database is replaced in one transaction.

Folders kept in S3 instead (see docs/deployment.md) are not copied: the bucket's own versioning backs them up.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why, for the operator."""


@dataclass
class Backup:
    path: Path
    manifest: dict

    @property
    def database_file(self):
        return self.path / self.manifest["database"]["file"]

    @property
    def created(self):
        return self.manifest.get("created", "?")


def default_directory():
    return Path(os.environ.get("BACKUP_DIR") or Path(settings.VAR_DIR) / "backups")


def file_folders():
    """The folders of uploaded files, by the name of their archive; None for a folder kept in S3."""
    default_is_local = settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")
    return {
        "media": Path(settings.MEDIA_ROOT) if default_is_local else None,
        "private": None if "private" in settings.STORAGES else Path(settings.PRIVATE_MEDIA_ROOT),
    }


# Making a backup


def create_backup(directory):
    """Writes a new backup under ``directory`` and returns its folder."""
    vendor = database_vendor()
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    name = unique_name(directory)
    partial = Path(tempfile.mkdtemp(prefix=f".{name}.", suffix=".partial", dir=directory))  # mode 0700
    try:
        # The database first, then the files: an upload made meanwhile is only an unused file in the backup,
        # while the other order would leave rows whose file is missing.
        database_file = DATABASE_FILES[vendor]
        DUMPERS[vendor](partial / database_file)
        folders = {}
        for label, root in file_folders().items():
            folders[label] = None if root is None else archive_folder(root, partial / f"{label}.tar")
        listed = [database_file, *filter(None, folders.values())]
        manifest = {
            "format": FORMAT,
            "created": timezone.localtime().isoformat(timespec="seconds"),
            "database": {"vendor": vendor, "file": database_file},
            "folders": folders,
            "checksums": {filename: sha256(partial / filename) for filename in listed},
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        final = directory / name
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final


def unique_name(directory):
    stamp = timezone.localtime().strftime("%Y-%m-%dT%H%M%S")
    name, number = stamp, 1
    while (directory / name).exists():
        number += 1
        name = f"{stamp}-{number}"
    return name


def dump_sqlite(target):
    connection.ensure_connection()
    with closing(sqlite3.connect(target)) as copy:
        connection.connection.backup(copy)  # a consistent copy even while the portal writes


def dump_postgresql(target):
    run_client(["pg_dump", "--format=custom", f"--file={target}"], "pg_dump")


DUMPERS = {"sqlite": dump_sqlite, "postgresql": dump_postgresql}


def archive_folder(root, target):
    """The folder's contents as a tar file; an absent folder gives an empty archive."""
    with tarfile.open(target, "w") as archive:
        if root.is_dir():
            for child in sorted(root.iterdir()):
                archive.add(child, arcname=child.name)
    return target.name


# Restoring one


def read_backup(path):
    """The backup at ``path``, checked whole: it is complete, undamaged and of this portal's kind of database."""
    path = Path(path)
    if not path.is_dir():
        raise BackupError(f"There is no backup at {path}.")
    try:
        manifest = json.loads((path / MANIFEST).read_text())
        vendor, filename = manifest["database"]["vendor"], manifest["database"]["file"]
        checksums = manifest["checksums"]
        listed = {filename, *filter(None, manifest["folders"].values())}
    except FileNotFoundError:
        raise BackupError(f"{path} is not a backup: it has no {MANIFEST}.") from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BackupError(f"The {MANIFEST} of {path} cannot be read: the backup is damaged.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is a backup in a format this version cannot read ({manifest.get('format')}).")
    current = database_vendor()
    if vendor != current:
        raise BackupError(
            f"{path} holds a {VENDOR_NAMES.get(vendor, vendor)} database, but this portal runs on "
            f"{VENDOR_NAMES[current]}: restore it into a portal with the same kind of database."
        )
    if not isinstance(checksums, dict) or not listed <= set(checksums) or not _safe_names(checksums):
        raise BackupError(f"The {MANIFEST} of {path} cannot be read: the backup is damaged.")
    for name, checksum in checksums.items():
        if not (path / name).is_file():
            raise BackupError(f"The backup {path} is incomplete: {name} is missing.")
        if sha256(path / name) != checksum:
            raise BackupError(f"The backup {path} is damaged: {name} does not match its checksum.")
    backup = Backup(path, manifest)
    CHECKERS[vendor](backup.database_file)
    return backup


def restore_backup(backup):
    """Replaces the database and the uploaded files with the backup's."""
    staged = {}
    try:
        for label, root in file_folders().items():
            archive = backup.manifest["folders"].get(label)
            if root is not None and archive:
                staged[root] = unpack_beside(backup.path / archive, root)
        RESTORERS[backup.manifest["database"]["vendor"]](backup.database_file)
        for root, unpacked in staged.items():
            replace_contents(root, unpacked)
    finally:
        for unpacked in staged.values():
            shutil.rmtree(unpacked, ignore_errors=True)


def check_sqlite(database_file):
    try:
        with closing(sqlite3.connect(f"file:{database_file}?mode=ro", uri=True)) as copy:
            result = copy.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"The database in the backup cannot be read: {error}.") from None
    if result != ("ok",):
        raise BackupError(f"The database in the backup is damaged: {result[0] if result else 'no answer'}.")


def check_postgresql(database_file):
    run_client(["pg_restore", "--list", str(database_file)], "pg_restore --list")


def restore_sqlite(database_file):
    connection.ensure_connection()
    with closing(sqlite3.connect(f"file:{database_file}?mode=ro", uri=True)) as copy:
        copy.backup(connection.connection)  # page by page into the live database, under its write lock


def restore_postgresql(database_file):
    connection.close()  # our own idle connection must not hold a lock that pg_restore waits for
    run_client(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",  # all of it or nothing: a failure leaves the database as it was
            "--exit-on-error",
            f"--dbname={connection.settings_dict['NAME']}",
            str(database_file),
        ],
        "pg_restore",
    )


CHECKERS = {"sqlite": check_sqlite, "postgresql": check_postgresql}
RESTORERS = {"sqlite": restore_sqlite, "postgresql": restore_postgresql}


def unpack_beside(archive, root):
    """Unpacks the archive next to ``root`` (the same disk, so the swap is a rename); returns that folder."""
    root.parent.mkdir(parents=True, exist_ok=True)
    unpacked = Path(tempfile.mkdtemp(prefix=f".{root.name}.", suffix=".restoring", dir=root.parent))
    try:
        with tarfile.open(archive) as contents:
            contents.extractall(unpacked, filter="data")  # no absolute paths, no "..", no links out
    except (tarfile.TarError, OSError) as error:
        shutil.rmtree(unpacked, ignore_errors=True)
        raise BackupError(f"The files in {archive} cannot be unpacked: {error}.") from None
    return unpacked


def replace_contents(root, unpacked):
    """Moves the folder's contents aside, the unpacked ones in, then drops the old ones.

    The contents move rather than the folder itself, which may be a mount point."""
    root.mkdir(parents=True, exist_ok=True)
    old = Path(tempfile.mkdtemp(prefix=f".{root.name}.", suffix=".before-restore", dir=root.parent))
    for child in list(root.iterdir()):
        shutil.move(child, old / child.name)
    for child in list(unpacked.iterdir()):
        shutil.move(child, root / child.name)
    shutil.rmtree(old)


# Shared


def database_vendor():
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def run_client(command, name):
    """Runs a PostgreSQL client program against the portal's database; the password goes by environment."""
    database = connection.settings_dict
    environment = dict(os.environ)
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")):
        if database.get(key):
            environment[variable] = str(database[key])
    environment["PGDATABASE"] = database["NAME"]
    if sslmode := database.get("OPTIONS", {}).get("sslmode"):
        environment["PGSSLMODE"] = sslmode
    try:
        result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).") from None
    if result.returncode != 0:
        message = result.stderr.strip() or f"exit status {result.returncode}"
        raise BackupError(f"{name} failed: {message}")


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as contents:
        for block in iter(lambda: contents.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _safe_names(checksums):
    """Only plain file names in the backup's own folder: a manifest must not point elsewhere."""
    return all(isinstance(name, str) and name == Path(name).name and not name.startswith(".") for name in checksums)
