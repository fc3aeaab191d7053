"""Every change shows at once, whatever the spelling of the host, wherever a page moves.

Visitors first fill the caches (the page cache and the site data are on, as in
production), then an editor changes something through the admin or Wagtail's actions;
every page a visitor sees next must be current.
"""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from cls.models import ActionPage, AxisPage, ContractPage
from home.models import ContentPage

pytestmark = pytest.mark.django_db

# The Aude site is the default site: a host no site has is answered by it too.
AUDE_HOSTS = ["localhost", "LOCALHOST", "localhost.", "localhost:8000", "127.0.0.1"]


def visitor(host):
    return Client(HTTP_HOST=host)


def text_of(client, url):
    return client.get(url).content.decode()


@pytest.fixture
def axis():
    return AxisPage.objects.get(title="Prévention et promotion de la santé")


@pytest.mark.parametrize("host", AUDE_HOSTS)
def test_every_spelling_of_a_host_sees_an_unpublished_action_go(host, axis):
    action = ActionPage.objects.child_of(axis).get(title="Dépistages diabète")
    client = visitor(host)
    assert client.get(action.url).status_code == 200
    assert "Dépistages diabète" in text_of(client, axis.url)
    assert client.get(axis.url)["X-Page-Cache"] == "hit"

    action.unpublish()
    assert client.get(action.url).status_code == 404
    assert "Dépistages diabète" not in text_of(client, axis.url)


@pytest.mark.parametrize("host", AUDE_HOSTS)
def test_every_spelling_of_a_host_shows_an_editor_the_new_menu(host, aude_site):
    editor = visitor(host)
    editor.force_login(get_user_model().objects.create_user("lecteur", "l@example.org", "x"))
    assert "Nouvelle rubrique" not in text_of(editor, "/")  # the menu is kept from now on
    page = aude_site.root_page.add_child(
        instance=ContentPage(title="Nouvelle rubrique", show_in_menus=True, live=False)
    )
    page.save_revision().publish()
    assert "Nouvelle rubrique" in text_of(editor, "/")


def test_an_axis_deleted_in_the_admin_is_gone_with_its_actions(aude_admin_client, axis):
    contract = axis.get_parent()
    actions = list(ActionPage.objects.child_of(axis))
    urls = [axis.url, *(action.url for action in actions)]
    anonymous = visitor("localhost")
    for url in urls:
        assert anonymous.get(url).status_code == 200
    assert axis.title in text_of(anonymous, contract.url)

    response = aude_admin_client.post(f"/admin/pages/{axis.pk}/delete/")
    assert response.status_code == 302
    assert not Page.objects.filter(pk=axis.pk).exists()
    for url in urls:
        assert anonymous.get(url).status_code == 404, url
        assert anonymous.get(url, {"utm_source": "lettre"}).status_code == 404, url
    assert axis.title not in text_of(anonymous, contract.url)


def test_a_page_moved_to_another_site_leaves_the_first_at_once(
    aude_admin_client, aude_site, ruffecois_site
):
    page = aude_site.root_page.add_child(
        instance=ContentPage(
            title="Permanence itinérante", slug="permanence", show_in_menus=True, live=False
        )
    )
    page.save_revision().publish()
    aude, ruffecois = visitor("localhost"), visitor("ruffecois.localhost")
    assert aude.get("/permanence/").status_code == 200
    assert "Permanence itinérante" in text_of(aude, "/")
    assert "Permanence itinérante" in text_of(aude, "/plan-du-site/")
    assert ruffecois.get("/permanence/").status_code == 404

    response = aude_admin_client.post(
        f"/admin/pages/{page.pk}/move/{ruffecois_site.root_page.pk}/confirm/"
    )
    assert response.status_code == 302
    assert aude.get("/permanence/").status_code == 404
    assert "Permanence itinérante" not in text_of(aude, "/")
    assert "Permanence itinérante" not in text_of(aude, "/plan-du-site/")
    assert ruffecois.get("/permanence/").status_code == 200
    assert "Permanence itinérante" in text_of(ruffecois, "/")


