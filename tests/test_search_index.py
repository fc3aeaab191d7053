"""The search index: which engine it uses, and that changes reach visitors at once."""

import pytest
from django.db import connection
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.search.backends import get_search_backend

from cls.models import ActionPage, AxisPage
from home.demo.builder import get_or_create_document

pytestmark = pytest.mark.django_db


def search(client, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_the_index_is_fts5_on_sqlite_and_french_without_accents_on_postgresql():
    backend = get_search_backend()
    if connection.vendor == "sqlite":
        assert type(backend).__name__ == "SQLiteSearchBackend"  # the FTS5 virtual table
        with connection.cursor() as cursor:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name LIKE '%indexentry_fts'")
            assert "USING fts5" in cursor.fetchone()[0]
    else:
        assert type(backend).__name__ == "PostgresSearchBackend"
        assert backend.config == "french_unaccent"


def test_a_visitor_finds_what_is_published_and_no_longer_what_is_unpublished(aude_client):
    axis = AxisPage.objects.get(title="Santé environnement")
    action = ActionPage(title="Atelier cuisine de saison", summary="Cuisiner local.")
    axis.add_child(instance=action)
    action.save_revision().publish()
    assert "Atelier cuisine de saison" in search(aude_client, "cuisine")

    # A draft does not reach the index: visitors see the published text only.
    action.summary = "Animé par une diététicienne xylophoniste."
    revision = action.save_revision()
    assert "Atelier cuisine de saison" not in search(aude_client, "xylophoniste")

    revision.publish()  # the index is updated by a task (django_tasks) on save
    assert "Atelier cuisine de saison" in search(aude_client, "xylophoniste")

    action.unpublish()
    assert "Atelier cuisine de saison" not in search(aude_client, "xylophoniste")


def test_a_new_document_and_a_private_collection_apply_at_once_despite_the_cache(
    ruffecois_client,
):
    title = "Relevé de conclusions du 5 mai 2026"
    # The first search keeps the site's published documents in the cache…
    assert title not in search(ruffecois_client, "conclusions")
    collection = Collection.objects.get(name="CLS du Pays du Ruffécois")
    get_or_create_document(collection, title, ["Conclusions du comité de pilotage."], "rc.pdf")
    # …until the content changes: a new document of a listed collection is found,
    assert title in search(ruffecois_client, "conclusions")
    # and one made private disappears.
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    assert title not in search(ruffecois_client, "conclusions")
