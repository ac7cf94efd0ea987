"""The portal's roles as groups with Wagtail permissions, and the approval workflow on the handbook.

Idempotent: run on every `load_demo` and by `manage.py setup_roles`; existing groups keep their members and
receive what they lack. One thing is taken away wherever it is found: the right to publish pages, which only
administrators hold, so that every other change goes live through a workflow whose steps the author cannot
approve (handbook/models/workflow.py).
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.permissions import policy_registry

EMPLOYEES = "Medarbejdere"
EDITORS = "Redaktører"
REVIEWERS = "Faglige reviewere"
APPROVERS = "Godkendere"
QUALITY_GROUP = "WorkSmarter-gruppen"
ADMINISTRATORS = "Administratorer"

WORKFLOW_NAME = "Godkendelse af kvalitetsdokument"
REVIEW_TASK_NAME = "Faglig gennemgang"
APPROVAL_TASK_NAME = "Godkendelse ved enhedsleder"

# Page permissions on the handbook. Nobody but administrators publishes: editors write and submit, reviewers and
# approvers approve their step of the workflow, whose last approval publishes. Rights on one section only are a
# group's page permissions on that section.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
REVIEWER_PAGE_PERMISSIONS = ["change_page"]
APPROVER_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "lock_page", "unlock_page"]
ADMIN_PAGE_PERMISSIONS = [*APPROVER_PAGE_PERMISSIONS, "publish_page", "bulk_delete_page"]
# Templates and appendices are Wagtail documents in the root collection.
EDITOR_DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]
IMAGE_CHOICE_PERMISSIONS = ["choose_image"]
ADMIN_MODEL_PERMISSIONS = [
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "delete_user"),
    ("auth", "view_user"),
    ("auth", "add_group"),
    ("auth", "change_group"),
    ("auth", "view_group"),
    ("wagtailcore", "add_site"),
    ("wagtailcore", "change_site"),
]


def ensure_roles(handbook, quality_section=None):
    """Creates the role groups with their permissions on ``handbook`` and the approval workflow on it.

    ``quality_section`` (the cross-team section) gets editing rights for the WorkSmarter group: per-section
    rights are a group's page permissions on one section.
    """
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in _role_names()}
    for name in (EDITORS, REVIEWERS, APPROVERS, QUALITY_GROUP, ADMINISTRATORS):
        _grant(groups[name], "wagtailadmin", "access_admin")
    _grant_pages(groups[EDITORS], handbook, EDITOR_PAGE_PERMISSIONS)
    _grant_pages(groups[REVIEWERS], handbook, REVIEWER_PAGE_PERMISSIONS)
    _grant_pages(groups[APPROVERS], handbook, APPROVER_PAGE_PERMISSIONS)
    _grant_pages(groups[ADMINISTRATORS], Page.get_first_root_node(), ADMIN_PAGE_PERMISSIONS)
    if quality_section is not None:
        _grant_pages(groups[QUALITY_GROUP], quality_section, EDITOR_PAGE_PERMISSIONS)
    root_collection = Collection.get_first_root_node()
    for name in (EDITORS, REVIEWERS, APPROVERS, QUALITY_GROUP, ADMINISTRATORS):
        _grant_collection(groups[name], root_collection, "wagtaildocs", EDITOR_DOCUMENT_PERMISSIONS)
        _grant_collection(groups[name], root_collection, "wagtailimages", IMAGE_CHOICE_PERMISSIONS)
    for app_label, codename in ADMIN_MODEL_PERMISSIONS:
        _grant(groups[ADMINISTRATORS], app_label, codename)
    # The register of read confirmations: for those who follow up on them.
    for name in (APPROVERS, QUALITY_GROUP, ADMINISTRATORS):
        _grant(groups[name], "handbook", "view_acknowledgement")
    revoke_publishing(keep=groups[ADMINISTRATORS])
    ensure_approval_workflow(handbook, groups[REVIEWERS], groups[APPROVERS])
    return groups


def revoke_publishing(keep):
    """Takes the right to publish pages from every group but ``keep``: nobody else may bypass the workflow."""
    GroupPagePermission.objects.filter(permission__codename="publish_page").exclude(group=keep).delete()


def ensure_approval_workflow(handbook, reviewers, approvers):
    """“Godkendelse af kvalitetsdokument”: a professional review in the section, then the unit manager's approval."""
    steps = [ensure_task(REVIEW_TASK_NAME, reviewers), ensure_task(APPROVAL_TASK_NAME, approvers)]
    workflow = ensure_workflow(WORKFLOW_NAME, steps)
    WorkflowPage.objects.update_or_create(page=handbook, defaults={"workflow": workflow})
    return workflow


def ensure_task(name, group):
    """The independent approval task named ``name`` for ``group``; an older task of another kind gives way."""
    from handbook.models import IndependentApprovalTask

    task = IndependentApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = IndependentApprovalTask.objects.create(name=name)
    task.groups.add(group)
    return task


def ensure_workflow(name, tasks):
    """The workflow ``name`` with exactly ``tasks`` in order; tasks it held before are retired.

    A retired task is deactivated, which cancels the reviews in progress on it: their authors submit again, to
    the steps that the author cannot approve.
    """
    workflow, _created = Workflow.objects.get_or_create(name=name)
    for position, task in enumerate(tasks):
        WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": position})
    for old in workflow.workflow_tasks.exclude(task__in=tasks).select_related("task"):
        task = old.task.specific
        old.delete()
        if not task.workflow_tasks.exists():
            task.name = f"{task.name} (udgået)"[:255]
            task.save(update_fields=["name"])
            task.deactivate()
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    return workflow


def is_unit_manager(user):
    """Whether ``user`` approves documents somewhere: an administrator (who may publish), or a member of a group
    that gives the last approval of the handbook's workflow."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if not hasattr(user, "_portal_is_unit_manager"):  # once per request, however many documents are checked
        from handbook.models import IndependentApprovalTask

        user._portal_is_unit_manager = (
            policy_registry.get_by_type(Page).user_has_permission(user, "publish")
            or IndependentApprovalTask.objects.filter(
                name=APPROVAL_TASK_NAME, active=True, groups__in=user.groups.all()
            ).exists()
        )
    return user._portal_is_unit_manager


def is_approver(user, document):
    """Whether ``user`` is a unit manager for ``document`` (approves it, records its reviews): one with rights on
    its section, or an administrator."""
    if not is_unit_manager(user):
        return False
    rights = document.permissions_for_user(user)
    return rights.can_publish() or rights.can_edit()


def _role_names():
    return [EMPLOYEES, EDITORS, REVIEWERS, APPROVERS, QUALITY_GROUP, ADMINISTRATORS]


def _grant(group, app_label, codename):
    group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def _grant_pages(group, page, codenames):
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _grant_collection(group, collection, app_label, codenames):
    for permission in Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames):
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


ROLE_DESCRIPTIONS = {
    EMPLOYEES: _("All staff: read the handbook and confirm significant changes."),
    EDITORS: _("Write and revise documents and submit them for approval."),
    REVIEWERS: _("Review documents of their section professionally, the first step of approval."),
    APPROVERS: _("Unit managers: approve documents, the last step of approval, and record reviews."),
    QUALITY_GROUP: _("The quality group: edits the cross-team section, handles deviations and proposals."),
    ADMINISTRATORS: _("Users, groups, permissions and site settings; the only ones who publish directly."),
}
