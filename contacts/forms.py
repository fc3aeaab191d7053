"""The visitor's contact form: the editor's fields, bounded, plus anti-robot checks."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from config.client_address import client_address

from . import antispam

HONEYPOT_FIELD = "homepage"
STARTED_FIELD = "form_started"

# Every value a visitor types is bounded, whatever fields the editor chose.
MAX_LENGTHS = {
    "singleline": 255,
    "multiline": 5000,
    "email": 254,
    "url": 500,
    "hidden": 255,
}
MAX_NUMBER_DIGITS = 20


class ContactForm(BaseForm):
    """Refuses robots and floods with a French explanation, keeping what was typed."""

    refusal_messages = {
        "robot": _(
            "Votre message n'a pas été enregistré : il ressemble à un envoi automatique. "
            "Votre saisie est conservée : vérifiez-la puis cliquez à nouveau sur « Envoyer »."
        ),
        "too_fast": _(
            "Votre message a été envoyé très vite après l'ouverture de la page, comme le font "
            "les robots. Relisez-le puis cliquez à nouveau sur « Envoyer »."
        ),
        "expired": _(
            "Le formulaire était incomplet ou trop ancien. Votre saisie est conservée : "
            "vérifiez-la puis cliquez à nouveau sur « Envoyer »."
        ),
        "rate_limited": _(
            "Trop de messages ont été envoyés depuis votre connexion. Votre saisie est "
            "conservée : réessayez dans une heure, ou appelez-nous."
        ),
    }

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Ne pas remplir ce champ"),
            required=False,
            max_length=255,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[STARTED_FIELD] = forms.CharField(
            required=False, widget=forms.HiddenInput, initial=antispam.sign_start_time
        )
        self.started_at = None
        self.honeypot_filled = False
        if self.is_bound:
            self.honeypot_filled = bool(self.data.get(HONEYPOT_FIELD))
            self.started_at = antispam.read_start_time(self.data.get(STARTED_FIELD))
            # A refused message comes back with the honeypot emptied (a person's browser
            # may have autofilled it) and a valid token, so that it can be sent again.
            self.data = self.data.copy()
            self.data[HONEYPOT_FIELD] = ""
            if self.started_at is None:
                self.data[STARTED_FIELD] = antispam.sign_start_time()

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    @property
    def visitor_fields(self):
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]

    @property
    def submission_data(self):
        """What the visitor typed, without the anti-robot fields."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in (HONEYPOT_FIELD, STARTED_FIELD)
        }

    def clean(self):
        cleaned_data = super().clean()
        if self.honeypot_filled:
            raise forms.ValidationError(self.refusal_messages["robot"], code="robot")
        if self.started_at is None:
            raise forms.ValidationError(self.refusal_messages["expired"], code="expired")
        if antispam.filled_too_fast(self.started_at):
            raise forms.ValidationError(self.refusal_messages["too_fast"], code="too_fast")
        # Counted last, so that only messages about to be stored use up the allowance.
        if not self.errors and self.request is not None:
            address = client_address(self.request)
            if not antispam.count_message_and_check_limit(address):
                raise forms.ValidationError(
                    self.refusal_messages["rate_limited"], code="rate_limited"
                )
        return cleaned_data


class ContactFormBuilder(FormBuilder):
    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.field_type in MAX_LENGTHS:
            options["max_length"] = MAX_LENGTHS[field.field_type]
        return options

    def create_singleline_field(self, field, options):
        # Wagtail's version forces 255; ours already set the bound.
        return forms.CharField(**options)

    def create_number_field(self, field, options):
        return forms.DecimalField(max_digits=MAX_NUMBER_DIGITS, **options)

    def get_form_class(self):
        return type("ContactFormWithFields", (ContactForm,), self.formfields)
