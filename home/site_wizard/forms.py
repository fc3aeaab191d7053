import re

from django import forms
from django.contrib.auth.models import Group
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.models import Collection, Page, Site

from cls.communes_field import CommunesPicker
from cls.models import Commune
from home.site_groups import site_group_names
from home.theme import DEFAULT_PALETTE, PALETTE_CHOICES

from .creation import NewSite

# Labels of letters, digits and hyphens (not at either end), separated by dots.
HOSTNAME = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$")
DEFAULT_PORT = 80


class NewSiteForm(forms.Form):
    site_name = forms.CharField(
        label=_("Nom du site"),
        max_length=200,
        help_text=_(
            "Le contrat et son territoire, par exemple « CLS du Pays du Ruffécois ». C'est le "
            "titre de la page d'accueil ; il nomme aussi les groupes des éditeurs et des "
            "modérateurs du site et sa collection de documents."
        ),
    )
    organisation_name = forms.CharField(
        label=_("Structure porteuse"),
        max_length=200,
        help_text=_(
            "L'éditeur du site, nommé dans les mentions légales, par exemple « Communauté "
            "d'agglomération Lisieux Normandie »."
        ),
    )
    hostname = forms.CharField(
        label=_("Nom d'hôte"),
        max_length=255,
        help_text=_(
            "L'adresse du site sans « https:// » ni « / », par exemple « sante.lisieux.fr ». "
            "Elle doit pointer vers ce serveur et figurer dans la liste des hôtes autorisés "
            "(ALLOWED_HOSTS) : demandez-le à votre hébergeur."
        ),
    )
    port = forms.IntegerField(
        label=_("Port"),
        required=False,
        min_value=1,
        max_value=65535,
        help_text=_("Laissez vide : 80, le port habituel (le site sera aussi servi en HTTPS)."),
    )
    communes = forms.ModelMultipleChoiceField(
        label=_("Communes du territoire"),
        queryset=Commune.objects.all(),
        widget=CommunesPicker(),
        help_text=_(
            "Cherchez la ou les intercommunalités du contrat par leur nom (liste nationale) et "
            "ajoutez-les : toutes leurs communes sont cochées ; décochez celles que le contrat "
            "ne couvre pas."
        ),
        error_messages={"required": _("Ajoutez au moins une intercommunalité ou une commune.")},
    )
    contact_email = forms.EmailField(
        label=_("Adresse électronique de la mission santé"),
        help_text=_(
            "Reçoit les messages du formulaire de contact ; elle n'est jamais affichée sur le "
            "site. Une carte de contact « Mission santé » est créée avec elle : ajoutez-y "
            "ensuite le nom et le téléphone de la personne."
        ),
    )
    logo = WagtailImageField(
        label=_("Logo de la structure"),
        required=False,
        help_text=_("Facultatif. PNG, JPEG, GIF ou WebP ; il peut être ajouté plus tard."),
    )

    palette = forms.ChoiceField(
        label=_("Palette de couleurs"),
        choices=PALETTE_CHOICES,
        initial=DEFAULT_PALETTE,
        help_text=_(
            "Couleurs de l'en-tête, du menu, des liens et des boutons, toutes lisibles ; une "
            "couleur propre à votre charte peut être choisie ensuite dans les réglages du site."
        ),
    )

    def clean_site_name(self):
        name = self.cleaned_data["site_name"].strip()
        taken = (
            Site.objects.filter(site_name__iexact=name).exists()
            or Group.objects.filter(name__in=site_group_names(name)).exists()
            or Collection.objects.filter(name__iexact=name, depth=2).exists()
        )
        if taken:
            raise forms.ValidationError(
                _(
                    "Le nom « %(name)s » est déjà celui d'un site, d'un groupe ou d'une "
                    "collection : choisissez-en un autre."
                ),
                params={"name": name},
            )
        return name

    def clean_hostname(self):
        hostname = self.cleaned_data["hostname"].strip().lower()
        if not HOSTNAME.match(hostname):
            raise forms.ValidationError(
                _(
                    "« %(hostname)s » n'est pas un nom d'hôte : des lettres sans accents, des "
                    "chiffres et des tirets, séparés par des points, sans « https:// », « / » "
                    "ni « : », par exemple « sante.lisieux.fr »."
                ),
                params={"hostname": hostname},
            )
        other = Site.objects.filter(hostname=hostname).first()
        if other:
            raise forms.ValidationError(
                _("Le nom d'hôte « %(hostname)s » est déjà celui du site « %(site)s »."),
                params={"hostname": hostname, "site": other.site_name or other.hostname},
            )
        if Page.get_first_root_node().get_children().filter(slug=slugify(hostname)).exists():
            raise forms.ValidationError(
                _(
                    "Une page d'accueil « %(slug)s » existe déjà à la racine de l'arborescence, "
                    "sans site : supprimez-la ou choisissez un autre nom d'hôte."
                ),
                params={"slug": slugify(hostname)},
            )
        return hostname

    def new_site(self):
        data = self.cleaned_data
        return NewSite(
            site_name=data["site_name"],
            organisation_name=data["organisation_name"].strip(),
            hostname=data["hostname"],
            port=data["port"] or DEFAULT_PORT,
            communes=list(data["communes"]),
            contact_email=data["contact_email"],
            logo=data["logo"],
            palette=data["palette"],
        )
