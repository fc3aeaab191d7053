"""Every admin URL, filled with another site's objects, and what its response shows.

Used by tests/test_admin_confinement.py: the routes come from the admin URLconf itself,
so an admin view added by a future Wagtail release or app is walked too (or makes the
test fail until it is given its arguments here).
"""

import html
import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import (
    CollectionViewRestriction,
    Locale,
    Page,
    Task,
    UploadedFile,
    Workflow,
)
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)

from cls.models import ActionPage, Commune, ContractPage, Organisation, SiteDocument
from contacts.models import ContactCard, ContactPage
from home.demo.pdf import make_pdf
from home.models import NewsTag, SiteSettings
from home.site_groups import collection_for_site

from .factories import make_image

ADMIN_PREFIX = "/" + settings.WAGTAIL_ADMIN_PATH

# Named admin routes not walked, and why: they show no site's data.
NOT_WALKED = {
    "wagtailadmin_logout": "ends the session the walk runs in",
    "wagtailadmin_login": "anonymous form",
    "wagtailadmin_password_reset": "anonymous form",
    "wagtailadmin_password_reset_done": "anonymous page",
    "wagtailadmin_password_reset_confirm": "anonymous form, with a token",
    "wagtailadmin_password_reset_complete": "anonymous page",
    "wagtailadmin_error_test": "raises an error on purpose (Wagtail's 500 page test)",
}

# Route arguments that are not object ids, by route name (or name prefix).
MODEL_ARGUMENTS = {
    "wagtailadmin_pages:": {
        "content_type_app_name": "cls",
        "content_type_model_name": "actionpage",
        "app_label": "cls",
        "model_name": "actionpage",
    },
    "wagtailadmin_tag_model_autocomplete": {"app_name": "cls", "model_name": "sitedocument"},
    "wagtailsettings:": {"app_name": "home", "model_name": "sitesettings"},
    "wagtailadmin_editing_sessions:": {"app_label": "wagtailcore", "model_name": "page"},
    "wagtail_localize:": {"app_label": "contacts", "model_name": "contactcard", "mode": "x"},
    "wagtailadmin_workflows:": {"app_label": "wagtailcore", "model_name": "groupapprovaltask"},
    "wagtailimages:preview": {"filter_spec": "original"},
    "wagtailadmin_api:pages:action": {"action_name": "copy"},
    "wagtailadmin_pages:workflow": {"action_name": "approve"},
    "wagtailadmin_pages:collect_workflow_action_data": {"action_name": "approve"},
}


@dataclass
class Route:
    name: str
    arguments: list


def admin_routes():
    """Every named route under the admin path, with the names of its arguments."""

    def walk(resolver, namespaces, prefix):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                inner = [*namespaces, entry.namespace] if entry.namespace else namespaces
                yield from walk(entry, inner, prefix + str(entry.pattern))
            elif entry.name and (prefix + str(entry.pattern)).startswith(ADMIN_PREFIX[1:]):
                yield Route(
                    ":".join([*namespaces, entry.name]), list(entry.pattern.regex.groupindex)
                )

    # A name can stand for several routes (with and without an argument): each is walked.
    routes = {(route.name, *route.arguments): route for route in walk(get_resolver(), [], "")}
    return [route for key, route in sorted(routes.items()) if route.name not in NOT_WALKED]


