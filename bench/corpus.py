"""A large synthetic corpus of CLS sites, for the search and page-speed benchmarks.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_db .venv/bin/python -m bench.corpus \\
        --sites 60 [--axes 8 --actions-per-axis 40 --documents-per-site 170] [--no-index]

Defaults: 60 sites `bench-001.localhost`… of 339 pages each (home, legal pages, contact
page, contract, 8 axes of 40 action sheets, document list, 3 content pages), i.e.
~20,000 pages, and 170 documents each (~10,000), with French text. Then
`update_index` indexes everything, timed. Sites that already exist are kept: re-running
builds only the missing ones (each site is built in one transaction).

Home, legal and contact pages go through Wagtail's API (`add_child`, revisions) like the
demo; the thousands of axis, action and content pages are inserted in bulk with the
tree paths, depths and URL paths `add_child` would give them: live, routable pages
without revisions. Bulk inserts send no signals, hence the explicit reindex.
"""

import bench.django_setup  # noqa: F401 - before any model import

# isort: split
import argparse
import datetime
import hashlib
import itertools
import sys
import time

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from bench import corpus_text as text
from cls.documents.extraction import ExtractionStatus
from cls.models import (
    ActionDocument,
    ActionPage,
    ActionPartner,
    ActionStatus,
    AxisPage,
    Commune,
    ContractPage,
    ContractPartner,
    DocumentCollectionPage,
    Organisation,
    SiteDocument,
    TargetPublic,
)
from contacts.default_page import create_contact_page
from contacts.models import ContactCard
from home.demo.builder import (
    get_or_create_collection,
    get_or_create_document,
    get_or_create_organisation,
)
from home.demo.common import rich
from home.legal_pages import create_legal_pages
from home.models import ContentPage, HomePage
from home.page_building import get_or_create_site

BATCH_SIZE = 500  # rows per INSERT: well under SQLite's and PostgreSQL's parameter limits
CONTENT_PAGES = ["Présentation du contrat", "Le territoire", "Les instances du contrat"]
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"


def bench_hostname(number):
    return f"bench-{number:03d}.localhost"


def build_corpus(sites=60, axes=8, actions_per_axis=40, documents_per_site=170, log=None):
    """Build the missing bench sites; return the hostnames of all `sites` of them."""
    hostnames = []
    for number in range(1, sites + 1):
        hostname = bench_hostname(number)
        if not Site.objects.filter(hostname=hostname).exists():
            with transaction.atomic():
                SiteBuilder(number, hostname).build(axes, actions_per_axis, documents_per_site)
            if log:
                log(f"{hostname} built")
        hostnames.append(hostname)
    return hostnames


def add_pages(parent, pages):
    """Insert live child pages of `parent` in bulk, placed in the tree as add_child would.

    Wagtail's add_child costs several queries per page; here each model takes one
    INSERT per batch. `pages` are unsaved instances of specific page models.
    """
    last_child = parent.get_last_child()
    first_step = Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1
    now = timezone.now()
    for step, page in enumerate(pages, start=first_step):
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = now
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create(
        [
            Page(**{field.attname: getattr(page, field.attname) for field in base_fields})
            for page in pages
        ],
        batch_size=BATCH_SIZE,
    )
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.id
    for model, same_model in itertools.groupby(
        sorted(pages, key=lambda page: page._meta.label), type
    ):
        insert_specific_rows(model, list(same_model))
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


def insert_specific_rows(model, pages):
    """The rows of the page model's own table (Django's bulk_create refuses multi-table models)."""
    fields = model._meta.local_concrete_fields
    for start in range(0, len(pages), BATCH_SIZE):
        model._base_manager._insert(pages[start : start + BATCH_SIZE], fields=fields)


