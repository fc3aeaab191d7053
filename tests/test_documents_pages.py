"""Visitors find, filter and download documents; private ones stay private."""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction

from cls.models import AxisDocument, AxisPage, ContractPage, DocumentCollectionPage, SiteDocument
from home.demo.pdf import make_pdf
from tests.factories import add_documents

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_disk(settings, tmp_path):
    """Copy a document's file where Wagtail's serve view reads it.

    The test storage keeps files in memory, yet its path() points to MEDIA_ROOT, and the
    serve view reads that path: without the copy, serving would answer 404.
    """
    settings.MEDIA_ROOT = tmp_path

    def copy(document):
        path = Path(document.file.path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with document.open_file() as file:
            path.write_bytes(file.read())
        return document

    return copy


@pytest.fixture
def collection():
    return Collection.get_first_root_node().add_child(name="Comptes-rendus du COPIL")


@pytest.fixture
def collection_page(collection):
    contract = ContractPage.objects.get(slug="cls", locale__language_code="fr")
    page = DocumentCollectionPage(title="Comptes-rendus du COPIL", collection=collection)
    contract.add_child(instance=page)
    return page


def add_document(collection, title, content, filename="document.pdf", **fields):
    document = SiteDocument(title=title, collection=collection, **fields)
    document.file.save(filename, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def html_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_each_link_gives_title_format_size_and_date(ruffecois_client, collection, collection_page):
    add_document(
        collection,
        "Compte-rendu du 2 octobre 2014",
        b"%PDF-1.4 placeholder",
        date=datetime.date(2014, 10, 2),
    )
    SiteDocument.objects.filter(collection=collection).update(file_size=5_138_022)
    add_documents(collection, 1)  # 81,920 bytes: exactly 80 Ko
    html = html_of(ruffecois_client, collection_page.url)
    assert (
        'Compte-rendu du 2 octobre 2014 <span class="doc-link__meta">(PDF – 4,9 Mo, '
        '<time datetime="2014-10-02">2 octobre 2014</time>)</span></a>'
    ) in html
    assert "(PDF – 80 Ko, " in html
    # French documents on a French page (the language switcher's links have one).
    assert "hreflang" not in html[html.index('<ul class="documents') :]


def test_a_document_in_english_says_so(ruffecois_client, collection, collection_page):
    add_documents(collection, 1, language="en")
    html = html_of(ruffecois_client, collection_page.url)
    assert 'hreflang="en"' in html
    assert "en anglais)" in html


def test_documents_are_grouped_by_year_newest_first_undated_last(
    ruffecois_client, collection, collection_page
):
    add_documents(collection, 3)  # 2010, 2011, 2012
    SiteDocument.objects.create(
        title="Annexe sans date", file="documents/annexe.pdf", collection=collection
    )
    html = html_of(ruffecois_client, collection_page.url)
    headings = [html.index(f'<h2 id="year-{year}">') for year in ("2012", "2011", "2010", "none")]
    assert headings == sorted(headings)


def test_visitors_filter_by_year_and_type_without_javascript(
    ruffecois_client, collection, collection_page
):
    add_documents(collection, 8)  # one minute a year, 2010 to 2017
    SiteDocument.objects.create(
        title="Évaluation finale",
        file="documents/evaluation.pdf",
        collection=collection,
        date=datetime.date(2017, 12, 1),
        document_type="evaluation",
    )
    html = html_of(ruffecois_client, collection_page.url)
    assert '<form class="search-form document-filters" method="get"' in html
    assert '<label for="id_year">Année</label>' in html
    assert '<option value="evaluation">Évaluation</option>' in html
    assert '<option value="avenant">' not in html  # only the types present are offered

    by_year = html_of(ruffecois_client, collection_page.url, year="2017")
    assert "Évaluation finale" in by_year and "Compte-rendu n° 7" in by_year
    assert "Compte-rendu n° 6" not in by_year
    assert "2 documents" in by_year
    assert '<option value="2017" selected>2017</option>' in by_year

    by_type = html_of(ruffecois_client, collection_page.url, type="evaluation")
    assert "Évaluation finale" in by_type and "Compte-rendu n° 7" not in by_type
    assert "1 document<" in by_type

    both = html_of(ruffecois_client, collection_page.url, type="compte-rendu", year="2017")
    assert "1 document<" in both and "Évaluation finale" not in both

    none = html_of(ruffecois_client, collection_page.url, type="evaluation", year="2012")
    assert "Aucun document ne correspond à ces filtres." in none

    ignored = html_of(ruffecois_client, collection_page.url, year="<script>", type="nope")
    assert "9 documents" in ignored


def test_editors_choose_the_documents_by_type_body_and_year(
    ruffecois_client, collection, collection_page
):
    add_documents(collection, 8, body="copil")
    SiteDocument.objects.create(
        title="Relevé du COTECH", file="documents/cotech.pdf", collection=collection, body="cotech"
    )
    collection_page.body = "copil"
    collection_page.year = 2015
    collection_page.save_revision().publish()
    html = html_of(ruffecois_client, collection_page.url)
    assert "Compte-rendu n° 5" in html  # 2015
    assert "Compte-rendu n° 4" not in html and "Relevé du COTECH" not in html


def test_query_count_does_not_grow_with_the_number_of_documents(
    ruffecois_client, collection, collection_page, page_cache_off, django_assert_max_num_queries
):
    def queries():
        ruffecois_client.get(collection_page.url)  # warm: site settings, root paths
        with django_assert_max_num_queries(30) as captured:
            response = ruffecois_client.get(collection_page.url)
        assert response.status_code == 200
        return [query["sql"] for query in captured], response.content.decode()

    add_documents(collection, 10)
    with_10, html = queries()
    assert "10 documents" in html
    SiteDocument.objects.filter(collection=collection).delete()
    add_documents(collection, 100)
    with_100, html = queries()
    assert "100 documents – page 1 sur 5" in html
    assert len(with_100) == len(with_10)
    # The counts by type and year (filters offered, total), the page of documents; who may
    # see what was read once, with the site's data.
    assert len([sql for sql in with_100 if "cls_sitedocument" in sql]) == 2
    assert not [sql for sql in with_100 if "wagtailcore_collectionviewrestriction" in sql]


@pytest.fixture
def private_collection(collection):
    private = collection.add_child(name="Documents internes du COPIL")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    return private


def test_private_documents_are_refused_to_anonymous_visitors(
    ruffecois_client, private_collection, on_disk
):
    document = on_disk(
        add_document(private_collection, "Note interne", make_pdf("Note interne", ["Confidentiel"]))
    )
    response = ruffecois_client.get(document.url)
    assert response.status_code == 302
    assert "login" in response.url
    assert not getattr(response, "streaming_content", None)

    member = get_user_model().objects.create_user("membre-copil", "copil@example.org", "x")
    ruffecois_client.force_login(member)
    response = ruffecois_client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_private_documents_are_listed_only_to_those_who_may_open_them(
    ruffecois_client, collection_page, private_collection
):
    collection_page.collection = private_collection
    collection_page.save_revision().publish()
    add_document(private_collection, "Note interne", b"%PDF-1.4")
    html = html_of(ruffecois_client, collection_page.url)
    assert "Note interne" not in html
    member = get_user_model().objects.create_user("membre-copil", "copil@example.org", "x")
    ruffecois_client.force_login(member)
    assert "Note interne" in html_of(ruffecois_client, collection_page.url)


def test_a_collection_made_private_leaves_the_list_at_once(
    ruffecois_client, collection, collection_page
):
    add_document(collection, "Compte-rendu du COPIL", b"%PDF-1.4")
    assert "Compte-rendu du COPIL" in html_of(ruffecois_client, collection_page.url)
    # The restrictions are kept with the site's data: saving one must change its version.
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert "Compte-rendu du COPIL" not in html_of(ruffecois_client, collection_page.url)


def test_documents_are_served_with_safe_headers(ruffecois_client, collection, on_disk):
    pdf = on_disk(add_document(collection, "Diagnostic", make_pdf("Diagnostic", ["T"]), "diag.pdf"))
    response = ruffecois_client.get(pdf.url)
    assert response["Content-Type"] == "application/pdf"
    # A PDF opens in the browser's viewer; saved, it keeps its name.
    assert response["Content-Disposition"] == 'inline; filename="diag.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"

    table = on_disk(add_document(collection, "Indicateurs", b"Commune;Valeur\n", "indicateurs.csv"))
    response = ruffecois_client.get(table.url)
    assert response["Content-Disposition"] == 'attachment; filename="indicateurs.csv"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_an_axis_lists_its_documents_like_every_page(ruffecois_client):
    axis = AxisPage.objects.filter(locale__language_code="fr", url_path__contains="ruffec").first()
    diagnostic = SiteDocument.objects.get(title="Diagnostic santé social du territoire Ruffécois")
    AxisDocument.objects.create(page=axis, document=diagnostic)
    html = html_of(ruffecois_client, axis.url)
    assert '<h2 id="documents-title">Documents liés</h2>' in html
    assert f'<a class="doc-link" href="{diagnostic.url}">' in html
    assert "(PDF – " in html


def test_demo_documents_are_real_pdfs_whose_text_was_extracted():
    minute = SiteDocument.objects.get(title="Compte-rendu du 2 octobre 2014")
    assert minute.extraction_status == "done"
    assert "Groupe de travail « Accès soins / droits »" in minute.extracted_text
    assert not SiteDocument.objects.exclude(extraction_status="done").exists()
