from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandbookConfig(AppConfig):
    name = "handbook"
    verbose_name = _("Quality handbook")

    def ready(self):
        # Controlled documents are deleted by superusers only, and every deletion is logged, on every path.
        from handbook import withdrawal

        withdrawal.connect()
