"""The demo sites' agendas and news: examples, marked « Exemple ».

Aude: the seed names three yearly actions (Parlons santé, Dépistages diabète, Semaine
bleue); the events are their next editions. Ruffécois: the contract ran until 2017, so its
agenda holds only past events of its example action sheets. Dates, places, topics and the
news are invented (the events are marked through their action sheets, the news each carry
NEWS_NOTE); no real person is named.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from cls.models import ActionEvent, ActionPage, AxisPage, Commune
from cls.site_pages import create_agenda
from home.models import NewsIndexPage, NewsPage, NewsRelatedPage
from home.page_building import get_or_create_child

from .common import rich

PARIS = ZoneInfo("Europe/Paris")
NEWS_NOTE = (
    "Actualité d'exemple : les actions et les groupes de travail cités figurent sur la page "
    "publique du contrat ; la date, les lieux et le texte sont inventés."
)


def at(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


def add_events(action, events):
    """Add the events the action lacks (same title and start), in one published revision."""
    existing = set(action.events.values_list("title", "start"))
    missing = [event for event in events if (event.title, event.start) not in existing]
    if missing:
        for event in missing:
            action.events.add(event)
        action.save_revision().publish()


def build_news(home, index_title, intro, items):
    """The news index and its news; items are (title, date, lead, paragraphs, tags, pages)."""
    index_page = get_or_create_child(
        home, NewsIndexPage, index_title, slug="actualites", intro=rich(intro), show_in_menus=True
    )
    for title, date, lead, paragraphs, tags, related in items:
        if index_page.get_children().filter(title=title).exists():
            continue
        news = NewsPage(
            title=title,
            slug=slugify(title),
            date=date,
            lead=lead,
            body=[("paragraph", rich(text)) for text in paragraphs],
            example_note=NEWS_NOTE,
        )
        news.tags.add(*tags)
        news.related_pages = [NewsRelatedPage(page=page) for page in related]
        index_page.add_child(instance=news)
        news.save_revision().publish()
    return index_page


def build_aude(home):
    actions = {page.code: page for page in ActionPage.objects.descendant_of(home)}
    communes = {c.name: c for c in Commune.objects.filter(insee_code__in=["11206", "11129"])}
    add_events(
        actions["2.1"],
        [
            ActionEvent(
                title="Parlons santé : bien dormir à tout âge",
                start=at(2027, 2, 11, 18, 30),
                end=at(2027, 2, 11, 20),
                place="Salle polyvalente",
                commune=communes["Limoux"],
                audience="Tout public, entrée libre",
                description=(
                    "Une rencontre-débat avec des professionnels de santé du territoire, "
                    "suivie d'un temps d'échange avec la salle."
                ),
            )
        ],
    )
    add_events(
        actions["2.2"],
        [
            ActionEvent(
                title="Journée de dépistage du diabète",
                start=at(2027, 4, 8, 9),
                end=at(2027, 4, 8, 17),
                place="Maison de santé",
                commune=communes["Espéraza"],
                audience="Adultes, sans rendez-vous",
                description="Un test gratuit de glycémie capillaire et des conseils personnalisés.",
                registration_url="https://example.org/depistage-diabete",
            )
        ],
    )
    add_events(
        actions["3.1"],
        [
            ActionEvent(
                title="Semaine bleue 2027",
                start=at(2027, 10, 4, 10),
                end=at(2027, 10, 10, 18),
                place="Communes du territoire",
                audience="Personnes de 60 ans et plus et leurs proches",
                description="Ateliers, marches et après-midi conviviaux dans les communes.",
            )
        ],
    )
    create_agenda(
        home,
        "Les rendez-vous santé des actions du contrat : dépistages, rencontres-débats, "
        "Semaine bleue.",
    )
    prevention = AxisPage.objects.descendant_of(home).get(number=2)
    seniors = AxisPage.objects.descendant_of(home).get(number=3)
    build_news(
        home,
        "Actualités",
        "Les nouvelles du contrat local de santé de la haute vallée de l'Aude.",
        [
            (
                "Semaine bleue : une semaine pour les séniors du territoire",
                datetime.date(2026, 9, 15),
                "Du 5 au 11 octobre, la Semaine bleue propose des rendez-vous dans les "
                "communes pour les personnes âgées et leurs proches.",
                [
                    "La Semaine bleue est la semaine nationale des retraités et personnes "
                    "âgées. Le contrat local de santé la relaie chaque année sur le territoire."
                ],
                ["séniors"],
                [actions["3.1"], seniors],
            ),
            (
                "Dépistage gratuit du diabète à Quillan",
                datetime.date(2026, 10, 20),
                "Le 14 novembre, une journée de dépistage gratuit du diabète a lieu à la "
                "salle des fêtes de Quillan.",
                [
                    "Les dépistages diabète font partie des actions que le contrat local de "
                    "santé met en place chaque année."
                ],
                ["dépistage", "diabète"],
                [actions["2.2"], prevention],
            ),
            (
                "Parlons santé revient en 2027",
                datetime.date(2026, 11, 16),
                "Les rencontres-débats Parlons santé reprennent en février à Limoux, "
                "autour du sommeil.",
                ["Chaque rencontre est ouverte à tous et gratuite."],
                ["prévention"],
                [actions["2.1"]],
            ),
        ],
    )


def build_ruffecois(home):
    actions = {page.code: page for page in ActionPage.objects.descendant_of(home)}
    ruffec = Commune.objects.get(insee_code="16292")
    add_events(
        actions["3.1"],
        [
            ActionEvent(
                title="Atelier cuisine en famille",
                start=at(2016, 3, 16, 14),
                end=at(2016, 3, 16, 17),
                place="Centre social",
                commune=ruffec,
                audience="Familles avec enfants",
                description="Préparer un goûter équilibré et petit budget, puis le partager.",
            )
        ],
    )
    add_events(
        actions["2.1"],
        [
            ActionEvent(
                title="Semaine bleue 2016",
                start=at(2016, 10, 3, 10),
                end=at(2016, 10, 9, 18),
                place="Communes du Pays du Ruffécois",
                audience="Personnes de 60 ans et plus",
                description="Des après-midi conviviaux pour rompre l'isolement.",
            )
        ],
    )
    create_agenda(home, "Les rendez-vous des actions du contrat local de santé.")
    build_news(
        home,
        "Actualités",
        "Les nouvelles du contrat local de santé du Pays du Ruffécois.",
        [
            (
                "Les groupes de travail du contrat se réunissent",
                datetime.date(2014, 9, 22),
                "En octobre et novembre, trois groupes de travail partagent le diagnostic "
                "santé social et proposent des actions.",
                [
                    "Les groupes « Accès soins / droits », « Mieux vieillir » et « Acteurs de "
                    "sa santé » se réunissent à partir du 1er octobre 2014. Leurs "
                    "comptes-rendus sont publiés sur ce site."
                ],
                ["groupes de travail"],
                list(AxisPage.objects.descendant_of(home).exclude(number=None)),
            ),
        ],
    )


# English edition of the Aude site's agenda, events and news (see haute_vallee_aude_en.py).
ENGLISH_AUDE = {
    "Les rendez-vous santé des actions du contrat : dépistages, rencontres-débats, "
    "Semaine bleue.": "The health events of the contract's actions: screenings, talks, Blue Week.",
    "Les nouvelles du contrat local de santé de la haute vallée de l'Aude.": (
        "News of the local health contract of the upper Aude valley."
    ),
    "Semaine bleue : une semaine pour les séniors du territoire": (
        "Blue Week: a week for the area's older people"
    ),
    "Du 5 au 11 octobre, la Semaine bleue propose des rendez-vous dans les communes pour les "
    "personnes âgées et leurs proches.": (
        "From 5 to 11 October, Blue Week offers events in the municipalities for older people "
        "and their families."
    ),
    "La Semaine bleue est la semaine nationale des retraités et personnes âgées. Le contrat "
    "local de santé la relaie chaque année sur le territoire.": (
        "Blue Week is the national week of retired and older people. The local health contract "
        "brings it to the area every year."
    ),
    "Dépistage gratuit du diabète à Quillan": "Free diabetes screening in Quillan",
    "Le 14 novembre, une journée de dépistage gratuit du diabète a lieu à la salle des fêtes "
    "de Quillan.": "On 14 November, a free diabetes screening day takes place in Quillan's "
    "village hall.",
    "Les dépistages diabète font partie des actions que le contrat local de santé met en "
    "place chaque année.": (
        "Diabetes screening is one of the actions the local health contract holds every year."
    ),
    NEWS_NOTE: (
        "Example news: the actions and working groups mentioned are on the contract's public "
        "page; the date, places and text are invented."
    ),
    "Parlons santé revient en 2027": "Let's talk health returns in 2027",
    "Les rencontres-débats Parlons santé reprennent en février à Limoux, autour du sommeil.": (
        "The Let's talk health talks resume in February in Limoux, on sleep."
    ),
    "Chaque rencontre est ouverte à tous et gratuite.": "Every talk is free and open to all.",
    # Events, in the action pages
    "Parlons santé : bien dormir à tout âge": "Let's talk health: sleeping well at any age",
    "Salle polyvalente": "Community hall",
    "Tout public, entrée libre": "Everyone, free entry",
    "Une rencontre-débat avec des professionnels de santé du territoire, suivie d'un temps "
    "d'échange avec la salle.": (
        "A talk and debate with health professionals of the area, followed by a discussion "
        "with the audience."
    ),
    "Journée de dépistage du diabète": "Diabetes screening day",
    "Salle des fêtes": "Village hall",
    "Maison de santé": "Health centre",
    "Adultes, sans rendez-vous": "Adults, no appointment needed",
    "Un test gratuit de glycémie capillaire et des conseils personnalisés.": (
        "A free capillary blood glucose test and personal advice."
    ),
    "Semaine bleue 2027": "Blue Week 2027",
    "Communes du territoire": "Municipalities of the area",
    "Personnes de 60 ans et plus et leurs proches": "People aged 60 and over and their families",
    "Ateliers, marches et après-midi conviviaux dans les communes.": (
        "Workshops, walks and friendly afternoons in the municipalities."
    ),
    "Personnes dépistées": "People screened",
}

# English edition of the Ruffécois site's agenda, events and news (see pays_ruffecois_en.py).
ENGLISH_RUFFECOIS = {
    "Les rendez-vous des actions du contrat local de santé.": (
        "The events of the local health contract's actions."
    ),
    "Les nouvelles du contrat local de santé du Pays du Ruffécois.": (
        "News of the local health contract of the Pays du Ruffécois."
    ),
    "Les groupes de travail du contrat se réunissent": "The contract's working groups meet",
    "En octobre et novembre, trois groupes de travail partagent le diagnostic santé social et "
    "proposent des actions.": (
        "In October and November, three working groups share the social health assessment "
        "and suggest actions."
    ),
    "Les groupes « Accès soins / droits », « Mieux vieillir » et « Acteurs de sa santé » se "
    "réunissent à partir du 1er octobre 2014. Leurs comptes-rendus sont publiés sur ce site.": (
        "The “Access to care / rights”, “Ageing well” and “Actors of their health” groups "
        "meet from 1 October 2014. Their minutes are published on this site."
    ),
    NEWS_NOTE: ENGLISH_AUDE[NEWS_NOTE],
    # Events, in the action pages
    "Atelier cuisine en famille": "Family cooking workshop",
    "Centre social": "Community centre",
    "Familles avec enfants": "Families with children",
    "Préparer un goûter équilibré et petit budget, puis le partager.": (
        "Prepare a balanced, low-cost afternoon snack, then share it."
    ),
    "Semaine bleue 2016": "Blue Week 2016",
    "Communes du Pays du Ruffécois": "Municipalities of the Pays du Ruffécois",
    "Personnes de 60 ans et plus": "People aged 60 and over",
    "Des après-midi conviviaux pour rompre l'isolement.": (
        "Friendly afternoons to break isolation."
    ),
}
