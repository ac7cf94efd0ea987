"""Content-Security-Policy chosen by path: the reader-facing site gets the strict policy of CONTENT_SECURITY_POLICY,
the Wagtail admin gets it with the few relaxations of PORTAL_ADMIN_CSP_UPDATE added (see settings/base.py)."""

from functools import cache

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


@cache
def admin_prefix():
    """Where the Wagtail admin is mounted, read from the URLconf so that moving it moves the policy too."""
    return reverse("wagtailadmin_home")


def merged(update, extra):
    """Two csp_update-style dicts as one: the values of a directive named in both are joined, none repeated."""
    result = {directive: list(values) for directive, values in (update or {}).items()}
    for directive, values in extra.items():
        result[directive] = list(dict.fromkeys([*result.get(directive, []), *values]))
    return result


def is_admin_path(path):
    return path.startswith(admin_prefix())


class PathPolicyCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's relaxations added to every response under the admin's prefix."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and is_admin_path(request.path):
            parts.update = merged(parts.update, settings.PORTAL_ADMIN_CSP_UPDATE)
        return parts
