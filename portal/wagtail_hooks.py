"""The portal's own admin pages: «Låste logins» under Settings, for those who may unlock."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal import lockout


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return lockout.can_unlock(request.user)


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [path("lockouts/", include((lockout.admin_urls(), "portal_lockouts"), namespace="portal_lockouts"))]


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        _("Locked logins"), reverse("portal_lockouts:index"), name="lockouts", icon_name="lock", order=610
    )
