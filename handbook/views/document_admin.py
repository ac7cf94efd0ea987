"""What the handbook's admin views on controlled documents share: the action on one document (review without
change, withdrawal) and the filters by section and owner of the document lists (review report, master list)."""

import django_filters
from django.contrib.auth.models import Group
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page

from handbook.models import ControlledDocumentPage, SectionPage


class DocumentActionView(WagtailAdminTemplateMixin, View):
    """An admin action on one controlled document, at ``<page_id>/``: anyone else than ``may_act`` allows gets
    ``forbidden_template_name`` with 403, and a page that is no controlled document is not found."""

    forbidden_template_name = None

    def may_act(self, user, document):
        raise NotImplementedError

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        page = get_object_or_404(Page, pk=kwargs["page_id"])
        if not issubclass(page.specific_class or Page, ControlledDocumentPage):
            raise Http404
        self.document = page.specific
        self.next_url = get_valid_next_url_from_request(request)

    def dispatch(self, request, *args, **kwargs):
        if not self.may_act(request.user, self.document):
            context = self.get_context_data(document=self.document)
            return TemplateResponse(request, self.forbidden_template_name, context, status=403)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.document.get_admin_display_title()


class DocumentFilterSet(WagtailFilterSet):
    """The filters every list of documents offers: its section, and the team that owns it."""

    section = django_filters.ModelChoiceFilter(
        label=_("Section"),
        empty_label=_("All sections"),
        queryset=lambda request: SectionPage.objects.order_by("title"),
        method="filter_section",
    )
    owner_team = django_filters.ModelChoiceFilter(
        label=_("Owner (team)"),
        empty_label=_("All teams"),
        queryset=lambda request: Group.objects.filter(owned_documents__isnull=False).distinct().order_by("name"),
    )

    def filter_section(self, queryset, name, value):
        return queryset.filter(path__startswith=value.path, depth=value.depth + 1)
