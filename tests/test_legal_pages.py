"""French public-site obligations: legal pages on every site, the statement in the footer."""

import datetime
import re
from decimal import Decimal
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.test import RequestFactory, override_settings
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import querydict_from_html

from home.models import (
    AccessibilityStatementPage,
    AccessibilityStatus,
    ContentPage,
    HomePage,
    LegalBasis,
    LegalNoticePage,
    PersonalDataPage,
    SitemapPage,
    SiteSettings,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = get_user_model().objects.create_superuser("juriste", "juriste@example.org", "x")
    client.force_login(admin)
    return client


def test_legal_notice_shows_publisher_director_and_host_from_settings(aude_client, aude_site):
    settings = SiteSettings.for_site(aude_site)
    settings.publication_director = "Marie Exemple, présidente"
    settings.host = "Hébergeur Exemple\n10 rue de la Paix, 75002 Paris"
    settings.save()
    page = LegalNoticePage.objects.descendant_of(aude_site.root_page).get()
    html = aude_client.get(page.url).content.decode()
    assert "Communauté de Communes des Pyrénées Audoises" in html
    assert "Marie Exemple, présidente" in html
    assert "10 rue de la Paix, 75002 Paris" in html


def test_legal_notice_never_shows_a_placeholder_for_what_is_not_given(
    aude_client, aude_site, admin_client
):
    """The demo names no director of publication and no host: the public page says who
    directs the publication by law and that the host is not given; editors read « À
    compléter » in the page editor and in the empty settings fields."""
    page = LegalNoticePage.objects.descendant_of(aude_site.root_page).get()
    html = unescape(aude_client.get(page.url).content.decode())
    assert "La publication est dirigée par le représentant légal de l’éditeur." in html
    assert re.search(r"<h2>Hébergement</h2>\s*<p>Non renseigné.</p>", html)
    editor = unescape(admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    assert "À compléter" in editor
    assert "le directeur ou la directrice de la publication (réglages du site)" in editor
    assert "le nom, l'adresse et le téléphone de l'hébergeur" in editor
    settings_form = admin_client.get(f"/admin/settings/home/sitesettings/{aude_site.pk}/")
    assert settings_form.content.decode().count('placeholder="À compléter"') == 3


OFFICIAL_SECTIONS = [
    "État de conformité",
    "Résultats des tests",
    "Contenus non accessibles",
    "Non-conformités",
    "Dérogations pour charge disproportionnée",
    "Contenus non soumis à l’obligation d’accessibilité",
    "Établissement de cette déclaration d’accessibilité",
    "Technologies utilisées pour la réalisation du site",
    "Environnement de test",
    "Outils pour évaluer l’accessibilité",
    "Pages du site ayant fait l’objet de la vérification de conformité",
    "Retour d’information et contact",
    "Voies de recours",
]


def test_accessibility_statement_without_audit_has_every_section_and_claims_nothing(
    aude_client, aude_site, admin_client
):
    page = AccessibilityStatementPage.objects.descendant_of(aude_site.root_page).get()
    html = unescape(aude_client.get(page.url).content.decode())
    for section in OFFICIAL_SECTIONS:
        assert f">{section}</h" in html, section
    assert "<strong>non conforme</strong>" in html
    assert "Aucun audit de conformité n’a encore été réalisé" in html
    assert "% des critères" not in html
    assert 'href="http://localhost/">http://localhost/</a>' in html  # the site it covers
    assert '<a href="/contact/">Envoyer un message par le formulaire de contact</a>' in html
    assert '<a href="mailto:elise.roussel@example.org">' in html
    assert '<a href="https://formulaire.defenseurdesdroits.fr/" rel="noopener">' in html
    editor = unescape(admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    assert "les résultats de l'audit (taux de conformité, date, auditeur)" in editor


def test_accessibility_statement_with_an_audit_shows_its_results(aude_client, aude_site):
    settings = SiteSettings.for_site(aude_site)
    settings.accessibility_status = AccessibilityStatus.PARTIAL
    settings.save()
    page = AccessibilityStatementPage.objects.descendant_of(aude_site.root_page).get()
    page.compliance_rate = Decimal("87.50")
    page.audit_date = datetime.date(2026, 10, 15)
    page.audited_by = "Cabinet Exemple"
    page.non_accessible_content = "<ul><li>Deux PDF ne sont pas balisés.</li></ul>"
    page.audited_pages = "Accueil\nContrat"
    page.save_revision().publish()
    html = unescape(aude_client.get(page.url).content.decode())
    assert "<strong>partiellement conforme</strong>" in html
    assert "RGAA), version 4.1" in html
    assert "L’audit révèle que 87,5 % des critères du RGAA sont respectés." in html
    assert "Audit du 15 octobre 2026 – Cabinet Exemple." in html
    assert "<li>Deux PDF ne sont pas balisés.</li>" in html
    assert "<ul><li>Accueil</li><li>Contrat</li></ul>" in html
    assert "Accessibilité\u00a0: partiellement conforme" in html


@override_settings(CONTACT_RETENTION_DAYS=200, CONTACT_RATE_WINDOW=1800)
def test_personal_data_page_has_the_usual_sections_from_what_the_site_does(
    ruffecois_client, ruffecois_site
):
    page = PersonalDataPage.objects.descendant_of(ruffecois_site.root_page).get()
    html = unescape(ruffecois_client.get(page.url).content.decode())
    for section in (
        "Responsable du traitement",
        "Données collectées et finalité",
        "Base légale",
        "Destinataires",
        "Durée de conservation",
        "Vos droits",
        "Délégué à la protection des données",
        "Réclamation auprès de la CNIL",
        "Cookies et traceurs",
    ):
        assert f"<h2>{section}</h2>" in html, section
    assert "PETR du Pays du Ruffécois, éditeur de ce site" in html
    assert "conservés 7 mois" in html
    assert "retenue au plus 30 minutes" in html
    assert html.count("Non renseigné.") == 2  # legal basis, data protection officer
    page.legal_basis = LegalBasis.PUBLIC_TASK
    page.data_protection_officer = "Service juridique du PETR\ndpo@example.org"
    page.save_revision().publish()
    html = unescape(ruffecois_client.get(page.url).content.decode())
    assert "Une mission d’intérêt public (article 6.1.e du RGPD)" in html
    assert "Service juridique du PETR<br>dpo@example.org" in html
    assert "Non renseigné." not in html


def test_only_the_contact_form_sets_a_cookie_as_the_personal_data_page_says(
    ruffecois_client, ruffecois_site
):
    for page in Page.objects.live().descendant_of(ruffecois_site.root_page, inclusive=True):
        cookies = set(ruffecois_client.get(page.url).cookies)
        assert cookies == ({"csrftoken"} if page.slug == "contact" else set()), page.url
        ruffecois_client.cookies.clear()


def test_every_page_footer_shows_the_compliance_status_linked_to_the_statement(
    ruffecois_client, ruffecois_site
):
    statement = AccessibilityStatementPage.objects.descendant_of(ruffecois_site.root_page).get()
    footer_link = (
        f'<a href="{statement.relative_url(ruffecois_site)}">Accessibilité\u00a0: non conforme</a>'
    )
    for page in Page.objects.live().descendant_of(ruffecois_site.root_page, inclusive=True):
        assert footer_link in ruffecois_client.get(page.url).content.decode()


def test_site_map_reads_the_tree_in_one_query_whatever_its_size(
    ruffecois_client, ruffecois_site, django_assert_num_queries
):
    sitemap = SitemapPage.objects.descendant_of(ruffecois_site.root_page).get()
    request = RequestFactory().get("/", HTTP_HOST=ruffecois_site.hostname)
    SitemapPage.site_tree(ruffecois_site.root_page, request)  # site and restrictions cached
    with django_assert_num_queries(1):
        tree = SitemapPage.site_tree(ruffecois_site.root_page, request)
    for number in range(10):
        ruffecois_site.root_page.add_child(instance=ContentPage(title=f"Page {number}"))
    request = RequestFactory().get("/", HTTP_HOST=ruffecois_site.hostname)
    SitemapPage.site_tree(ruffecois_site.root_page, request)
    with django_assert_num_queries(1):
        SitemapPage.site_tree(ruffecois_site.root_page, request)
    links = {node["title"]: node["link"] for node, _children in tree}
    assert links["Contrat Local de Santé du Pays du Ruffécois"] == "/cls/"
    html = ruffecois_client.get(sitemap.url).content.decode()
    assert "Rompre l’isolement des personnes âgées" in html  # an action, depth 5


def test_site_map_nests_lists_and_escapes_titles(ruffecois_client, ruffecois_site):
    sitemap = SitemapPage.objects.descendant_of(ruffecois_site.root_page).get()
    contract = Page.objects.get(url_path__endswith="/cls/", locale=sitemap.locale)
    contract.add_child(instance=ContentPage(title="Écoute & <soutien>", slug="ecoute"))
    html = ruffecois_client.get(sitemap.url).content.decode()
    site_map = html[html.index('<nav aria-label="Plan du site" class="site-map">') :]
    child_item = site_map.index('<li><a href="/cls/ecoute/">Écoute &amp; &lt;soutien&gt;</a></li>')
    before = site_map[:child_item]
    assert f'<li><a href="/cls/">{contract.title}</a><ul>' in before
    assert before.count("<ul>") - before.count("</ul>") == 2  # the home's list, the contract's


def test_a_new_site_gets_its_legal_pages(admin_client):
    root = Page.get_first_root_node()
    add_url = f"/admin/pages/add/home/homepage/{root.pk}/"
    data = querydict_from_html(admin_client.get(add_url).content.decode(), "page-edit-form")
    data.update({"title": "CLS du Pays Exemple", "slug": "pays-exemple"})
    for stream in ("key_figures", "quick_links", "body"):
        data[f"{stream}-count"] = "0"
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url, data)
    assert response.status_code == 302
    home = HomePage.objects.get(slug="pays-exemple")
    children = {type(page.specific) for page in home.get_children()}
    assert {LegalNoticePage, AccessibilityStatementPage, SitemapPage, PersonalDataPage} <= children

    site = Site.objects.create(hostname="exemple.localhost", root_page=home)
    from home.legal_pages import create_legal_pages

    create_legal_pages(home)
    settings = SiteSettings.for_site(site)
    assert settings.accessibility_page.specific_class is AccessibilityStatementPage
    assert len(settings.footer_links) == 4


def test_editor_is_warned_about_a_click_here_link(admin_client, aude_site):
    page = PersonalDataPage.objects.descendant_of(aude_site.root_page).get()
    edit_url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(admin_client.get(edit_url).content.decode(), "page-edit-form")
    data["body-count"] = "1"
    data["body-0-type"] = "paragraph"
    data["body-0-deleted"] = ""
    data["body-0-order"] = "0"
    data["body-0-value"] = (
        '{"blocks": [{"key": "a", "type": "unstyled", "text": "Pour le détail, cliquez ici.", '
        '"entityRanges": [{"offset": 16, "length": 11, "key": 0}], "inlineStyleRanges": [], '
        '"depth": 0, "data": {}}], "entityMap": {"0": {"type": "LINK", "mutability": '
        '"MUTABLE", "data": {"url": "https://example.org/"}}}}'
    )
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    warnings = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("Le lien « cliquez ici » ne dit pas où il mène" in text for text in warnings)
