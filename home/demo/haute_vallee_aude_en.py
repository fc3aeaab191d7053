"""English edition of the Haute Vallée de l'Aude demo site, made with wagtail-localize."""

from wagtail.models import Locale

from cls.models import Organisation
from contacts.models import ContactCard

from .news_and_events import ENGLISH_AUDE
from .translation import translate

ENGLISH = {
    # Home page
    "CLS 2 Moyenne et Haute Vallée de l'Aude": (
        "Local Health Contract 2, Middle and Upper Aude Valley"
    ),
    "Le Contrat Local de Santé de la Moyenne et Haute Vallée de l'Aude réunit les "
    "Communautés de Communes des Pyrénées Audoises et du Limouxin et l'Agence Régionale de "
    "Santé autour de la santé des habitants de 137 communes.": (
        "The Local Health Contract of the Middle and Upper Aude Valley brings together the "
        "Pyrénées Audoises and Limouxin communities of municipalities and the Regional Health "
        "Agency for the health of the people of 137 municipalities."
    ),
    "communes": "municipalities",
    "axes stratégiques": "strategic priorities",
    "communautés de communes": "communities of municipalities",
    # Contract
    "Contrat Local de Santé 2": "Local Health Contract 2",
    "Vers un CLS 2 à l'échelle de la haute vallée de l'Aude : une démarche contractuelle, "
    "partenariale et intersectorielle.": (
        "Towards a second contract for the whole upper Aude valley: a contractual, "
        "partnership-based and cross-sector approach."
    ),
    "Le Contrat Local de Santé (CLS) est l'une des mesures issues de la loi HPST (Hôpital, "
    "Patients, Santé et Territoires) du 21 juillet 2009. Cet outil de contractualisation "
    "permet de repérer et de répondre aux enjeux de santé présents sur un territoire dans un "
    "objectif global de réduction des inégalités sociales et territoriales de santé. Il porte "
    "sur la promotion et la prévention de la santé, les soins ambulatoires et hospitaliers ou "
    "encore l'accompagnement médico-social.": (
        "The Local Health Contract (CLS) is one of the measures of the HPST act (Hospital, "
        "Patients, Health and Territories) of 21 July 2009. This contractual tool identifies "
        "and answers the health issues of an area, with the overall aim of reducing social "
        "and territorial health inequalities. It covers health promotion and prevention, "
        "community and hospital care, and medico-social support."
    ),
    "Mobiliser les compétences et ressources du territoire.": (
        "Mobilise the skills and resources of the area."
    ),
    "Pérenniser et mettre en cohérence les démarches existantes.": (
        "Sustain existing initiatives and make them consistent."
    ),
    "Proposer des réponses adaptées et coordonnées aux problèmes de santé.": (
        "Offer suitable, coordinated answers to health problems."
    ),
    "Le CLS s'applique sur les communes du territoire des deux Communautés de Communes des "
    "Pyrénées Audoises et du Limouxin.": (
        "The contract covers the municipalities of the Pyrénées Audoises and Limouxin "
        "communities of municipalities."
    ),
    # Axes
    "Accès aux droits et aux soins": "Access to rights and care",
    "Répondre aux besoins de la population : mieux appréhender les attentes des usagers et "
    "des professionnels en termes d'accès aux soins.": (
        "Meet the population's needs: better understand what patients and professionals "
        "expect in terms of access to care."
    ),
    "Prévention et promotion de la santé": "Prevention and health promotion",
    "Donner à la population la possibilité d'améliorer sa propre santé.": (
        "Give people the means to improve their own health."
    ),
    "Besoins spécifiques des séniors": "Specific needs of older people",
    "Répondre aux besoins spécifiques des séniors en favorisant un parcours coordonné entre "
    "les acteurs locaux.": (
        "Meet the specific needs of older people through a pathway coordinated between local "
        "actors."
    ),
    "Santé environnement": "Environmental health",
    "Nutrition, habitat… : envisager des actions vers les populations les plus fragiles.": (
        "Nutrition, housing…: actions for the most vulnerable people."
    ),
    "Santé mentale et addictions": "Mental health and addictions",
    "Avec la perspective de déboucher sur un contrat local de santé mentale annexé au CLS.": (
        "With a view to a local mental health contract annexed to the CLS."
    ),
    # Actions
    "Parlons santé": "Let's talk health",
    "Des rencontres-débats ouvertes à tous autour d'un thème de santé.": (
        "Talks and debates on a health topic, open to everyone."
    ),
    "Informer les habitants et faire connaître les ressources locales.": (
        "Inform residents and make local resources known."
    ),
    "Dépistages diabète": "Diabetes screening",
    "Des journées de dépistage gratuit du diabète au plus près des habitants.": (
        "Free diabetes screening days close to where people live."
    ),
    "Le diagnostic relève une prévalence du diabète supérieure à la moyenne.": (
        "The health assessment found a higher than average prevalence of diabetes."
    ),
    "Semaine bleue": "Blue Week",
    "La semaine nationale des retraités et personnes âgées, sur le territoire.": (
        "The national week of retired and older people, across the area."
    ),
    # "Ma commune", contact and legal pages
    "Ma commune": "My municipality",
    "Tapez le nom ou le code postal de votre commune : vous verrez si elle fait partie du "
    "territoire du contrat, les actions qui s'y déroulent, les prochains rendez-vous et qui "
    "contacter.": (
        "Type the name or postcode of your municipality to see whether it is part of the "
        "contract's area, the actions taking place there, upcoming events and whom to contact."
    ),
    "Contacter la mission santé": "Contact the health team",
    "Une question sur le contrat local de santé ? Élise Roussel, chargée de mission santé, "
    "vous répond sous cinq jours ouvrés.": (
        "A question about the local health contract? Élise Roussel, health project officer, "
        "will answer within five working days."
    ),
    "Merci, votre message a bien été reçu. Nous vous répondrons vite.": (
        "Thank you, your message has been received. We will answer soon."
    ),
    "Les informations saisies servent uniquement à répondre à votre message. Elles sont "
    "conservées douze mois puis supprimées. Vous pouvez demander leur consultation ou leur "
    "suppression en écrivant à la mission santé.": (
        "The information you enter is only used to answer your message. It is kept for twelve "
        "months, then deleted. You may ask to see or delete it by writing to the health team."
    ),
    "Mentions légales": "Legal notice",
    "Données personnelles et cookies": "Personal data and cookies",
    "Ce site ne dépose aucun cookie de mesure d'audience ni de traceur publicitaire. Les "
    "données envoyées par le formulaire de contact servent uniquement à vous répondre.": (
        "This site sets no audience measurement or advertising cookie. The data sent through "
        "the contact form is only used to answer you."
    ),
    "Déclaration d'accessibilité": "Accessibility statement",
    "Certains documents PDF anciens (comptes-rendus antérieurs à 2018) ne sont pas balisés. "
    "Une version accessible est envoyée sur demande.": (
        "Some older PDF documents (minutes before 2018) are not tagged. An accessible version "
        "is sent on request."
    ),
    "Signalez un défaut d'accessibilité par le formulaire de contact de la mission santé.": (
        "Report an accessibility problem through the health team's contact form."
    ),
    "Firefox et NVDA, Safari et VoiceOver": "Firefox and NVDA, Safari and VoiceOver",
    "Communauté de Communes des Pyrénées Audoises (auto-évaluation)": (
        "Communauté de Communes des Pyrénées Audoises (self-assessment)"
    ),
    "Plan du site": "Site map",
    # Snippets
    "Agence Régionale de Santé Occitanie": "Occitanie Regional Health Agency",
    "ARS": "RHA",
    "Chargée de mission Santé": "Health project officer",
    "Du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h": (
        "Monday to Friday, 9 am to 12 noon and 2 pm to 5 pm"
    ),
    **ENGLISH_AUDE,
}


def build(site):
    """Translate the site's organisations, contact cards and pages into English."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    if site.root_page.has_translation(english):
        return
    for model in (Organisation, ContactCard):
        for snippet in model.objects.filter(locale=site.root_page.locale):
            if not snippet.has_translation(english):
                translate(snippet, english, ENGLISH)
    for page in site.root_page.get_descendants(inclusive=True).order_by("path").specific():
        translate(page, english, ENGLISH)
