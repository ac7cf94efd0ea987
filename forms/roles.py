"""The quality group's rights on cases and the moderation of proposals. Idempotent; run by ``setup_roles``.

Only the WorkSmarter group (and superusers) may see and handle cases in the administration; a handler
outside the group and the reporter see a case on the portal's own pages. No other role gets a permission on
cases. Cases arrive through the report forms and are kept as the record (ISO 9001 10.2.2), so the group
may handle them but neither create nor delete them in the administration.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupPagePermission, WorkflowContentType, WorkflowPage

from handbook.roles import EDITOR_PAGE_PERMISSIONS, QUALITY_GROUP, ensure_task, ensure_workflow

CASE_MODELS = ("deviation", "improvementproposal")
# publish/lock/unlock are created by Wagtail (post_migrate) for snippets with DraftStateMixin/LockableMixin.
CASE_ACTIONS = ("change", "view", "publish", "lock", "unlock")

MODERATION_WORKFLOW_NAME = "Moderering af forbedringsforslag"
MODERATION_TASK_NAME = "Godkendelse i WorkSmarter-gruppen"
PAGES_WORKFLOW_NAME = "Godkendelse af indberetningssider"


def case_permission_codenames():
    return [f"{action}_{model}" for model in CASE_MODELS for action in CASE_ACTIONS]


def ensure_reporting_roles():
    """Gives the WorkSmarter group the admin and its rights on cases, and puts proposals under moderation."""
    quality_group, _created = Group.objects.get_or_create(name=QUALITY_GROUP)
    quality_group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="forms", codename__in=case_permission_codenames()),
    )
    ensure_moderation_workflow(quality_group)
    ensure_pages_workflow(quality_group)
    return quality_group


def ensure_moderation_workflow(moderators):
    """“Moderering af forbedringsforslag”: a proposal's public text goes on the board once another moderator
    than its author approves.

    Deviations get no workflow: they are never public.
    """
    from forms.models import ImprovementProposal

    workflow = ensure_workflow(MODERATION_WORKFLOW_NAME, [ensure_task(MODERATION_TASK_NAME, moderators)])
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(ImprovementProposal), defaults={"workflow": workflow}
    )
    return workflow


def ensure_pages_workflow(quality_group):
    """The report forms and the proposals board belong to the WorkSmarter group: its members change their
    questions and texts, and another member approves the change before it goes live."""
    from forms.models import ReportingIndexPage

    section = ReportingIndexPage.objects.first()
    if section is None:
        return None
    workflow = ensure_workflow(PAGES_WORKFLOW_NAME, [ensure_task(MODERATION_TASK_NAME, quality_group)])
    WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=EDITOR_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=quality_group, page=section, permission=permission)
    return workflow
