from django import forms
from django.utils.translation import gettext_lazy as _

from .apply import DRAFT, PUBLISH, SUBMIT

MODE_LABELS = {
    DRAFT: _("En brouillon : je relirai chaque fiche avant de la publier"),
    SUBMIT: _("Soumises à la modération du site"),
    PUBLISH: _("Publiées tout de suite"),
}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tableur des fiches action"),
        help_text=_(
            "Un fichier .xlsx, .ods ou .csv de 5 Mo et 2 000 lignes au plus, rempli à partir "
            "du modèle. Rien n'est enregistré avant que vous ayez vu l'aperçu et confirmé."
        ),
    )
    create_axes = forms.BooleanField(
        label=_("Créer les axes manquants"),
        required=False,
        help_text=_("Sinon, une fiche dont l'axe n'existe pas dans le contrat est une erreur."),
    )
    create_organisations = forms.BooleanField(
        label=_("Créer les organisations inconnues"),
        required=False,
        help_text=_(
            "Pilotes, partenaires et financeurs absents de la liste des partenaires ; sinon, "
            "une erreur. Vérifiez l'orthographe dans l'aperçu : « CPAM » et « C.P.A.M. » "
            "feraient deux organisations."
        ),
    )


class ConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)
    fingerprint = forms.CharField(widget=forms.HiddenInput)
    mode = forms.ChoiceField(
        label=_("Les fiches créées ou modifiées seront"), widget=forms.RadioSelect
    )

    def __init__(self, *args, modes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mode"].choices = [(mode, MODE_LABELS[mode]) for mode in modes]
        self.fields["mode"].initial = DRAFT
