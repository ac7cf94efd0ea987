"""Who may pin recommended results to a query: those who write and approve the handbook, and the quality group."""

from django.contrib.auth.models import Group, Permission

from handbook.roles import ADMINISTRATORS, APPROVERS, EDITORS, QUALITY_GROUP

PROMOTION_GROUPS = (EDITORS, APPROVERS, QUALITY_GROUP, ADMINISTRATORS)
PROMOTION_PERMISSIONS = ("add_searchpromotion", "change_searchpromotion", "delete_searchpromotion")


def ensure_search_roles():
    """Grants Wagtail's search promotion rights to the role groups (idempotent; the groups must exist)."""
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailsearchpromotions", codename__in=PROMOTION_PERMISSIONS
    )
    for group in Group.objects.filter(name__in=PROMOTION_GROUPS):
        group.permissions.add(*permissions)
