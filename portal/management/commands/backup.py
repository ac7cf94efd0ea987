"""`manage.py backup`: the database and the uploaded files into a new folder under var/backups/ (or BACKUP_DIR)."""

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, create_backup, default_directory, file_folders


class Command(BaseCommand):
    help = (
        "Backs up the database (SQLite or PostgreSQL) and the uploaded files (MEDIA_ROOT, PRIVATE_MEDIA_ROOT) into "
        "a new timestamped folder, and prints its path."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir", dest="directory", help="Where backups are kept (default: $BACKUP_DIR, else var/backups)."
        )

    def handle(self, *args, directory=None, **options):
        try:
            path = create_backup(directory or default_directory())
        except (BackupError, OSError) as error:
            raise CommandError(f"No backup was made: {error}") from error
        for label, root in file_folders().items():
            if root is None:
                self.stderr.write(f"The {label} files are kept in S3 and are not in this backup.")
        self.stdout.write(str(path))
