from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClsConfig(AppConfig):
    name = "cls"
    verbose_name = _("Contrat local de santé")
