"""Controlled documents: policies, procedures and instructions.

They share one concrete (non-creatable) base page rather than an abstract mixin, so that everything that
spans all document types (related documents, the front page, review lists, deviations that name a
document, search facets) is one query on one table.
"""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from handbook import page_cache
from handbook.attachment_text import document_text
from handbook.blocks import AttachmentBlock, DocumentBodyBlock, LegalReferenceBlock
from handbook.dates import add_months
from handbook.forms import ControlledDocumentForm
from handbook.views import acknowledgements as acknowledgement_views
from handbook.views import history as history_views
from handbook.views import printing as printing_views

from .numbering import next_document_number


class DocumentTag(TaggedItemBase):
    content_object = ParentalKey(
        "handbook.ControlledDocumentPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ControlledDocumentPage(RoutablePageMixin, Page):
    number_prefix = ""  # set by each document type

    document_number = models.CharField(
        _("document number"),
        max_length=16,
        unique=True,
        editable=False,
        help_text=_("Assigned automatically when the document is created; never reused."),
    )
    version_major = models.PositiveIntegerField(_("major version"), default=1, editable=False)
    version_minor = models.PositiveIntegerField(_("minor version"), default=0, editable=False)
    summary = models.TextField(
        _("summary"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    owner_team = models.ForeignKey(
        "auth.Group",
        verbose_name=_("owner (team)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_documents",
    )
    responsible_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_for_documents",
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approver"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approver_of_documents",
    )
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    next_review_date = models.DateField(
        _("next review"),
        null=True,
        blank=True,
        help_text=_("Left empty, it is the effective date plus the review interval."),
    )
    iso_clauses = ParentalManyToManyField(
        "handbook.IsoClause",
        verbose_name=_("ISO 9001 clauses"),
        blank=True,
        related_name="documents",
    )
    legal_basis = StreamField(
        [("law", LegalReferenceBlock())],
        verbose_name=_("legal basis"),
        blank=True,
    )
    related_documents = ParentalManyToManyField(
        "self",
        verbose_name=_("related documents"),
        blank=True,
        symmetrical=False,
        related_name="referenced_by",
    )
    tags = ClusterTaggableManager(verbose_name=_("tags"), through=DocumentTag, blank=True)
    body = StreamField(DocumentBodyBlock(), verbose_name=_("content"), blank=True)
    change_summary = models.TextField(
        _("change summary"),
        blank=True,
        help_text=_(
            "What changed in this version, and why. Required to submit or publish; readers see it in the "
            "version history."
        ),
    )
    is_significant_change = models.BooleanField(
        _("significant change"),
        default=False,
        help_text=_(
            "A significant change raises the major version (1.3 to 2.0) and asks readers to confirm "
            "that they have read it."
        ),
    )
    acknowledgement_groups = ParentalManyToManyField(
        "auth.Group",
        verbose_name=_("asked to confirm"),
        blank=True,
        related_name="+",
        help_text=_("Who must confirm having read a significant change. None chosen: all staff."),
    )
    attachments = StreamField(
        [("attachment", AttachmentBlock())],
        verbose_name=_("templates and appendices"),
        blank=True,
    )

    base_form_class = ControlledDocumentForm
    is_creatable = False
    parent_page_types = ["handbook.SectionPage"]
    subpage_types = []
    exclude_fields_in_copy = [
        "document_number",
        "effective_date",
        "next_review_date",
        "version_major",
        "version_minor",
        "change_summary",
        "is_significant_change",
    ]

    search_fields = Page.search_fields + [
        index.SearchField("document_number", boost=5),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("attachment_text"),
        index.AutocompleteField("document_number"),
        index.FilterField("owner_team"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("attachments"),
        MultiFieldPanel(
            [FieldPanel("change_summary"), FieldPanel("is_significant_change"), FieldPanel("acknowledgement_groups")],
            heading=_("This revision"),
        ),
    ]
    control_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("document_number", read_only=True),
                        FieldPanel("version_major", read_only=True),
                        FieldPanel("version_minor", read_only=True),
                    ]
                ),
                FieldPanel("owner_team"),
                FieldPanel("responsible_person"),
                FieldPanel("approver"),
            ],
            heading=_("Identification and responsibility"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("effective_date"),
                FieldRowPanel([FieldPanel("review_interval_months"), FieldPanel("next_review_date")]),
            ],
            heading=_("Validity and review"),
        ),
    ]
    reference_panels = [
        FieldPanel("tags"),
        FieldPanel("iso_clauses", widget=forms.CheckboxSelectMultiple),
        FieldPanel("legal_basis"),
        FieldPanel("related_documents"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(control_panels, heading=_("Document control")),
            ObjectList(reference_panels, heading=_("References")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    class Meta:
        verbose_name = _("controlled document")
        verbose_name_plural = _("controlled documents")

    @property
    def version(self):
        return f"{self.version_major}.{self.version_minor}"

    def attached_documents(self):
        return [block.value["document"] for block in self.attachments if block.value["document"] is not None]

    def attachment_text(self):
        """The text of the attached PDF and Word files, indexed with the document so a phrase in a template
        finds it."""
        return " ".join(document_text(document) for document in self.attached_documents())

    def save(self, *args, **kwargs):
        if not self.document_number:
            self.document_number = next_document_number(self.number_prefix)
        if self.next_review_date is None and self.effective_date:
            self.next_review_date = add_months(self.effective_date, self.review_interval_months)
        super().save(*args, **kwargs)

    # Reader routes below the document's own address; the views live in handbook/views/.
    @path("versioner/", name="history")
    def history_route(self, request):
        return history_views.version_history(request, self)

    # A dot cannot stand in a Wagtail page path, so version 2.0 is at versioner/2-0/.
    @path("versioner/<int:major>-<int:minor>/", name="version")
    def version_route(self, request, major, minor):
        return history_views.old_version(request, self, major, minor)

    @path("sammenlign/", name="compare")
    def compare_route(self, request):
        return history_views.compare_versions(request, self)

    @path("udskriv/", name="print")
    def print_route(self, request):
        return printing_views.print_document(request, self)

    @path("bekraeft/", name="acknowledge")
    def acknowledge_route(self, request):
        return acknowledgement_views.acknowledge(request, self)

    @path("laesestatus/", name="read_status")
    def read_status_route(self, request):
        return acknowledgement_views.read_status(request, self)

    @path("laesestatus/csv/", name="read_status_csv")
    def read_status_csv_route(self, request):
        return acknowledgement_views.read_status_csv(request, self)

    def get_admin_display_title(self):
        return f"{self.document_number} {self.draft_title}".strip()

    def get_view_restrictions(self):
        return page_cache.view_restrictions(self, super().get_view_restrictions)


class PolicyPage(ControlledDocumentPage):
    number_prefix = "POL"
    is_creatable = True
    template = "handbook/policy_page.html"

    class Meta:
        verbose_name = _("policy")
        verbose_name_plural = _("policies")


class ProcedurePage(ControlledDocumentPage):
    number_prefix = "PRO"
    is_creatable = True
    template = "handbook/procedure_page.html"

    class Meta:
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")


class InstructionPage(ControlledDocumentPage):
    number_prefix = "INS"
    is_creatable = True
    template = "handbook/instruction_page.html"

    class Meta:
        verbose_name = _("instruction")
        verbose_name_plural = _("instructions")
