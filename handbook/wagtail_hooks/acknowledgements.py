"""Admin for read and acknowledge: the register of read confirmations, and their entry in the audit log.

The register is a plain record, only listed, filtered, inspected and exported, so it is a wagtail-modeladmin
register (see DESIGN.md). Nobody adds or edits a confirmation here: a person confirms for themselves on the
document page, and a record made for them would falsify the register. Superusers may delete one (a correction).
"""

from django.contrib import messages
from django.contrib.admin import SimpleListFilter, display
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.auth.models import Group
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register
from wagtail_modeladmin.views import IndexView

from handbook import acknowledgements
from handbook.models import Acknowledgement


@hooks.register("register_log_actions")
def register_acknowledgement_log_actions(actions):
    @actions.register_action(acknowledgements.LOG_ACTION)
    class AcknowledgedFormatter(LogFormatter):
        label = _("Read confirmation")

        def format_message(self, log_entry):
            try:
                return _("Confirmed having read and understood version %(version)s") % {
                    "version": log_entry.data["version"]
                }
            except (KeyError, TypeError):
                return _("Confirmed having read and understood the document")


class ReadOnlyRegisterPermissionHelper(PermissionHelper):
    """Listing, inspecting and exporting need the model's view permission; adding and editing are for no one,
    deleting is for superusers only."""

    def _may_view(self, user):
        if not user.is_active:
            return False
        return user.is_superuser or self.user_has_specific_permission(user, self.get_perm_codename("view"))

    def user_can_list(self, user):
        return self._may_view(user)

    def user_can_inspect_obj(self, user, obj):
        return self.inspect_view_enabled and self._may_view(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return user.is_active and user.is_superuser


class OwnerTeamFilter(SimpleListFilter):
    """The document's owner team, among the teams that own documents. (Django's related-field filter would
    look the group up in django.contrib.admin's site, which the portal does not install.)"""

    title = _("owner (team)")
    parameter_name = "owner_team"

    def lookups(self, request, model_admin):
        teams = Group.objects.filter(owned_documents__isnull=False).distinct().order_by("name")
        return [(str(team.pk), team.name) for team in teams]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            raise IncorrectLookupParameters(value)
        return queryset.filter(version__document__owner_team_id=int(value))


class AcknowledgementIndexView(IndexView):
    """Modeladmin's list, with Danish export headings, and only the declared filters taken from the address:
    anything else (a lookup across the user model, say, or a malformed date) gets a message, never a 500."""

    export_headings = {
        "person": _("Name"),
        "username": _("User name"),
        "document_number": _("Document number"),
        "document_title": _("Title"),
        "version_label": _("Version"),
        "confirmed_local": _("Confirmed"),
    }

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            messages.error(request, gettext("The filter in the address could not be used; showing all instead."))
            return redirect(self.url_helper.index_url)

    def get_filters(self, request):
        filter_specs, has_filters, remaining, use_distinct = super().get_filters(request)
        if remaining:
            raise IncorrectLookupParameters(", ".join(remaining))
        return filter_specs, has_filters, remaining, use_distinct


class AcknowledgementAdmin(ModelAdmin):
    model = Acknowledgement
    menu_label = _("Read confirmations")
    menu_icon = "tick-inverse"
    menu_order = 310
    add_to_admin_menu = True
    permission_helper_class = ReadOnlyRegisterPermissionHelper
    index_view_class = AcknowledgementIndexView
    inspect_view_enabled = True
    history_view_enabled = False
    list_display = ("person", "document_number", "document_title", "version_label", "confirmed_at", "read_status")
    list_filter = ("confirmed_at", "version__is_significant", OwnerTeamFilter)
    search_fields = (
        "user__username",
        "user__first_name",
        "user__last_name",
        "version__document__document_number",
        "version__document__title",
    )
    list_select_related = ("user", "version__document")
    list_export = ("person", "username", "document_number", "document_title", "version_label", "confirmed_local")
    export_filename = "laesebekraeftelser"
    inspect_view_fields = ("user", "version", "confirmed_at")
    ordering = ("-confirmed_at", "-pk")

    @display(description=_("Person"), ordering="user__first_name")
    def person(self, obj):
        return acknowledgements.display_name(obj.user)

    @display(description=_("User name"), ordering="user__username")
    def username(self, obj):
        return obj.user.get_username()

    @display(description=_("Document number"), ordering="version__document__document_number")
    def document_number(self, obj):
        return obj.version.document.document_number

    @display(description=_("Title"), ordering="version__document__title")
    def document_title(self, obj):
        return obj.version.document.title

    @display(description=_("Version"), ordering="version__major")
    def version_label(self, obj):
        return obj.version.label

    @display(description=_("Confirmed"))
    def confirmed_local(self, obj):
        """The time of confirmation in Copenhagen time, without a time zone, as spreadsheets want it."""
        return timezone.localtime(obj.confirmed_at).replace(tzinfo=None)

    @display(description=_("Read status"))
    def read_status(self, obj):
        document = obj.version.document
        url = document.url
        if not url:
            return ""
        return format_html(
            '<a href="{}?version={}">{}</a>',
            url + document.reverse_subpage("read_status"),
            obj.version.label,
            gettext("Read status for version %(version)s") % {"version": obj.version.label},
        )


modeladmin_register(AcknowledgementAdmin)
