"""The quality group's lists of cases: columns, filters and the columns of the CSV/XLSX export."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, UserColumn
from wagtail.admin.widgets import BooleanRadioSelect

from forms import lifecycle
from forms.text import exportable
from handbook.forms import person_label
from handbook.models import SectionPage

# Columns


class DueDateColumn(Column):
    """The due date, marked “Overdue” while the case is open past it."""

    cell_template_name = "forms/admin/due_date_cell.html"


def listing_columns():
    return [
        "reference",  # the first column links to the edit view
        "title",
        StatusTagColumn(
            "status",
            label=_("Status"),
            accessor="get_status_display",
            primary=lambda case: case.is_open,
            sort_key="status",
        ),
        Column("kind", label=_("Type"), accessor="get_kind_display", sort_key="kind"),
        Column("section", label=_("Section"), accessor="section.title", sort_key="section__title"),
        UserColumn("handler", label=_("Handler"), sort_key="handler__first_name"),
        DueDateColumn("due_date", label=_("Due date"), sort_key="due_date"),
        DateColumn("received_at", label=_("Received"), sort_key="received_at"),
    ]


# Filters


class HandlerChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, user):
        if isinstance(user, str):  # the “no handler” choice, as Wagtail's list of active filters passes it
            return str(self.null_label)
        return person_label(user)


class HandlerFilter(django_filters.ModelChoiceFilter):
    field_class = HandlerChoiceField


def overdue_cases(queryset):
    return queryset.filter(status__in=lifecycle.OPEN_STATES, due_date__lt=timezone.localdate())


class CaseFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=lifecycle.Status.choices, empty_label=_("All"), widget=forms.RadioSelect
    )
    section = django_filters.ModelChoiceFilter(
        label=_("Section"), queryset=lambda request: SectionPage.objects.order_by("path"), empty_label=_("All")
    )
    handler = HandlerFilter(label=_("Handler"), empty_label=_("All"), null_label=_("No handler"))
    received_at = django_filters.DateFromToRangeFilter(label=_("Received"), widget=DateRangePickerWidget)
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue", widget=BooleanRadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the people who handle a case of this kind are worth offering.
        model = self._meta.model
        handler_ids = model.objects.exclude(handler=None).order_by().values("handler_id")
        self.filters["handler"].queryset = (
            get_user_model().objects.filter(pk__in=handler_ids).order_by("first_name", "last_name", "username")
        )

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = overdue_cases(queryset)
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


def case_filterset(model):
    """A filter set for ``model``, whose kinds (types) are its own."""
    kind = django_filters.ChoiceFilter(
        label=_("Type"),
        choices=model.Kind.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        fields = ["status", "kind", "section", "handler", "received_at", "overdue"]

    Meta.model = model
    return type(f"{model.__name__}FilterSet", (CaseFilterSet,), {"kind": kind, "Meta": Meta})


# Export


def _local(moment):
    """A datetime in Copenhagen time without its zone: spreadsheets know no zones, and readers want local time."""
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def _reporter(case):
    if case.anonymous or case.reporter is None:
        return str(_("Anonymous report"))
    return case.reporter.get_full_name() or case.reporter.get_username()


EXPORT_VALUES = {
    "reference": lambda case: case.reference,
    "title": lambda case: case.title,
    "status": lambda case: str(case.get_status_display()),
    "kind": lambda case: str(case.get_kind_display()),
    "section": lambda case: case.section.title if case.section else "",
    "handler": lambda case: person_label(case.handler) if case.handler else "",
    "due_date": lambda case: case.due_date,
    "overdue": lambda case: str(_("Yes") if case.is_overdue else _("No")),
    "received_at": lambda case: _local(case.received_at),
    "closed_at": lambda case: _local(case.closed_at),
    "reporter": _reporter,
    "document": lambda case: (
        f"{case.document.document_number} {case.document.title}, {case.document_version}".rstrip(", ")
        if case.document
        else ""
    ),
    "cause": lambda case: case.cause,
    "action": lambda case: case.action,
    "effectiveness_check": lambda case: case.effectiveness_check,
    "rejection_reason": lambda case: case.rejection_reason,
    "on_board": lambda case: str(_("Yes") if case.on_board else _("No")),
}


# Whatever text is stored (a report from before the forms refused control characters, a script's), the exports
# stay valid: openpyxl refuses the characters XML forbids, and a CSV cell should not carry them either.
def _cleaned(read):
    return lambda case: exportable(read(case))


EXPORT_VALUES = {name: _cleaned(read) for name, read in EXPORT_VALUES.items()}

COMMON_EXPORT = [
    "reference",
    "title",
    "status",
    "kind",
    "section",
    "handler",
    "due_date",
    "overdue",
    "received_at",
    "closed_at",
    "reporter",
    "document",
]
DEVIATION_EXPORT = [*COMMON_EXPORT, "cause", "action", "effectiveness_check", "rejection_reason"]
PROPOSAL_EXPORT = [*COMMON_EXPORT, "cause", "action", "rejection_reason", "on_board"]

EXPORT_HEADINGS = {
    "reference": _("Reference"),
    "title": _("Title"),
    "status": _("Status"),
    "kind": _("Type"),
    "section": _("Section"),
    "handler": _("Handler"),
    "due_date": _("Due date"),
    "overdue": _("Overdue"),
    "received_at": _("Received"),
    "closed_at": _("Closed"),
    "reporter": _("Reported by"),
    "document": _("Document"),
    "cause": _("Cause"),
    "effectiveness_check": _("Effectiveness check"),
    "rejection_reason": _("Reason for rejection"),
    "on_board": _("On the proposals board"),
}