class SiteBuilder:
    """One synthetic site: the same number always gives the same text."""

    def __init__(self, number, hostname):
        self.number = number
        self.hostname = hostname
        self.rng = text.site_random(number)
        self.territory = f"Pays de {text.commune_names(self.rng, 1)[0]} ({number:03d})"

    def build(self, axes, actions_per_axis, documents_per_site):
        self.themes = [
            text.AXIS_THEMES[(self.number + i) % len(text.AXIS_THEMES)] for i in range(axes)
        ]
        self.site = get_or_create_site(
            self.hostname,
            HomePage,
            f"CLS du {self.territory}",
            intro=rich(
                f"Le contrat local de santé du {self.territory} : actions, documents, contact."
            ),
        )
        home = self.site.root_page.specific
        self.collection = get_or_create_collection(f"Banc d'essai {self.hostname}")
        self.organisations = self.build_organisations()
        officer = ContactCard.objects.create(
            name=text.person_name(self.rng),
            role="Chargé(e) de mission santé",
            organisation=self.organisations[0],
            email=f"mission-sante@{self.hostname.split('.')[0]}.example.org",
            phone="04 65 71 00 00",
        )
        create_legal_pages(home)
        create_contact_page(home, officer)
        documents = self.build_documents(documents_per_site)
        contract = self.build_contract(home, officer, documents[0])
        axis_pages = add_pages(contract, [*self.axis_pages(), self.document_list()])[:-1]
        for axis, theme in zip(axis_pages, self.themes, strict=True):
            self.build_actions(axis, theme, actions_per_axis, documents)
        HomePage.objects.filter(pk=home.pk).update(featured_contract=contract)

    def build_organisations(self):
        kinds = Organisation.Kind
        return [
            get_or_create_organisation(
                f"Communauté de communes du {self.territory}", kind=kinds.LOCAL_AUTHORITY
            ),
            get_or_create_organisation(
                f"Centre hospitalier du {self.territory}", kind=kinds.HEALTH
            ),
            get_or_create_organisation(
                f"Association Santé et territoire du {self.territory}", kind=kinds.ASSOCIATION
            ),
            get_or_create_organisation(
                "Agence Régionale de Santé (banc d'essai)", acronym="ARS", kind=kinds.STATE
            ),
        ]

    def build_documents(self, count):
        """A real PDF diagnostic, then plain-text minutes and evaluations (fast to write)."""
        theme = self.themes[0]
        diagnostic = get_or_create_document(
            self.collection,
            f"Diagnostic local de santé du {self.territory}",
            [text.paragraph(self.rng, theme) for _ in range(3)],
            "diagnostic.pdf",
            document_type="diagnostic",
            date=datetime.date(2019, 6, 1),
        )
        documents = []
        storage = SiteDocument._meta.get_field("file").storage
        folder = f"documents/{slugify(self.hostname)}"
        for index in range(count - 1):
            theme = self.rng.choice(self.themes)
            document_type, body, label = self.rng.choice(text.DOCUMENT_KINDS)
            date = datetime.date(2014, 1, 1) + datetime.timedelta(days=self.rng.randrange(4700))
            month = MONTHS.split()[date.month - 1]
            title = f"{label} « {theme['title']} » du {date.day} {month} {date.year}"
            body_text = text.document_text(self.rng, theme)
            content = f"{title}\n\n{body_text}".encode()
            name = storage.save(f"{folder}/{index:04d}.txt", ContentFile(content))
            documents.append(
                SiteDocument(
                    title=title,
                    file=name,
                    file_size=len(content),
                    file_hash=hashlib.sha1(content, usedforsecurity=False).hexdigest(),
                    collection=self.collection,
                    date=date,
                    document_type=document_type,
                    body=body,
                    body_name=theme["title"] if body == "groupe" else "",
                    extracted_text=body_text,
                    extraction_status=ExtractionStatus.DONE,
                )
            )
        return [diagnostic, *SiteDocument.objects.bulk_create(documents, batch_size=BATCH_SIZE)]

    def build_contract(self, home, officer, diagnostic):
        # One by one: Commune.save() derives fields from the name.
        communes = [
            Commune.objects.create(
                insee_code=f"Z{Page._int2str(self.number):0>2}{index:02d}",  # not a real code
                name=name,
                population=300 + 97 * index,
            )
            for index, name in enumerate(text.commune_names(self.rng, 12))
        ]
        self.communes = communes
        contract = ContractPage(
            title=f"Contrat local de santé du {self.territory}",
            slug="cls",
            generation_label="CLS 2",
            status="en-cours",
            summary=text.paragraph(self.rng, self.themes[0], 2),
            definition=rich(text.paragraph(self.rng, self.themes[1], 3)),
            objectives=[("objective", theme["topics"][0]) for theme in self.themes],
            territory_description=f"Les {len(communes)} communes du {self.territory}.",
            diagnostic_document=diagnostic,
            contact=officer,
            show_in_menus=True,
        )
        content_pages = [
            ContentPage(
                title=title,
                slug=slugify(title),
                intro=text.paragraph(self.rng, theme, 2),
                body=[("paragraph", RichText(rich(text.paragraph(self.rng, theme, 5))))],
                show_in_menus=True,
            )
            for title, theme in zip(CONTENT_PAGES, itertools.cycle(self.themes))
        ]
        add_pages(home, [contract, *content_pages])
        ContractPartner.objects.bulk_create(
            ContractPartner(
                page=contract,
                organisation=organisation,
                is_signatory=True,
                sort_order=index,
                locale_id=contract.locale_id,  # bulk_create skips TranslatableMixin's default
            )
            for index, organisation in enumerate(self.organisations)
        )
        ContractPage.communes.through.objects.bulk_create(
            ContractPage.communes.through(contractpage=contract, commune=commune)
            for commune in communes
        )
        return contract

    def axis_pages(self):
        return [
            AxisPage(
                title=theme["title"],
                slug=f"axe-{number}",
                number=number,
                description=rich(text.paragraph(self.rng, theme, 3)),
                priorities=[
                    ("priority", {"title": theme["topics"][0], "objectives": theme["topics"][1:3]})
                ],
            )
            for number, theme in enumerate(self.themes, start=1)
        ]

    def document_list(self):
        return DocumentCollectionPage(
            title="Documents du contrat",
            slug="documents",
            intro=rich("Comptes-rendus, diagnostic et évaluations du contrat local de santé."),
            collection=self.collection,
        )

    def build_actions(self, axis, theme, count, documents):
        rng = self.rng
        statuses = ActionStatus.values
        actions = []
        for index in range(1, count + 1):
            topic = theme["topics"][(index - 1) % len(theme["topics"])]
            commune = rng.choice(self.communes).name
            title = f"{topic} à {commune}" if index > len(theme["topics"]) else topic
            actions.append(
                ActionPage(
                    title=title,
                    slug=f"{axis.number}-{index}-{slugify(title)}"[:100],
                    code=f"{axis.number}.{index}",
                    status=rng.choice(statuses),
                    summary=f"{topic} pour {rng.choice(text.PUBLICS)} à {commune}.",
                    context=rich(text.paragraph(rng, theme, 2)),
                    objectives="<ul>"
                    + "".join(
                        f"<li>{sentence}</li>" for sentence in rng.sample(theme["sentences"], 2)
                    )
                    + "</ul>",
                    description=[
                        ("heading", {"text": "Déroulement", "level": "h2"}),
                        ("paragraph", RichText(rich(text.paragraph(rng, theme, 5)))),
                    ],
                    pilot=rng.choice(self.organisations),
                    start_date=datetime.date(2020 + rng.randrange(6), rng.randrange(1, 13), 1),
                    recurrence="annuelle",
                )
            )
        add_pages(axis, actions)
        publics = list(TargetPublic.objects.all())
        ActionPartner.objects.bulk_create(
            ActionPartner(
                page=action,
                organisation=organisation,
                role="partenaire",
                sort_order=order,
                locale_id=action.locale_id,
            )
            for action in actions
            for order, organisation in enumerate(rng.sample(self.organisations, 2))
        )
        if publics:
            ActionPage.target_publics.through.objects.bulk_create(
                ActionPage.target_publics.through(
                    actionpage=action, targetpublic=rng.choice(publics)
                )
                for action in actions
            )
        ActionDocument.objects.bulk_create(
            ActionDocument(page=action, document=rng.choice(documents), sort_order=0)
            for action in actions[::4]
        )


