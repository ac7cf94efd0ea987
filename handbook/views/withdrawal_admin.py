"""The admin view in which a controlled document is withdrawn (erklæret udgået), with its reason and replacement.

Reached from the document's header and listing buttons (handbook/wagtail_hooks/withdrawal.py); the work is done by
handbook.withdrawal.withdraw.
"""

from urllib.parse import urlencode

from django import forms
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.widgets import AdminPageChooser

from handbook import withdrawal
from handbook.models import ControlledDocumentPage, DocumentWithdrawal, InstructionPage, PolicyPage, ProcedurePage
from handbook.views.document_admin import DocumentActionView

WITHDRAW_URL_NAME = "handbook_withdrawal:withdraw"
REASON_MAX_LENGTH = 2000


def withdraw_url(document, next_url=""):
    url = reverse(WITHDRAW_URL_NAME, args=[document.pk])
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class WithdrawalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the document is no longer in force. Readers see it in the archive of withdrawn documents."),
        error_messages={
            "required": _("Give the reason why the document is withdrawn."),
            "max_length": _("The reason can be at most %(limit_value)d characters (it has %(show_value)d)."),
        },
    )
    replaced_by = forms.ModelChoiceField(
        label=_("Replaced by"),
        queryset=ControlledDocumentPage.objects.none(),
        required=False,
        widget=AdminPageChooser(target_models=[PolicyPage, ProcedurePage, InstructionPage]),
        help_text=_("Optional: the document in force that replaces this one."),
        error_messages={
            "invalid_choice": _("Choose a published document in force, not this one, as its replacement."),
            "invalid_pk_value": _("Choose a published document in force, not this one, as its replacement."),
        },
    )

    def __init__(self, document, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["replaced_by"].queryset = withdrawal.replacement_candidates(document)

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(self.fields["reason"].error_messages["required"], code="required")
        return reason


class WithdrawDocumentView(DocumentActionView):
    """GET asks for the reason and the replacement; POST withdraws the document and returns to the listing."""

    template_name = "handbook/admin/withdrawal/withdraw.html"
    forbidden_template_name = "handbook/admin/withdrawal/forbidden.html"
    page_title = _("Withdraw document")
    header_icon = "cross"

    def may_act(self, user, document):
        return withdrawal.can_withdraw(user, document)

    def get_success_url(self):
        return self.next_url or reverse("wagtailadmin_explore", args=[self.document.get_parent().pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = kwargs.get("form")
        context.update(
            document=self.document,
            existing=DocumentWithdrawal.objects.filter(document_id=self.document.pk).first(),
            last_version=withdrawal.last_version(self.document),
            next_url=self.next_url,
            cancel_url=self.next_url or reverse("wagtailadmin_pages:edit", args=[self.document.pk]),
            action_url=self.request.get_full_path(),
            media=form.media if form is not None else None,
        )
        return context

    def render(self, form, status=200):
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def get(self, request, *args, **kwargs):
        return self.render(WithdrawalForm(self.document))

    def post(self, request, *args, **kwargs):
        form = WithdrawalForm(self.document, request.POST)
        if not form.is_valid():
            messages.validation_error(
                request, gettext("The document was not withdrawn. Correct the errors below."), form
            )
            return self.render(form, status=400)
        try:
            withdrawal.withdraw(
                self.document, request.user, form.cleaned_data["reason"], form.cleaned_data["replaced_by"]
            )
        except withdrawal.WithdrawalRefused as refusal:
            if refusal.args and refusal.args[0] == "replacement":
                form.add_error("replaced_by", form.fields["replaced_by"].error_messages["invalid_choice"])
                messages.validation_error(
                    request, gettext("The document was not withdrawn. Correct the errors below."), form
                )
                return self.render(form, status=400)
            messages.info(request, gettext("%(document)s is already withdrawn.") % self._values())
            return redirect(self.get_success_url())
        messages.success(
            request,
            gettext("%(document)s is withdrawn: it is no longer in force and is now in the archive.") % self._values(),
        )
        return redirect(self.get_success_url())

    def _values(self):
        return {"document": self.document.get_admin_display_title()}
