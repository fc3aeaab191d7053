"""French vocabulary of the synthetic corpus: what CLS action sheets and minutes talk about.

Each axis theme has its own action topics and sentences, so a query such as "diabète" or
"Semaine bleue" matches a realistic fraction of the pages, not all or none of them.
Some words appear only in documents (e.g. "émargement"), one only in a few pages
("leptospirose"): the search benchmark uses them as rare terms.
"""

import random

AXIS_THEMES = [
    {
        "title": "Accès aux droits et aux soins",
        "topics": [
            "Améliorer l'accès aux soins de premier recours",
            "Accueil des internes en médecine générale",
            "Maison de santé pluriprofessionnelle",
            "Téléconsultation en pharmacie",
            "Accès aux droits de santé des plus fragiles",
        ],
        "sentences": [
            "Il s'agit d'améliorer l'accès aux soins des habitants éloignés des cabinets.",
            "Le départ en retraite de plusieurs médecins généralistes fragilise l'offre de soins.",
            "Les internes en médecine sont accueillis et logés pendant leur stage.",
            "La maison de santé réunit médecins, infirmiers, kinésithérapeutes et orthophonistes.",
            "Un accompagnement aide les personnes sans complémentaire santé.",
            "Les délais d'attente chez les spécialistes dépassent souvent six mois.",
        ],
    },
    {
        "title": "Prévention et promotion de la santé",
        "topics": [
            "Parlons santé : rencontres-débats",
            "Mois sans tabac",
            "Octobre rose : dépistage du cancer du sein",
            "Santé sexuelle des jeunes",
            "Vaccination antigrippale",
        ],
        "sentences": [
            "Des rencontres-débats ouvertes à tous abordent chaque mois un thème de santé.",
            "Les habitants sont invités à participer aux dépistages organisés des cancers.",
            "La couverture vaccinale contre la grippe reste insuffisante chez les plus de 65 ans.",
            "Les jeunes sont informés sur la contraception et les infections transmissibles.",
            "Un stand d'information accompagne les fumeurs qui souhaitent arrêter le tabac.",
        ],
    },
    {
        "title": "Besoins spécifiques des séniors",
        "topics": [
            "Semaine bleue",
            "Prévention des chutes des personnes âgées",
            "Ateliers mémoire",
            "Lutte contre l'isolement des aînés",
            "Aide aux aidants",
        ],
        "sentences": [
            "La Semaine bleue propose chaque automne des animations pour les retraités.",
            "Des ateliers d'équilibre réduisent le risque de chute à domicile.",
            "Les aidants familiaux trouvent écoute et répit auprès de la plateforme de répit.",
            "Le vieillissement de la population rend prioritaire le maintien à domicile.",
            "Des bénévoles rendent visite aux aînés isolés dans les villages.",
        ],
    },
    {
        "title": "Santé mentale et addictions",
        "topics": [
            "Premiers secours en santé mentale",
            "Semaines d'information sur la santé mentale",
            "Prévention du suicide",
            "Consultations jeunes consommateurs",
            "Réduction des risques liés à l'alcool",
        ],
        "sentences": [
            "Des habitants sont formés aux premiers secours en santé mentale.",
            "Les Semaines d'information sur la santé mentale luttent contre la stigmatisation.",
            "Le conseil local de santé mentale réunit élus, soignants et associations d'usagers.",
            "Les consultations jeunes consommateurs accueillent anonymement et gratuitement.",
            "La souffrance psychique des agriculteurs appelle un repérage précoce.",
        ],
    },
    {
        "title": "Santé environnement",
        "topics": [
            "Qualité de l'air intérieur",
            "Lutte contre l'habitat indigne",
            "Moustique tigre",
            "Qualité de l'eau potable",
            "Prévention du radon",
        ],
        "sentences": [
            "Des conseillers mesurent la qualité de l'air intérieur dans les écoles.",
            "Le repérage de l'habitat indigne associe les mairies et les services sociaux.",
            "Les habitants apprennent à supprimer les gîtes larvaires du moustique tigre.",
            "Le radon, gaz naturel radioactif, s'accumule dans les maisons mal ventilées.",
            "La qualité de l'eau des captages privés est contrôlée chaque année.",
        ],
    },
    {
        "title": "Petite enfance, enfance et parentalité",
        "topics": [
            "Vaccination des enfants",
            "Bilans de santé en école maternelle",
            "Soutien à la parentalité",
            "Prévention des écrans chez les tout-petits",
            "Santé bucco-dentaire des enfants",
        ],
        "sentences": [
            "La protection maternelle et infantile rappelle la vaccination des enfants.",
            "Les bilans de santé en maternelle repèrent tôt les troubles du langage et de la vue.",
            "Des cafés des parents favorisent les échanges entre familles.",
            "Les enfants de moins de trois ans ne devraient pas être exposés aux écrans.",
            "Un dentiste intervient dans les écoles pour apprendre le brossage des dents.",
        ],
    },
    {
        "title": "Nutrition et activité physique",
        "topics": [
            "Ateliers cuisine et alimentation équilibrée",
            "Sport sur ordonnance",
            "Jardins partagés",
            "Restauration scolaire de qualité",
            "Marche nordique pour tous",
        ],
        "sentences": [
            "Des ateliers cuisine montrent comment manger équilibré avec un petit budget.",
            "Le médecin peut prescrire une activité physique adaptée aux malades chroniques.",
            "Les jardins partagés produisent légumes et lien social.",
            "Les cantines servent des produits locaux et de saison.",
            "La sédentarité progresse chez les adolescents comme chez les adultes.",
        ],
    },
    {
        "title": "Maladies chroniques",
        "topics": [
            "Dépistage du diabète",
            "Éducation thérapeutique du patient diabétique",
            "Parcours insuffisance cardiaque",
            "Prévention de l'obésité",
            "Dépistage de la maladie rénale chronique",
        ],
        "sentences": [
            "Des journées de dépistage gratuit du diabète sont organisées dans les villages.",
            "La prévalence du diabète est supérieure à la moyenne régionale.",
            "Les patients diabétiques suivent un programme d'éducation thérapeutique.",
            "Le parcours de l'insuffisance cardiaque coordonne hôpital et médecins de ville.",
            "Un suivi diététique accompagne les personnes en situation d'obésité.",
        ],
    },
    {
        "title": "Mobilité et accès aux services",
        "topics": [
            "Transport solidaire vers les lieux de soins",
            "Bus santé itinérant",
            "Permanences de services au public",
        ],
        "sentences": [
            "Un transport solidaire conduit les personnes sans voiture chez le médecin.",
            "Le bus santé s'arrête chaque semaine dans les communes rurales.",
            "Les permanences de services au public accompagnent les démarches en ligne.",
        ],
    },
    {
        "title": "Coordination des acteurs de santé",
        "topics": [
            "Communauté professionnelle territoriale de santé",
            "Annuaire des acteurs de santé",
            "Formation des professionnels au repérage",
        ],
        "sentences": [
            "La communauté professionnelle territoriale de santé coordonne les soignants.",
            "Un annuaire en ligne recense les acteurs de santé et du social.",
            "Les professionnels sont formés au repérage des violences intrafamiliales.",
        ],
    },
]

