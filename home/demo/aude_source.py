"""The public page of the CLS 2 of the Moyenne et Haute Vallée de l'Aude
(seeds/cls2-pyrenees-audoises.txt).

Each constant is a passage of that page, edited for typography only (the page's "Pyrénées
Audoise", "pofil" read "Audoises", "profil"), never added to: the demo site and its
documents take their facts from here. The page's contact person is replaced by a
fictional one (see haute_vallee_aude.py).
"""

DEFINITION = [
    "Le Contrat Local de Santé (CLS) est l'une des mesures issues de la loi HPST (Hôpital, "
    "Patients, Santé et Territoires) du 21 juillet 2009. Cet outil de contractualisation "
    "permet de repérer et de répondre aux enjeux de santé présents sur un territoire dans un "
    "objectif global de réduction des inégalités sociales et territoriales de santé. Il porte "
    "sur différents aspects tels que la promotion et prévention de la santé, les soins "
    "ambulatoires et hospitaliers ou encore l'accompagnement médico-social.",
    "Il permet d'être au plus près des problématiques locales et de s'adapter aux "
    "spécificités du territoire. L'élaboration d'un CLS suppose de prendre en considération "
    "les orientations du Programme Régional de Santé. La mise en place d'un Contrat Local de "
    "Santé nécessite l'implication des acteurs du territoire (professionnels, élus, "
    "population). Ce projet s'inscrit dans une démarche participative.",
]
ACTIONS_INTRO = (
    "Le Contrat Local de Santé met en place plusieurs actions concrètes chaque année. Voici "
    "quelques actions mises en place :"
)
ACTIONS = ["Parlons santé", "Dépistages diabète", "Semaine bleue"]
HEADLINE = "Vers un CLS 2 à l'échelle de la haute vallée de l'Aude"
PARTNERSHIP = (
    "Le Contrat Local de Santé 2 (CLS) de la Moyenne et Haute Vallée est un partenariat entre :"
)
PARTNERS = [
    "la Communauté de Communes des Pyrénées Audoises ;",
    "la Communauté de Communes du Limouxin ;",
    "l'Agence Régionale de Santé.",
]
APPROACH = (
    "Issu de la loi Hôpital « Santé et Territoire » de 2009, le CLS c'est avant tout une "
    "démarche « contractuelle, partenariale et intersectorielle »."
)
DIAGNOSTIC_OUTCOME = (
    "Il a permis d'établir un diagnostic santé sur l'ensemble du territoire des deux "
    "communautés de communes et de définir 5 axes de travail."
)
# (number, short title for the axis page, colour, the page's words)
AXES = [
    (
        1,
        "Accès aux droits et aux soins",
        "blue",
        "Accès aux droits et aux soins afin de répondre aux besoins de la population. Il "
        "s'agit de mieux appréhender les attentes des usagers et des professionnels en termes "
        "d'accès aux soins.",
    ),
    (
        2,
        "Prévention et promotion de la santé",
        "teal",
        "Prévention et promotion de la santé. Pour donner à la population la possibilité "
        "d'améliorer leur propre santé.",
    ),
    (
        3,
        "Besoins spécifiques des séniors",
        "purple",
        "Répondre aux besoins spécifiques des séniors en favorisant un parcours coordonné "
        "entre les acteurs locaux.",
    ),
    (
        4,
        "Santé environnement",
        "green",
        "Santé environnement : (nutrition et habitat...) Envisager des actions vers les "
        "populations les plus fragiles.",
    ),
    (
        5,
        "Santé mentale et addictions",
        "orange",
        "Santé mentale et addictions avec la perspective de déboucher sur un contrat local de "
        "santé mentale annexé au CLS.",
    ),
]
COMMUNES = (
    "Le CLS s'applique sur les 138 communes du territoire des 2 Communautés de Communes afin de :"
)
MISSIONS = [
    "Mobiliser les compétences et ressources du territoire.",
    "Pérenniser et mettre en cohérence les démarches existantes.",
    "Proposer des réponses adaptées et coordonnées aux problèmes de santé.",
]
DIAGNOSTIC_TITLE = "Diagnostic santé - Pyrénées Audoises et Limouxin"
DIAGNOSTIC_DESCRIPTION = "Dossier profil santé du Limouxin et des Pyrénées Audoises."
ORIGINAL_DIAGNOSTIC = "Le document Adobe Acrobat de 4,9 Mo"
OFFICER_ROLE = "Chargée de mission Santé"
