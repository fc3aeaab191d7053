"""The changes of the freshness bench (bench/freshness.py), made through Wagtail's APIs
as the admin makes them, each with the answers every visitor must get once committed.

Which pages a change affects is read from the sites themselves: the pages that show a
title or a name before the change (`pages_showing`, given by the bench), plus the pages
a new page must appear on. Every name looked for is one the bench gave, unique: a demo
name may also be written in a page's text (a news title names its action), which no
change retires. So before the first cycle the editor renames what the changes look for.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Count
from wagtail.actions.delete_page import DeletePageAction
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site

from cls.models import ActionPage, AxisPage, ContractPage, SiteDocument
from home.models import ContentPage, SitemapPage, SiteSettings

EDITOR_USERNAME = "bench-editor"


@dataclass(frozen=True)
class Expected:
    """What a visitor of `site` must get at `path` once the change is committed."""

    site: Site
    path: str
    status: int = 200
    shows: tuple = ()
    hides: tuple = ()


@dataclass
class Change:
    description: str
    make: Callable[[], None]  # run inside the editor's transaction
    expected: list


def path_of(page):
    """The page's path on its site (its URL without scheme and host)."""
    return page.get_url_parts()[2]


def unique_name(label, cycle):
    # "(essai 1)" is no part of "(essai 10)": a name never contains an earlier one.
    return f"{label} (essai {cycle})"


def site_of(page):
    return page.get_site()


def fresh(page):
    """The page as it stands in the database: earlier changes moved, unpublished or
    added children to it since it was read (a stale tree position corrupts the tree)."""
    return Page.objects.get(pk=page.pk).specific


