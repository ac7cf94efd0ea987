"""Bulk actions on cases: none of them shows a case to someone who may not see cases.

Wagtail registers its snippet bulk actions (delete) for every snippet, at /admin/bulk/<app>/<model>/<action>/,
for anyone with admin access; their confirmation page names every object asked for, including those the person
may not act on, so an editor could read the reference and title of any case, anonymous ones included. For the
case models each of those actions is replaced by a subclass that first refuses (403, which Wagtail's admin
answers with a redirect to the dashboard) anyone who may neither see nor change cases. The WorkSmarter group
keeps what it may do: see the list of what it asked for (and, having no delete permission, delete nothing).
"""

from django.core.exceptions import PermissionDenied
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction

# Wagtail's bulk actions for snippets; a new one must be added here (tests/forms/test_admin_bulk_actions.py
# fails for any action the registry holds for cases that is not guarded).
SNIPPET_BULK_ACTIONS = (DeleteBulkAction,)


def may_see_cases(user, model):
    """Whether ``user`` may see cases of ``model`` in the admin at all (the WorkSmarter group, superusers)."""
    return policy_registry.get_by_type(model).user_has_any_permission(user, {"change", "view"})


class CaseBulkActionGuard:
    def dispatch(self, request, *args, **kwargs):
        if not may_see_cases(request.user, self.model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def case_bulk_action(action_class, models):
    """``action_class`` for ``models`` only, behind the guard."""
    return type(
        f"Case{action_class.__name__}",
        (CaseBulkActionGuard, action_class),
        {"models": tuple(models), "__module__": __name__},
    )


def case_bulk_actions(models):
    return [case_bulk_action(action_class, models) for action_class in SNIPPET_BULK_ACTIONS]