def test_a_live_copy_appears_in_its_new_axis_at_once(axis):
    action = ActionPage.objects.child_of(axis).get(title="Dépistages diabète")
    other_axis = AxisPage.objects.get(title="Santé environnement")
    anonymous = visitor("localhost")
    assert "Dépistages diabète" not in text_of(anonymous, other_axis.url)
    action.copy(to=other_axis, update_attrs={"slug": "depistages-diabete-bis"}, keep_live=True)
    assert "Dépistages diabète" in text_of(anonymous, other_axis.url)


def test_a_cached_page_made_private_is_refused_at_once(axis):
    action = ActionPage.objects.child_of(axis).get(title="Dépistages diabète")
    contract = ContractPage.objects.get(pk=axis.get_parent().pk)
    anonymous = visitor("localhost")
    assert anonymous.get(action.url).status_code == 200
    assert anonymous.get(action.url)["X-Page-Cache"] == "hit"

    PageViewRestriction.objects.create(page=axis, restriction_type="login")
    for url in (axis.url, action.url):
        response = anonymous.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    assert axis.title not in text_of(anonymous, contract.url)
    assert "Dépistages diabète" not in text_of(anonymous, "/plan-du-site/")


def test_a_password_protected_page_asks_for_its_password_on_every_host(axis):
    action = ActionPage.objects.child_of(axis).get(title="Dépistages diabète")
    for host in AUDE_HOSTS:
        assert visitor(host).get(action.url).status_code == 200
    PageViewRestriction.objects.create(page=action, restriction_type="password", password="x")
    for host in AUDE_HOSTS:
        html = text_of(visitor(host), action.url)
        assert 'name="password"' in html, host
        assert "Dépistages diabète" not in html.split("<main")[-1], host


def test_pages_stay_reachable_after_the_home_page_gets_a_new_slug(aude_site, axis):
    anonymous = visitor("localhost")
    assert anonymous.get(axis.url).status_code == 200
    home = aude_site.root_page.specific
    home.slug = "accueil-haute-vallee"
    home.save_revision().publish()  # every url_path of the site changes
    axis = AxisPage.objects.get(pk=axis.pk)
    assert axis.url_path.startswith("/accueil-haute-vallee/")
    for url in ["/", axis.url, "/cls-2/", "/plan-du-site/"]:
        assert anonymous.get(url, {"v": 2}).status_code == 200, url  # rendered anew
        assert anonymous.get(url).status_code == 200, url


def test_every_spelling_of_a_host_shares_one_cached_copy(axis):
    assert visitor("localhost").get(axis.url)["X-Page-Cache"] == "miss"
    for host in AUDE_HOSTS[1:] + ["localhost:6666"]:
        assert visitor(host).get(axis.url)["X-Page-Cache"] == "hit", host
    behind_tls_proxy = Client(HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")
    assert behind_tls_proxy.get(axis.url, secure=True)["X-Page-Cache"] == "miss"


def test_a_document_linked_from_a_page_joins_the_site_list_once_the_worker_indexed_it(
    ruffecois_site, settings
):
    """In production Wagtail's reference index is updated by the task worker, after the
    editor's commit has already renewed the caches."""
    from wagtail.tasks import update_reference_index_task

    from cls.models import DocumentCollectionPage, SiteDocument

    contract = ContractPage.objects.child_of(ruffecois_site.root_page).get()
    listing = contract.add_child(instance=DocumentCollectionPage(title="Tous nos documents"))
    listing.save_revision().publish()
    aude_diagnostic = SiteDocument.objects.get(title__startswith="Diagnostic santé - Pyrénées")
    anonymous = visitor("ruffecois.localhost")
    assert aude_diagnostic.title not in text_of(anonymous, listing.url)  # cached

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    page = ruffecois_site.root_page.add_child(
        instance=ContentPage(
            title="Lectures", body=[("document", {"document": aude_diagnostic, "title": ""})]
        )
    )
    page.save_revision().publish()
    queued = [
        result.args
        for result in update_reference_index_task.get_backend().results
        if result.task.module_path == "wagtail.tasks.update_reference_index_task"
    ]
    assert aude_diagnostic.title not in text_of(anonymous, listing.url)  # not indexed yet

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    for args in queued:  # the worker runs the tasks
        update_reference_index_task.enqueue(*args)
    assert aude_diagnostic.title in text_of(anonymous, listing.url)
