"""Removes what Wagtail sets up for a new site and this portal does not use: the groups «Moderators» and «Editors»
and the workflow «Moderators approval» on the root page.

Left in place, Moderators may publish anywhere, both groups are offered wherever a group is chosen, and every page
outside the handbook (the report forms, the proposals board) falls under a workflow nobody here handles. A group
that has members is not deleted but stripped of every right and renamed, so nobody loses a membership silently.
"""

from django.conf import settings
from django.db import migrations

DEFAULT_GROUPS = ("Moderators", "Editors")
DEFAULT_WORKFLOW = "Moderators approval"


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for group in Group.objects.filter(name__in=DEFAULT_GROUPS):
        if not User.objects.filter(groups=group).exists():
            group.delete()
            continue
        group.permissions.clear()
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.name = f"{group.name} (uden rettigheder)"
        group.save(update_fields=["name"])


def remove_default_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW):
        workflow.workflow_pages.all().delete()
        apps.get_model("wagtailcore", "WorkflowContentType").objects.filter(workflow=workflow).delete()
        if WorkflowState.objects.filter(workflow=workflow).exists():
            workflow.active = False  # its history stays readable
            workflow.save(update_fields=["active"])
        else:
            workflow.delete()
    for task in Task.objects.filter(name=DEFAULT_WORKFLOW):
        if TaskState.objects.filter(task=task).exists():
            task.active = False
            task.save(update_fields=["active"])
        else:
            task.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("handbook", "0005_change_control"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(remove_default_groups, migrations.RunPython.noop),
        migrations.RunPython(remove_default_workflow, migrations.RunPython.noop),
    ]
