"""Brute-force lock-out (django-axes): who is locked out, the page they get, and the administrator's unlock.

One user name from one address is locked out after AXES_FAILURE_LIMIT failed logins, until AXES_COOLOFF_TIME has
passed since the last failure or an administrator unlocks it in the Wagtail admin («Låste logins»).
"""

import ipaddress

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset
from django import forms
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.auth import user_passes_test
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

UNLOCK_PERMISSION = "axes.delete_accessattempt"


class LockoutBackend(AxesStandaloneBackend):
    """Axes' gatekeeper for every login from the web; a call without a request is no attempt from the network.

    Django's test client, the shell and management commands authenticate without a request, which axes refuses
    with an error. Every login form of the portal passes its request, so every web attempt is still counted.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_address(request):
    """The address a lock-out counts (AXES_CLIENT_IP_CALLABLE). Behind PORTAL_TRUSTED_PROXIES proxies it is the
    entry the outermost one of ours wrote in X-Forwarded-For; entries further left are the client's to forge."""
    remote = request.META.get("REMOTE_ADDR")
    proxies = getattr(settings, "PORTAL_TRUSTED_PROXIES", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not proxies or len(forwarded) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-proxies]))
    except ValueError:
        return remote


def can_unlock(user):
    return user.is_active and (user.is_superuser or user.has_perm(UNLOCK_PERMISSION))


def current_lockouts():
    """One row per locked-out user name and address: failures and last attempt within the cool-off, newest first."""
    threshold = timezone.now() - get_cool_off()
    return (
        AccessAttempt.objects.filter(attempt_time__gte=threshold)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=get_failure_limit(None, None))
        .order_by("-last_attempt", "username")
    )


def unlocked_at(username, ip_address):
    """When the lock-out of this user name and address ends by itself: the cool-off after the last failure."""
    last = AccessAttempt.objects.filter(username=username, ip_address=ip_address).aggregate(last=Max("attempt_time"))
    return (last["last"] or timezone.now()) + get_cool_off()


def local_time_text(moment):
    """«15:42» today, «25.11.2026 15:42» on another day, in Copenhagen time."""
    local = timezone.localtime(moment)
    return local.strftime("%H:%M" if local.date() == timezone.localdate() else "%d.%m.%Y %H:%M")


def lockout_response(request, original_response=None, credentials=None):
    """Axes' AXES_LOCKOUT_CALLABLE: our own page in Danish, 429 Too Many Requests, never axes' English text."""
    username = get_client_username(request, credentials) or ""
    ip_address = getattr(request, "axes_ip_address", None)
    context = {
        "username": username,
        "unlocked_at": local_time_text(unlocked_at(username, ip_address)),
        "cooloff_minutes": int(get_cool_off().total_seconds() // 60),
    }
    # Rendered now: axes replaces the response in a middleware, after Django renders template responses.
    return render(request, "registration/locked_out.html", context, status=429)


class UnlockForm(forms.Form):
    """The one row to unlock, as posted from the list; anything else is refused, never a server error."""

    username = forms.CharField(max_length=255)
    ip_address = forms.GenericIPAddressField()


def unlock(username, ip_address):
    """Axes' own reset for exactly this user name and address; returns how many records it removed."""
    if not username or not ip_address:
        return 0  # axes resets everything matching the given values: never call it with one missing
    return reset(ip=ip_address, username=username)


# The administrator's list and unlock, in the Wagtail admin (Settings > «Låste logins»).


class LockoutListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "portal/admin/lockouts.html"
    page_title = _("Locked logins")
    header_icon = "lock"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "lockouts": list(current_lockouts()), "failure_limit": get_failure_limit(None, None)}


@require_POST
def unlock_view(request):
    form = UnlockForm(request.POST)
    if form.is_valid() and unlock(form.cleaned_data["username"], form.cleaned_data["ip_address"]):
        messages.success(request, _("%(username)s can log in again.") % {"username": form.cleaned_data["username"]})
    else:
        messages.error(request, _("That login was not locked. The list shows the logins that are locked now."))
    return redirect("portal_lockouts:index")


def admin_urls():
    """The admin's URLs, each refused with Wagtail's own “permission denied” to anyone who may not unlock."""
    only_unlockers = user_passes_test(can_unlock)
    return [
        path("", only_unlockers(LockoutListView.as_view()), name="index"),
        path("unlock/", only_unlockers(unlock_view), name="unlock"),
    ]