def reindex(log):
    """Wagtail's full reindex, timed, then fresh planner statistics.

    Right after a bulk load PostgreSQL's statistics still describe the empty tables, and
    a search then scans every document's index entry (200 ms instead of 2 ms); autovacuum
    would fix it within minutes, ANALYZE does it now.
    """
    started = time.perf_counter()
    call_command("update_index", stdout=sys.stdout)
    log(f"update_index: {time.perf_counter() - started:.1f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        log("ANALYZE done")


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sites", type=int, default=60)
    parser.add_argument("--axes", type=int, default=8)
    parser.add_argument("--actions-per-axis", type=int, default=40)
    parser.add_argument("--documents-per-site", type=int, default=170)
    parser.add_argument("--no-index", action="store_true", help="skip update_index")
    options = parser.parse_args()
    started = time.perf_counter()

    def log(message):
        print(f"[{time.perf_counter() - started:6.1f} s] {message}", flush=True)

    build_corpus(
        options.sites, options.axes, options.actions_per_axis, options.documents_per_site, log
    )
    pages = Page.objects.filter(url_path__startswith="/bench-").count()
    documents = SiteDocument.objects.filter(collection__name__startswith="Banc d'essai").count()
    log(f"corpus: {pages} bench pages, {documents} documents")
    if not options.no_index:
        reindex(log)


if __name__ == "__main__":
    main()