class OtherSite:
    """A site's objects of every kind the admin shows, and the text that would betray them.

    Demo content plus what the demo lacks: a private collection and document, an image,
    a page locked and in moderation, a contact message, a redirect, an upload in progress.
    """

    def __init__(self, site, editor, own_site):
        self.site = site
        self.editor = editor
        editor.first_name, editor.last_name = "Bérénice", "Audoise"
        editor.save()
        self.collection = self.private_collection(collection_for_site(site))
        self.document = self.private_document()
        self.image = make_image("Photo réservée à l'Aude", width=40, height=30)
        self.image.collection = collection_for_site(site)
        self.image.save()
        self.contract = ContractPage.objects.descendant_of(site.root_page).first()
        self.page = self.page_in_moderation()
        self.revision = self.page.latest_revision
        self.workflow_state = self.page.current_workflow_state
        self.task_state = self.workflow_state.current_task_state
        self.task = Task.objects.get(pk=self.task_state.task_id)
        self.workflow = Workflow.objects.get(pk=self.workflow_state.workflow_id)
        self.group = Group.objects.get(name=f"Éditeurs {site.site_name}")
        self.message = self.contact_message()
        self.redirect = Redirect.objects.create(
            site=site, old_path="/ancienne-page-confidentielle-aude", redirect_page=self.page
        )
        self.upload = UploadedFile.objects.create(
            file=ContentFile(b"%PDF-1.4", name="televersement-aude.pdf"),
            for_content_type=ContentType.objects.get_for_model(SiteDocument),
            uploaded_by_user=editor,
        )
        self.editing_session = EditingSession.objects.create(
            user=editor,
            content_type=ContentType.objects.get_for_model(Page),
            object_id=str(self.page.pk),
            last_seen_at=timezone.now(),
        )
        self.settings = SiteSettings.for_site(site)
        self.settings.host = "Hébergement confidentiel de l'Aude"
        self.settings.save()
        self.contact_card = ContactCard.objects.get(pk=self.contact_page().recipient_id)
        self.translation = self.english_translation(self.contract)
        self.secrets = self.betraying_texts(own_site)

    @staticmethod
    def english_translation(page):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=Locale.objects.get(language_code="en")
        )
        return translation

    def private_collection(self, parent):
        collection = parent.add_child(name="Documents internes de l'Aude")
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
        return collection

    def private_document(self):
        document = SiteDocument(
            title="Compte rendu confidentiel du COPIL Aude", collection=self.collection
        )
        pdf = make_pdf("Compte rendu confidentiel", ["Réservé au COPIL."])
        document.file.save("compte-rendu-confidentiel-aude.pdf", ContentFile(pdf), save=False)
        document._set_document_file_metadata()
        document.save()
        return document

    def page_in_moderation(self):
        page = ActionPage.objects.descendant_of(self.site.root_page).first()
        page.title = "Action en cours de relecture Aude"
        revision = page.save_revision(user=self.editor)
        log(instance=page, action="wagtail.edit", user=self.editor, revision=revision)
        page.get_workflow().start(page, self.editor)
        page.locked, page.locked_by, page.locked_at = True, self.editor, timezone.now()
        page.save(update_fields=["locked", "locked_by", "locked_at"])
        page.latest_revision = revision
        return page

    def contact_page(self):
        return ContactPage.objects.descendant_of(self.site.root_page).get()

    def contact_message(self):
        page = self.contact_page()
        text = "Message confidentiel pour la mission santé de l'Aude"
        fields = {field.clean_name: text for field in page.get_form_fields()}
        return page.get_submission_class().objects.create(page=page, form_data=fields)

    def pages(self):
        """The site's pages in every language (translations are not under its root)."""
        roots = [self.site.root_page, *self.site.root_page.get_translations()]
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages

    def betraying_texts(self, own_site):
        """Titles, file names and data of this site, that the other site does not share."""
        texts = {
            *self.pages().values_list("title", flat=True),
            self.page.title,  # its draft's
            *[document.title for document in self.documents()],
            *[document.filename for document in self.documents()],
            self.image.title,
            self.image.filename,
            self.collection.name,
            "Bérénice Audoise",
            self.redirect.old_path,
            "Message confidentiel pour la mission santé de l'Aude",
            self.settings.host,
            self.contact_card.name,  # shown on this site's pages only
            self.upload.file.name.rsplit("/", 1)[-1],
        }
        shared = " ".join(self.own_texts(own_site))
        # Short or shared texts (« Agenda », « Mentions légales ») would prove nothing.
        return sorted(text for text in texts if len(text) >= 12 and text not in shared)

    def documents(self):
        path = collection_for_site(self.site).path
        return SiteDocument.objects.filter(collection__path__startswith=path)

    @staticmethod
    def own_texts(own_site):
        own_roots = [own_site.root_page, *own_site.root_page.get_translations()]
        own_collection = collection_for_site(own_site)
        titles = []
        for root in own_roots:
            titles += Page.objects.descendant_of(root, inclusive=True).values_list(
                "title", flat=True
            )
        documents = SiteDocument.objects.filter(collection__path__startswith=own_collection.path)
        return [*titles, *documents.values_list("title", flat=True), own_site.site_name]

    def arguments(self, route):
        """The route's arguments, naming this site's objects."""
        ids = {
            "page_id": self.page.pk,
            "page_to_move_id": self.page.pk,
            "parent_page_id": self.contract.pk,
            "destination_id": self.site.root_page_id,
            "page_pk": self.site.root_page_id,
            "object_id": self.page.pk,
            "revision_id": self.revision.pk,
            "revision_id_a": self.revision.pk,
            "revision_id_b": "latest",
            "task_state_id": self.task_state.pk,
            "workflow_state_id": self.workflow_state.pk,
            "task_id": self.task.pk,
            "workflow_pk": self.workflow.pk,
            "document_id": self.document.pk,
            "doc_id": self.document.pk,
            "image_id": self.image.pk,
            "collection_id": self.collection.pk,
            "redirect_id": self.redirect.pk,
            "uploaded_file_id": self.upload.pk,
            "session_id": self.editing_session.pk,
            "translation_id": self.translation.pk,
            "translation_source_id": self.translation.source_id,
            "string_segment_id": StringSegment.objects.filter(source=self.translation.source)
            .values_list("pk", flat=True)
            .first(),
            "overridable_segment_id": OverridableSegment.objects.filter(
                source=self.translation.source
            )
            .values_list("pk", flat=True)
            .first()
            or 0,
            "pk": self.object_of(route.name).pk,
        }
        if route.name.startswith("wagtailforms:"):
            ids["page_id"] = self.contact_page().pk
        for prefix, values in MODEL_ARGUMENTS.items():
            if route.name.startswith(prefix):
                ids.update(values)
        return {name: ids[name] for name in route.arguments}

    def object_of(self, route_name):
        """The object a route's `pk` names, from the route's namespace."""
        by_namespace = {
            "wagtailadmin_api:pages": self.page,
            "wagtailadmin_api:documents": self.document,
            "wagtailadmin_api:images": self.image,
            "wagtailadmin_pages": self.page,
            "wagtailadmin_collections": self.collection,
            "wagtailadmin_workflows:edit_task": self.task,
            "wagtailadmin_workflows:enable_task": self.task,
            "wagtailadmin_workflows:disable_task": self.task,
            "wagtailadmin_workflows": self.workflow,
            "wagtailsettings": self.site,
            "wagtailsnippets_cls_organisation": Organisation.objects.first(),
            "wagtailsnippetchoosers_cls_organisation": Organisation.objects.first(),
            "wagtailsnippets_cls_commune": Commune.objects.first(),
            "wagtailsnippetchoosers_cls_commune": Commune.objects.first(),
            "wagtailsnippets_home_newstag": NewsTag.objects.first(),
            "wagtailsnippetchoosers_home_newstag": NewsTag.objects.first(),
            "wagtailsnippets_contacts_contactcard": self.contact_card,
            "wagtailsnippetchoosers_contacts_contactcard": self.contact_card,
            "wagtail_localize": self.contact_card,
            "wagtaillocales": Locale.get_default(),
            "wagtailsites": self.site,
            "wagtailusers_users": self.editor,
            "wagtailusers_groups": self.group,
            "wagtaildocs_chooser": self.document,
            "wagtailimages_chooser": self.image,
        }
        for prefix, instance in by_namespace.items():
            if route_name.startswith(prefix):
                return instance
        return self.page

    def urls(self, route):
        """The route's URLs: a listing's also with a search that matches this site's data."""
        if route.name == "wagtail_bulk_action":
            return list(self.bulk_action_urls())
        url = reverse(route.name, kwargs=self.arguments(route))
        if route.arguments:
            return [url]
        queries = {
            "wagtailadmin_api:pages:listing": [
                f"child_of={self.contract.pk}",
                f"descendant_of={self.site.root_page_id}",
                "search=Aude",
            ],
            "wagtailadmin_api:documents:listing": ["search=Aude"],
            "wagtailadmin_api:images:listing": ["search=Aude"],
        }.get(route.name, ["q=Aude"])
        return [url, *(f"{url}?{query}" for query in queries)]

    def bulk_action_urls(self):
        """Each registered bulk action's confirmation page, for this site's objects."""
        objects = {
            ("wagtailcore", "page"): [self.page, self.contract],
            ("cls", "sitedocument"): [self.document],
            ("wagtailimages", "image"): [self.image],
            ("auth", "user"): [self.editor],
            ("contacts", "contactcard"): [self.contact_card],
            ("cls", "organisation"): [Organisation.objects.first()],
            ("cls", "commune"): [Commune.objects.first()],
            ("home", "newstag"): [NewsTag.objects.first()],
        }
        bulk_action_registry._scan_for_bulk_actions()
        for app_label, models in bulk_action_registry.actions.items():
            for model_name, actions in models.items():
                ids = "&".join(f"id={obj.pk}" for obj in objects[(app_label, model_name)])
                for action in actions:
                    base = reverse(
                        "wagtail_bulk_action",
                        kwargs={"app_label": app_label, "model_name": model_name, "action": action},
                    )
                    yield f"{base}?{ids}"
                    yield f"{base}?id=all&childOf={self.site.root_page_id}"


def readable_text(response):
    """What a person could read in the response: HTML entities and JSON escapes decoded."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode(errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(html.unescape(text))
