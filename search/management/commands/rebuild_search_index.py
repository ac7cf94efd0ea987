"""Rebuilds the index the readers' search page uses."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from search.backends import get_backend


class Command(BaseCommand):
    help = (
        "Rebuilds the readers' search index: Elasticsearch's afresh with every visible document when "
        "ELASTICSEARCH_URL is set, otherwise Wagtail's database index (update_index)."
    )

    def handle(self, *args, **options):
        if not settings.ELASTICSEARCH_URL:
            self.stdout.write("Readers search Wagtail's database index (no ELASTICSEARCH_URL); running update_index.")
            call_command("update_index", stdout=self.stdout, stderr=self.stderr)
            return
        count = get_backend().rebuild()
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {count} documents in Elasticsearch index {settings.ELASTICSEARCH_INDEX!r}.")
        )
        self.stdout.write("Wagtail's admin search has its own indexes: rebuild them with `manage.py update_index`.")