class Editor:
    """An editor of the demo sites. `changes(cycle)` yields each change when it is due:
    which pages it affects depends on what the changes before it did."""

    def __init__(self, pages_showing):
        # pages_showing(text) -> [(site, path)]: the pages of every site showing `text`.
        self.pages_showing = pages_showing
        self.user = get_user_model().objects.filter(username=EDITOR_USERNAME).first()
        if self.user is None:
            self.user = get_user_model().objects.create_superuser(
                EDITOR_USERNAME, f"{EDITOR_USERNAME}@example.org", None
            )
        self.main_site = Site.objects.get(is_default_site=True)
        self.other_site = Site.objects.exclude(pk=self.main_site.pk).order_by("pk").first()
        root = self.main_site.root_page
        # The action with the most events: shown on the agenda and the home page too.
        self.action = (
            ActionPage.objects.live()
            .descendant_of(root)
            .filter(locale_id=root.locale_id)
            .annotate(event_count=Count("events"))
            .order_by("-event_count", "path")
            .first()
        )
        self.contract = ContractPage.objects.ancestor_of(self.action).get()
        self.organisation = self.contract.partners.order_by("pk").first().organisation
        self.collection = self.contract.diagnostic_document.collection

    def name_uniquely(self):
        """Give what the changes look for names of the bench (cycle 0), in one commit."""
        self.action.title = unique_name("Action renommée", 0)
        self.action.save_revision(user=self.user).publish(user=self.user)
        self.organisation.name = unique_name("Partenaire renommé", 0)
        self.organisation.save()
        for document in SiteDocument.objects.filter(collection=self.collection):
            document.title = unique_name(f"Document {document.pk}", 0)
            document.save()
        settings = self.site_settings()
        settings.organisation_name = unique_name("Structure", 0)
        settings.save()

    def changes(self, cycle):
        """The changes of a cycle (1, 2…), each made once the ones before are checked."""
        yield self.retitle_action(cycle)
        yield self.unpublish_action()
        yield self.republish_action()
        yield self.rename_organisation(cycle)
        axis, action = yield from self.axis_lifecycle(cycle)
        yield self.delete_axis(axis, action)
        yield from self.page_move(cycle)
        yield from self.collection_privacy()
        yield self.rename_site_organisation(cycle)

    # An action: a new title, unpublished, published again -------------------------------

    def retitle_action(self, cycle):
        old, new = self.action.title, unique_name("Action renommée", cycle)
        pages = {(site_of(self.action), path_of(self.action)), *self.pages_showing(old)}

        def make():
            self.action = fresh(self.action)
            self.action.title = new
            self.action.save_revision(user=self.user).publish(user=self.user)

        return Change(
            "publish a new title for an action",
            make,
            [Expected(site, path, shows=(new,), hides=(old,)) for site, path in pages],
        )

    def unpublish_action(self):
        site, path = site_of(self.action), path_of(self.action)
        self.action_listings = set(self.pages_showing(self.action.title)) - {(site, path)}
        return Change(
            "unpublish the action",
            lambda: fresh(self.action).unpublish(user=self.user),
            [
                Expected(site, path, status=404),
                *(Expected(s, p, hides=(self.action.title,)) for s, p in self.action_listings),
            ],
        )

    def republish_action(self):
        def make():
            fresh(self.action).get_latest_revision().publish(user=self.user)

        pages = {(site_of(self.action), path_of(self.action)), *self.action_listings}
        return Change(
            "publish the action again",
            make,
            [Expected(site, path, shows=(self.action.title,)) for site, path in pages],
        )

    # A snippet shown on the contract page ------------------------------------------------

    def rename_organisation(self, cycle):
        old, new = self.organisation.name, unique_name("Partenaire renommé", cycle)

        def make():
            self.organisation.name = new
            self.organisation.save()

        return Change(
            "rename an organisation (snippet)",
            make,
            [
                Expected(site, path, shows=(new,), hides=(old,))
                for site, path in self.pages_showing(old)
            ],
        )

    # An axis with an action: published, made private, public again, deleted -----------

    def axis_lifecycle(self, cycle):
        site = site_of(self.contract)
        axis = AxisPage(title=unique_name("Axe provisoire", cycle), slug=f"axe-provisoire-{cycle}")
        action = ActionPage(title=unique_name("Action provisoire", cycle), slug="action-provisoire")
        axis_path = f"{path_of(self.contract)}{axis.slug}/"
        action_path = f"{axis_path}{action.slug}/"
        titles = (axis.title, action.title)
        listings = [path_of(self.contract), self.sitemap_path(site)]

        def publish():
            fresh(self.contract).add_child(instance=axis)
            axis.save_revision(user=self.user).publish(user=self.user)
            axis.add_child(instance=action)
            action.save_revision(user=self.user).publish(user=self.user)

        yield Change(
            "publish a new axis with an action",
            publish,
            [
                Expected(site, axis_path, shows=titles),
                Expected(site, action_path, shows=(action.title,)),
                Expected(site, listings[0], shows=(axis.title,)),
                Expected(site, listings[1], shows=titles),
            ],
        )
        shown = set(self.pages_showing(axis.title)) | set(self.pages_showing(action.title))
        listings = shown - {(site, axis_path), (site, action_path)}
        yield Change(
            "make the axis private (login)",
            lambda: PageViewRestriction.objects.create(
                page=axis, restriction_type=PageViewRestriction.LOGIN
            ),
            [
                Expected(site, axis_path, status=302),
                Expected(site, action_path, status=302),
                *(Expected(s, p, hides=titles) for s, p in listings),
            ],
        )
        yield Change(
            "make the axis public again",
            lambda: PageViewRestriction.objects.get(page=axis).delete(),
            [
                Expected(site, axis_path, shows=titles),
                Expected(site, action_path, shows=(action.title,)),
                *(Expected(s, p, shows=(axis.title,)) for s, p in listings),
            ],
        )
        self.axis_listings = listings
        return axis, action

    def delete_axis(self, axis, action):
        site = site_of(self.contract)
        titles = (axis.title, action.title)
        return Change(
            "delete the axis with its action",
            lambda: DeletePageAction(fresh(axis), user=self.user).execute(),
            [
                Expected(site, path_of(axis), status=404),
                Expected(site, path_of(action), status=404),
                *(Expected(s, p, hides=titles) for s, p in self.axis_listings),
            ],
        )

    def sitemap_path(self, site):
        return path_of(SitemapPage.objects.live().descendant_of(site.root_page).get())

    # A page in the menu, moved to the other site and back ------------------------------

    def page_move(self, cycle):
        page = ContentPage(
            title=unique_name("Permanence itinérante", cycle),
            slug=f"permanence-itinerante-{cycle}",
            show_in_menus=True,
        )
        path = f"/{page.slug}/"
        first, second = self.main_site, self.other_site

        def publish():
            fresh(first.root_page).add_child(instance=page)
            page.save_revision(user=self.user).publish(user=self.user)

        yield Change(
            "publish a new page in the menu",
            publish,
            [
                Expected(first, path, shows=(page.title,)),
                Expected(first, "/", shows=(page.title,)),
                Expected(first, self.sitemap_path(first), shows=(page.title,)),
                Expected(second, path, status=404),
            ],
        )
        for leaving, joining in [(first, second), (second, first)]:
            yield self.move(page, path, leaving, joining)

    def move(self, page, path, leaving, joining):
        listings = set(self.pages_showing(page.title)) - {(leaving, path)}

        def make():
            fresh(page).move(fresh(joining.root_page), pos="last-child", user=self.user)

        return Change(
            f"move the page from {leaving.hostname} to {joining.hostname}",
            make,
            [
                Expected(leaving, path, status=404),
                *(Expected(s, p, hides=(page.title,)) for s, p in listings),
                Expected(joining, path, shows=(page.title,)),
                Expected(joining, "/", shows=(page.title,)),
                Expected(joining, self.sitemap_path(joining), shows=(page.title,)),
            ],
        )

    # Documents made private by their collection, then public again ---------------------

    def collection_privacy(self):
        collection = self.collection
        documents = SiteDocument.objects.filter(collection=collection).order_by("pk")
        titles = [document.title for document in documents]
        shown_on = {}  # (site, path) -> the titles that page shows
        for title in titles:
            for page in self.pages_showing(title):
                shown_on.setdefault(page, []).append(title)
        files = [document.url for document in documents]
        yield Change(
            "make a documents' collection private (login)",
            lambda: CollectionViewRestriction.objects.create(
                collection=collection, restriction_type=CollectionViewRestriction.LOGIN
            ),
            [
                *(Expected(s, p, hides=tuple(shown)) for (s, p), shown in shown_on.items()),
                *(Expected(self.main_site, url, status=302) for url in files),
            ],
        )
        yield Change(
            "make the collection public again",
            lambda: CollectionViewRestriction.objects.get(collection=collection).delete(),
            [
                *(Expected(s, p, shows=tuple(shown)) for (s, p), shown in shown_on.items()),
                *(Expected(self.main_site, url) for url in files),
            ],
        )

    # The organisation named in every page's header and footer --------------------------

    def rename_site_organisation(self, cycle):
        site = self.main_site
        old, new = self.site_settings().organisation_name, unique_name("Structure", cycle)

        def make():
            settings = self.site_settings()
            settings.organisation_name = new
            settings.save()

        return Change(
            "rename the site's organisation (site settings: header, footer)",
            make,
            [
                Expected(site, path, shows=(new,), hides=(old,))
                for s, path in self.pages_showing(old)
                if s == site
            ],
        )

    def site_settings(self):
        return SiteSettings.objects.get(site=self.main_site)
