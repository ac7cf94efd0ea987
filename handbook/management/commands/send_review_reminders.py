"""E-mails each responsible person one digest of their documents overdue or due for review within 30 days.

Meant to run daily (cron). At most one reminder per person per day: the ReviewReminder row for the person and
the day is created in the same transaction as the decision to send, and rolled back when the mail fails, so a
failing mail server for one person leaves no false record and does not stop the others.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from handbook import review
from handbook.models import ReviewReminder
from handbook.templatetags.handbook_tags import person_name

logger = logging.getLogger(__name__)


@dataclass
class Digest:
    user: object
    overdue: list = field(default_factory=list)
    due_soon: list = field(default_factory=list)

    @property
    def documents(self):
        return self.overdue + self.due_soon


def admin_edit_url(document):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[document.pk])


def collect_digests(today):
    """One digest per active responsible person with an e-mail address, in one query."""
    documents = (
        review.due_for_review(today)
        .filter(responsible_person__is_active=True)
        .exclude(responsible_person__email="")
        .select_related("responsible_person")
        .only("id", "title", "document_number", "next_review_date", "responsible_person")
    )
    digests = {}
    for document in documents:
        digest = digests.setdefault(document.responsible_person_id, Digest(user=document.responsible_person))
        document.admin_url = admin_edit_url(document)
        (digest.overdue if document.is_overdue else digest.due_soon).append(document)
    return sorted(digests.values(), key=lambda digest: (person_name(digest.user).lower(), digest.user.pk))


def build_message(digest, today):
    context = {
        "name": digest.user.first_name or person_name(digest.user),
        "overdue": digest.overdue,
        "due_soon": digest.due_soon,
        "today": today,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "report_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("handbook_review:report"),
    }
    subject = ngettext(
        "%(count)d document of yours is due for review",
        "%(count)d documents of yours are due for review",
        len(digest.documents),
    ) % {"count": len(digest.documents)}
    body = render_to_string("handbook/emails/review_reminder.txt", context)
    return EmailMessage(
        subject=f"{settings.WAGTAIL_SITE_NAME}: {subject}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[digest.user.email],
    )


class Command(BaseCommand):
    help = "E-mails each responsible person a digest of their documents overdue or due for review within 30 days."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print what would be sent; send and record nothing.")

    def handle(self, *args, dry_run=False, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self.send_all(dry_run)

    def send_all(self, dry_run):
        today = timezone.localdate()
        already = set(ReviewReminder.objects.filter(sent_on=today).values_list("user_id", flat=True))
        sent = skipped = failed = 0
        for digest in collect_digests(today):
            user = digest.user
            if user.pk in already:
                skipped += 1
                continue
            message = build_message(digest, today)
            if dry_run:
                self.stdout.write(self.describe(digest, message.subject))
                sent += 1
                continue
            try:
                with transaction.atomic():
                    _reminder, created = ReviewReminder.objects.get_or_create(
                        user=user, sent_on=today, defaults={"documents": len(digest.documents)}
                    )
                    if not created:  # another run got there first
                        skipped += 1
                        continue
                    message.send()
            except IntegrityError:
                skipped += 1
            except Exception:
                failed += 1
                logger.exception("Review reminder to user %s (%s) failed", user.pk, user.email)
                self.stderr.write(_("Could not send to %(email)s; see the log.") % {"email": user.email})
            else:
                sent += 1
        self.stdout.write(self.summary(sent, skipped, failed, dry_run))

    def describe(self, digest, subject):
        lines = [
            _("To %(name)s <%(email)s>: %(subject)s")
            % {"name": person_name(digest.user), "email": digest.user.email, "subject": subject}
        ]
        for document in digest.documents:
            marker = _("overdue") if document.is_overdue else _("due soon")
            date = date_format(document.next_review_date, "j. F Y")
            lines.append(f"  {document.document_number} {document.title}, {date} ({marker})")
        return "\n".join(lines)

    def summary(self, sent, skipped, failed, dry_run):
        if dry_run:
            return ngettext(
                "Dry run: %(sent)d reminder would be sent; %(skipped)d already reminded today.",
                "Dry run: %(sent)d reminders would be sent; %(skipped)d already reminded today.",
                sent,
            ) % {"sent": sent, "skipped": skipped}
        return ngettext(
            "%(sent)d reminder sent; %(skipped)d already reminded today; %(failed)d failed.",
            "%(sent)d reminders sent; %(skipped)d already reminded today; %(failed)d failed.",
            sent,
        ) % {"sent": sent, "skipped": skipped, "failed": failed}
