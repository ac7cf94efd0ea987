"""The quality group's rights on cases. Idempotent; run by ``setup_roles`` and ``load_demo``.

Only the WorkSmarter group (and superusers) may see and handle cases in the administration; a handler
outside the group and the reporter see a case on the portal's own pages.
"""

from django.contrib.auth.models import Group, Permission

from handbook.roles import QUALITY_GROUP

CASE_MODELS = ("deviation", "improvementproposal")
CASE_ACTIONS = ("add", "change", "delete", "view", "publish", "lock", "unlock")


def ensure_reporting_roles():
    quality_group, _created = Group.objects.get_or_create(name=QUALITY_GROUP)
    codenames = [f"{action}_{model}" for model in CASE_MODELS for action in CASE_ACTIONS]
    quality_group.permissions.add(
        *Permission.objects.filter(content_type__app_label="forms", codename__in=codenames)
    )
    return quality_group
