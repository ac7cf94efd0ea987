"""The handbook's tree above the documents: the index and its sections (areas)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from handbook import page_cache
from handbook.blocks import RICH_TEXT_FEATURES


class HandbookIndexPage(Page):
    """Kvalitetshåndbogen: one per site."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["handbook.SectionPage"]
    template = "handbook/handbook_index_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    def get_view_restrictions(self):
        return page_cache.view_restrictions(self, super().get_view_restrictions)

    class Meta:
        verbose_name = _("quality handbook")
        verbose_name_plural = _("quality handbooks")


class SectionPage(Page):
    """An area of the handbook, e.g. Fælles, Miljø or Natur."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    owner_team = models.ForeignKey(
        "auth.Group",
        verbose_name=_("owner (team)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_sections",
    )

    parent_page_types = ["handbook.HandbookIndexPage"]
    subpage_types = ["handbook.PolicyPage", "handbook.ProcedurePage", "handbook.InstructionPage"]
    template = "handbook/section_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("owner_team")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    def get_view_restrictions(self):
        return page_cache.view_restrictions(self, super().get_view_restrictions)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
