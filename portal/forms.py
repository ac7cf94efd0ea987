from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Django's login form with messages written for our staff."""

    error_messages = {
        "invalid_login": _(
            "The user name or password is wrong. Check both and try again; the password is case-sensitive."
        ),
        "inactive": _("This account is not active. Contact the administrator."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = _("Enter your user name.")
        self.fields["password"].error_messages["required"] = _("Enter your password.")
        # Django's login form shows the limit in the widget but never checks it.
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length or 150))
        username.widget.attrs.update({"autocomplete": "username"})
