"""`manage.py restore <backup> --confirm`: the database and the uploaded files as they were in the backup.

It asks nothing (it runs in scripts and CI), and replaces nothing unless told so with --confirm.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from portal.backup import BackupError, file_folders, read_backup, restore_backup


class Command(BaseCommand):
    help = (
        "Replaces the database and the uploaded files with those of a backup made by `manage.py backup`. "
        "Stop the portal first. Nothing is replaced without --confirm."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup's folder, e.g. var/backups/2026-11-24T153012.")
        parser.add_argument(
            "--confirm", action="store_true", help="Replace the current database and files with the backup's."
        )

    def handle(self, *args, backup, confirm=False, **options):
        try:
            found = read_backup(backup)
        except (BackupError, OSError) as error:
            raise CommandError(f"Nothing was restored: {error}") from error
        replaced = self.what_is_replaced(found)
        if not confirm:
            raise CommandError(
                f"Nothing was restored. The backup of {found.created} is whole; restoring it replaces {replaced}. "
                "Run again with --confirm (make restore BACKUP=... CONFIRM=yes) to do it."
            )
        try:
            restore_backup(found)
        except (BackupError, OSError) as error:
            raise CommandError(f"The restore failed: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Restored the backup of {found.created}: {replaced}."))
        self.stdout.write("If the code is newer than the backup, run `manage.py migrate` next.")

    def what_is_replaced(self, backup):
        parts = [f"the database {connection.settings_dict['NAME']}"]
        for label, root in file_folders().items():
            if root is not None and backup.manifest["folders"].get(label):
                parts.append(f"the files in {root}")
        return ", ".join(parts)
