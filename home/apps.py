from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Accueil et pages de contenu")

    def ready(self):
        from .admin_dates import use_typed_date_inputs
        from .admin_scope.filters import narrow_filter_choices
        from .invalidation import connect_invalidation
        from .translation_drafts import connect_translation_drafts

        connect_invalidation()
        narrow_filter_choices()
        connect_translation_drafts()
        use_typed_date_inputs()
