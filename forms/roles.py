"""The quality group's rights on cases and the moderation of proposals. Idempotent; run by ``setup_roles``.

Only the WorkSmarter group (and superusers) may see and handle cases in the administration; a handler
outside the group and the reporter see a case on the portal's own pages. No other role gets a permission on
cases. Cases arrive through the report forms and are kept as the record (ISO 9001 10.2.2), so the group
may handle them but neither create nor delete them in the administration.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

from handbook.roles import QUALITY_GROUP

CASE_MODELS = ("deviation", "improvementproposal")
# publish/lock/unlock are created by Wagtail (post_migrate) for snippets with DraftStateMixin/LockableMixin.
CASE_ACTIONS = ("change", "view", "publish", "lock", "unlock")

MODERATION_WORKFLOW_NAME = "Moderering af forbedringsforslag"
MODERATION_TASK_NAME = "Godkendelse i WorkSmarter-gruppen"


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
    return quality_group


def ensure_moderation_workflow(moderators):
    """“Moderering af forbedringsforslag”: a proposal's public text goes on the board once a moderator approves.

    Deviations get no workflow: they are never public.
    """
    from forms.models import ImprovementProposal

    task = GroupApprovalTask.objects.filter(name=MODERATION_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_TASK_NAME)
    task.groups.add(moderators)
    workflow, _created = Workflow.objects.get_or_create(name=MODERATION_WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(ImprovementProposal), defaults={"workflow": workflow}
    )
    return workflow
