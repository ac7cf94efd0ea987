"""The reporting section: the two form pages, the proposals board and the reporter's own overview."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from forms.models.cases import Deviation, ImprovementProposal
from forms.report_form import CORE_FIELDS, ReportFormBuilder

INTRO_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class ReportingIndexPage(RoutablePageMixin, Page):
    """“Indberetninger”: the forms, the board, and each person's own reports and cases."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["forms.DeviationFormPage", "forms.ProposalFormPage", "forms.ProposalBoardPage"]
    template = "forms/reporting_index_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("reporting section")
        verbose_name_plural = _("reporting sections")

    @path("mine/", name="my_reports")
    def my_reports_route(self, request):
        from forms import views

        return views.my_reports(request, self)

    @path("sag/<str:reference>/", name="case")
    def case_route(self, request, reference):
        from forms import views

        return views.case_detail(request, self, reference)

    @path("bilag/<int:attachment_id>/", name="attachment")
    def attachment_route(self, request, attachment_id):
        from forms import views

        return views.attachment(request, self, attachment_id)


class ReportFormPage(AbstractEmailForm):
    """A form page whose submissions become cases of ``case_model``; editors may add questions."""

    case_model = None
    form_builder = ReportFormBuilder

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    next_steps = RichTextField(
        _("what happens next"),
        blank=True,
        features=INTRO_FEATURES,
        help_text=_("Shown on the receipt after the reference number."),
    )

    parent_page_types = ["forms.ReportingIndexPage"]
    subpage_types = []
    max_count = 1
    template = "forms/report_form_page.html"
    landing_page_template = "forms/report_receipt.html"

    content_panels = AbstractEmailForm.content_panels + [
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Extra questions")),
        FieldPanel("next_steps"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Notice to the quality group"),
        ),
    ]

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        from forms import views

        return views.serve_report_form(request, self)

    def initial_values(self, request):
        """A fresh submission key, and the document and version when the form was opened from a document."""
        return {
            "submission_key": uuid.uuid4(),
            "document": request.GET.get("dokument", "")[:40],
            "document_version": request.GET.get("version", "")[:16],
        }

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        context = self.get_context(request)
        context["case"] = form_submission
        return TemplateResponse(request, self.get_landing_page_template(request), context)

    def process_form_submission(self, form):
        """Creates the case (not Wagtail's FormSubmission, which would keep an anonymous reporter's name)."""
        from forms import submission

        return submission.create_case(self, form, form.user)[0]


class ReportFormField(AbstractFormField):
    """An extra question; its name may not take the place of one of the fixed fields."""

    class Meta(AbstractFormField.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if self.get_field_clean_name() in CORE_FIELDS:
            raise ValidationError({"label": _("This label is used by a fixed field of the form; choose another.")})


class DeviationFormField(ReportFormField):
    page = ParentalKey("forms.DeviationFormPage", on_delete=models.CASCADE, related_name="form_fields")


class ProposalFormField(ReportFormField):
    page = ParentalKey("forms.ProposalFormPage", on_delete=models.CASCADE, related_name="form_fields")


class DeviationFormPage(ReportFormPage):
    template = ReportFormPage.template  # Wagtail names a template per page class unless told
    case_model = Deviation

    class Meta:
        verbose_name = _("deviation form")
        verbose_name_plural = _("deviation forms")


class ProposalFormPage(ReportFormPage):
    template = ReportFormPage.template  # Wagtail names a template per page class unless told
    case_model = ImprovementProposal

    class Meta:
        verbose_name = _("improvement proposal form")
        verbose_name_plural = _("improvement proposal forms")


class ProposalBoardPage(Page):
    """“Forbedringsforslag”: moderated proposals and what came of them, for all staff."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    max_count = 1
    parent_page_types = ["forms.ReportingIndexPage"]
    subpage_types = []
    template = "forms/proposal_board_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("proposals board")
        verbose_name_plural = _("proposals boards")

    def get_context(self, request, *args, **kwargs):
        from forms import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.board_context(request))
        return context