COMMON_SENTENCES = [
    "L'action s'adresse à tous les habitants du territoire, en priorité aux plus fragiles.",
    "Le comité de pilotage suit l'avancement de l'action chaque année.",
    "Les partenaires du contrat local de santé financent et animent l'action ensemble.",
    "Les inégalités sociales et territoriales de santé restent marquées en milieu rural.",
    "Les habitants ont été associés à la définition des besoins lors du diagnostic.",
    "Un bilan annuel mesure la participation et la satisfaction des publics.",
    "La santé est l'affaire de tous : élus, professionnels, associations et habitants.",
]
RARE_PAGE_SENTENCE = "Les éleveurs sont informés des risques de leptospirose près des points d'eau."

# Minutes talk about meetings: these words appear in documents only.
MINUTES_SENTENCES = [
    "La feuille d'émargement est jointe au présent compte-rendu.",
    "Le quorum étant atteint, le comité peut valablement délibérer.",
    "L'ordre du jour est adopté à l'unanimité des membres présents.",
    "La prochaine réunion du groupe de travail est fixée au trimestre suivant.",
    "Le relevé de décisions sera diffusé à l'ensemble des partenaires.",
]
DOCUMENT_KINDS = [
    ("compte-rendu", "copil", "Compte-rendu du comité de pilotage"),
    ("compte-rendu", "cotech", "Compte-rendu du comité technique"),
    ("compte-rendu", "groupe", "Compte-rendu du groupe de travail"),
    ("evaluation", "", "Évaluation de l'action"),
    ("annexe", "", "Annexe : fiche technique"),
    ("diagnostic", "", "Diagnostic local de santé"),
]
COMMUNE_PREFIXES = ["Saint-", "Sainte-", "Villeneuve-", "Mont", "Bois", "Champ", "Roche", "Val-"]
COMMUNE_ROOTS = [
    "Aubin",
    "Martin",
    "Léger",
    "Ferréol",
    "Geniès",
    "Clair",
    "Sernin",
    "Félix",
    "Julien",
    "Hilaire",
]
PUBLICS = ["les familles", "les jeunes", "les personnes âgées", "les aidants", "les élus"]
FIRST_NAMES = ["Camille", "Dominique", "Claude", "Sacha", "Alix", "Morgane", "Hugo", "Inès"]
LAST_NAMES = ["Martin", "Bernard", "Petit", "Durand", "Leroy", "Moreau", "Garnier", "Roux"]


def paragraph(rng, theme, sentences=4):
    """A paragraph mostly about the theme, with a few general sentences."""
    pool = theme["sentences"] * 3 + COMMON_SENTENCES
    chosen = rng.sample(pool, min(sentences, len(pool)))
    if rng.random() < 0.02:
        chosen.append(RARE_PAGE_SENTENCE)
    return " ".join(chosen)


def document_text(rng, theme, length=3000):
    """A few kilobytes of minutes-like text about the theme."""
    sentences = []
    while sum(len(sentence) + 1 for sentence in sentences) < length:
        pool = rng.choice([theme["sentences"], COMMON_SENTENCES, MINUTES_SENTENCES])
        sentences.append(rng.choice(pool))
    return " ".join(sentences)


def commune_names(rng, count):
    names = set()
    while len(names) < count:
        prefix = rng.choice(COMMUNE_PREFIXES)
        root = rng.choice(COMMUNE_ROOTS)
        names.add(f"{prefix}{root}" if prefix.endswith("-") else f"{prefix}{root.lower()}")
    return sorted(names)


def person_name(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def site_random(number):
    """The same site number always gets the same text."""
    return random.Random(number)  # noqa: S311 - reproducible text, not secrets
