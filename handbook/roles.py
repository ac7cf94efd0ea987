"""The portal's roles as groups with Wagtail permissions, and the approval workflow on the handbook.

Idempotent: run on every `load_demo` and by `manage.py setup_roles`; existing groups keep their members and
receive what they lack, nothing is taken away.
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EMPLOYEES = "Medarbejdere"
EDITORS = "Redaktører"
APPROVERS = "Godkendere"
QUALITY_GROUP = "WorkSmarter-gruppen"
ADMINISTRATORS = "Administratorer"

WORKFLOW_NAME = "Godkendelse af kvalitetsdokument"
APPROVAL_TASK_NAME = "Godkendelse ved enhedsleder"

# Page permissions on the handbook. Editors edit and submit but cannot publish; approvers also publish.
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
APPROVER_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "publish_page", "lock_page", "unlock_page"]
ADMIN_PAGE_PERMISSIONS = [*APPROVER_PAGE_PERMISSIONS, "bulk_delete_page"]
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
    for name in (EDITORS, APPROVERS, QUALITY_GROUP, ADMINISTRATORS):
        _grant(groups[name], "wagtailadmin", "access_admin")
    _grant_pages(groups[EDITORS], handbook, EDITOR_PAGE_PERMISSIONS)
    _grant_pages(groups[APPROVERS], handbook, APPROVER_PAGE_PERMISSIONS)
    _grant_pages(groups[ADMINISTRATORS], Page.get_first_root_node(), ADMIN_PAGE_PERMISSIONS)
    if quality_section is not None:
        _grant_pages(groups[QUALITY_GROUP], quality_section, EDITOR_PAGE_PERMISSIONS)
    root_collection = Collection.get_first_root_node()
    for name in (EDITORS, APPROVERS, QUALITY_GROUP, ADMINISTRATORS):
        _grant_collection(groups[name], root_collection, "wagtaildocs", EDITOR_DOCUMENT_PERMISSIONS)
        _grant_collection(groups[name], root_collection, "wagtailimages", IMAGE_CHOICE_PERMISSIONS)
    for app_label, codename in ADMIN_MODEL_PERMISSIONS:
        _grant(groups[ADMINISTRATORS], app_label, codename)
    # The register of read confirmations: for those who follow up on them.
    for name in (APPROVERS, QUALITY_GROUP, ADMINISTRATORS):
        _grant(groups[name], "handbook", "view_acknowledgement")
    ensure_approval_workflow(handbook, groups[APPROVERS])
    return groups


def ensure_approval_workflow(handbook, approvers):
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
    task.groups.add(approvers)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=handbook, defaults={"workflow": workflow})
    return workflow


def _role_names():
    return [EMPLOYEES, EDITORS, APPROVERS, QUALITY_GROUP, ADMINISTRATORS]


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
    APPROVERS: _("Unit managers: approve and publish documents, record reviews."),
    QUALITY_GROUP: _("The quality group: edits the cross-team section, handles deviations and proposals."),
    ADMINISTRATORS: _("Users, groups, permissions and site settings."),
}
