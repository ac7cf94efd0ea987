from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from handbook import page_cache


class HomePage(Page):
    """The front page: each person's own overview of the portal."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["handbook.HandbookIndexPage", "forms.ReportingIndexPage"]
    template = "home/home_page.html"

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("front page")
        verbose_name_plural = _("front pages")

    def route(self, request, path_components):
        # Every page of the site is found from here: remember where a path leads (see handbook.page_cache).
        return page_cache.route(self, request, path_components, super().route)

    def get_view_restrictions(self):
        return page_cache.view_restrictions(self, super().get_view_restrictions)
