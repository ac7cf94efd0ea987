from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from handbook.models import IsoClause


class IsoClauseViewSet(SnippetViewSet):
    model = IsoClause
    icon = "list-ul"
    menu_label = _("ISO 9001 clauses")
    list_display = ["number", "title"]
    ordering = ["sort_key"]


register_snippet(IsoClauseViewSet)
