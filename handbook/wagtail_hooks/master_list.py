"""«Dokumentoversigt» in the admin's Reports menu: the master list of controlled documents for the auditor."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from handbook.views import master_list


@hooks.register("register_admin_urls")
def register_master_list_urls():
    urls = [
        path("", master_list.MasterListView.as_view(), name="index"),
        path("results/", master_list.MasterListView.as_view(results_only=True), name="results"),
    ]
    return [path("handbook/documents/", include((urls, "handbook_master_list"), namespace="handbook_master_list"))]


class MasterListMenuItem(MenuItem):
    def is_shown(self, request):
        return master_list.can_see_master_list(request.user)


@hooks.register("register_reports_menu_item")
def register_master_list_menu_item():
    return MasterListMenuItem(
        _("Document overview"),
        reverse(master_list.INDEX_URL_NAME),
        name="handbook-master-list",
        icon_name="list-ul",
        order=1040,
    )
