"""Menus, footer and settings come from the cache, yet every change shows at once."""

import pytest
from wagtail.models import PageViewRestriction

from cls.models import AgendaPage
from home.models import ContentPage, NewsIndexPage, SiteSettings

pytestmark = pytest.mark.django_db


def test_a_page_published_in_the_menu_appears_on_every_page_at_once(aude_client, aude_site):
    assert "Nouvelle rubrique" not in aude_client.get("/").content.decode()
    page = aude_site.root_page.add_child(
        instance=ContentPage(title="Nouvelle rubrique", show_in_menus=True, live=False)
    )
    page.save_revision().publish()
    assert "Nouvelle rubrique" in aude_client.get("/").content.decode()


def test_a_menu_page_made_private_leaves_the_menu_at_once(aude_client, aude_site):
    page = aude_site.root_page.add_child(
        instance=ContentPage(title="Espace partenaires", show_in_menus=True, live=False)
    )
    page.save_revision().publish()
    assert "Espace partenaires" in aude_client.get("/").content.decode()
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert "Espace partenaires" not in aude_client.get("/").content.decode()


def test_a_settings_change_shows_at_once(aude_client, aude_site):
    aude_client.get("/")
    site_settings = SiteSettings.for_site(aude_site)
    site_settings.organisation_name = "Communauté de communes renommée"
    site_settings.save()
    assert "Communauté de communes renommée" in aude_client.get("/").content.decode()


def test_the_menu_is_read_from_the_cache_after_the_first_visit(
    aude_client, django_assert_max_num_queries
):
    aude_client.get("/")
    with django_assert_max_num_queries(12) as captured:
        aude_client.get("/")
    menu_filter = '"wagtailcore_page"."show_in_menus" AND'
    assert not [query for query in captured if menu_filter in query["sql"]]


def test_the_home_page_follows_its_news_index_and_agenda_at_once(aude_client, aude_site):
    """The home page finds its news index and agenda once per content version."""
    html = aude_client.get("/").content.decode()
    assert "Toutes les actualités" in html
    news_index = NewsIndexPage.objects.child_of(aude_site.root_page).get()
    news_index.unpublish()
    assert "Toutes les actualités" not in aude_client.get("/").content.decode()
    news_index.save_revision().publish()
    assert "Toutes les actualités" in aude_client.get("/").content.decode()

    agenda = AgendaPage.objects.child_of(aude_site.root_page).get()
    agenda_link = f'href="{agenda.relative_url(aude_site)}"'
    assert agenda_link in aude_client.get("/").content.decode()
    agenda.unpublish()
    assert agenda_link not in aude_client.get("/").content.decode()
