from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from portal.forms import LoginForm

# Wagtail says this when a person without admin access opens the admin; its Danish catalogue lacks it, so the
# string is kept here for ours to translate.
NO_ADMIN_ACCESS = _("You do not have permission to access the admin.")


class LoginView(auth_views.LoginView):
    """The login page. A person already logged in who is sent here was refused the page they asked for
    (the admin, say): they are told so, rather than sent back to it in an endless loop."""

    authentication_form = LoginForm

    def get(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if self.get_redirect_url():
                return TemplateResponse(request, "registration/no_access.html", status=403)
            return redirect(self.get_success_url())
        return super().get(request, *args, **kwargs)
