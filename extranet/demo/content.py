"""The demo extranet: the seven networks' spaces and one dossier exchange space.

Sources (2023 report unless said otherwise):
- Spaces and member counts: each chapter's "développement et animation de réseaux": VRL Occitanie
  (250 members, "179 posts sur le forum"), PRE coordinators (40), PRE referents (39), PEP'S (40
  CLSPD/CISPD coordinators), city-contract project leads (47), NPNRU project leads (9), ESAT
  (formateur·rice·s et moniteur·rice·s of 34 structures: one member per structure here).
- The dossier exchange space: 2017 report, "Les « Dossiers Théma » et les plateformes
  collaboratives" ("offrir un espace privé aux acteurs souhaitant l'utiliser pour échanger des
  pratiques"), applied to the 2023 dossier "Intégration et apprentissage de la langue"; its
  subjects come from the 2023 illiteracy chapter (ECLER, évaluation, jeux, Moodle platform…).
- Topics and posts: the subjects each network's passage lists (PEP'S: prévention santé, dérives
  sectaires, complotisme, marginalité et tranquillité publique, relations forces de sécurité /
  population; PRE referents: accompagnement selon l'âge, limites, place des parents, durée des
  parcours; VRL: questions juridiques et pédagogiques; …). The wording is invented.
- Meetings: the rencontres each network held in 2023, re-dated relative to today (negative
  offsets are past meetings, with their participants; positive ones are upcoming).

People: see `members.py`. Post authors are given as an index into the space's invented members,
or as "animator" (the R&T project officer who moderates the space) or "demo" (the demo member).
Member counts are the real ones; `MAX_MEMBERS_PER_SPACE` can cap them for faster demos.
"""

from dataclasses import dataclass
from datetime import time, timedelta

from .members import (
    DEMO_PASSWORD,
    EAST_COMMUNES,
    STAFF_DOMAIN,
    WEST_COMMUNES,
    Person,
    Profile,
    generate_people,
)

# None: every space gets its real member count (under 500 people in all, fast enough).
MAX_MEMBERS_PER_SPACE: int | None = None

Author = int | str  # member index, "animator" or "demo"


@dataclass(frozen=True)
class PostSpec:
    author: Author
    body: str  # HTML within the forum's allow-list (p, ul, li, strong, em, a)


@dataclass(frozen=True)
class TopicSpec:
    title: str
    posts: tuple[PostSpec, ...]  # the first post opens the topic
    days_ago: int  # age of the first post; replies follow a few hours apart
    pinned: bool = False
    locked: bool = False


@dataclass(frozen=True)
class MeetingSpec:
    title: str
    offset_days: int  # negative: past meeting
    agenda: tuple[str, ...]
    place: str = ""
    online: bool = False
    start_time: time = time(9, 30)
    duration: timedelta = timedelta(hours=5)
    participants: int = 0  # members signed up (past meetings: who came)


@dataclass(frozen=True)
class DocumentSpec:
    title: str
    filename: str  # .pdf (generated PDF) or .txt
    paragraphs: tuple[str, ...]
    folder: str = ""
    uploader: Author = "animator"


@dataclass(frozen=True)
class Animator:
    """An invented R&T project officer who animates (moderates) spaces."""

    key: str
    first_name: str
    last_name: str
    job_title: str

    @property
    def email(self) -> str:
        return f"{self.key}@{STAFF_DOMAIN}"

    def as_person(self) -> Person:
        return Person(
            self.email,
            self.first_name,
            self.last_name,
            "Ressources & Territoires",
            self.job_title,
            "Toulouse",
        )


@dataclass(frozen=True)
class SpaceSpec:
    slug: str
    name: str
    description: str
    kind: str  # "forum" or "collaborative"
    member_count: int
    animator: str  # Animator.key
    profile: Profile
    topics: tuple[TopicSpec, ...]
    meetings: tuple[MeetingSpec, ...] = ()
    documents: tuple[DocumentSpec, ...] = ()
    network: str | None = None  # cms/demo/content/taxonomy.py network slug
    dossier: str | None = None  # cms/demo/content/dossiers.py dossier slug


ANIMATORS: tuple[Animator, ...] = (
    Animator(
        "lucie.ferrand",
        "Lucie",
        "Ferrand",
        "Chargée de mission Laïcité, égalités, non-discriminations",
    ),
    Animator(
        "solene.cazals",
        "Solène",
        "Cazals",
        "Chargée de mission Politiques territoriales - Politique de la ville",
    ),
    Animator(
        "mathilde.rouquette", "Mathilde", "Rouquette", "Chargée de mission Sécurité & prévention"
    ),
    Animator("elise.fabre", "Élise", "Fabre", "Chargée de mission Éducation"),
    Animator(
        "ines.bousquet",
        "Inès",
        "Bousquet",
        "Chargée de mission Illettrisme, savoirs de base et intégration par la langue",
    ),
)

# The member everyone can log in as; a "chargée de mission politique de la ville et
# coordonnatrice CLSPD", a double role the 2023 testimonials describe.
DEMO_MEMBER = Person(
    email="demo.membre@example.org",
    first_name="Camille",
    last_name="Delmas",
    organisation="Mairie de Lavaur",
    job_title="Chargée de mission politique de la ville et coordonnatrice CLSPD",
    territory="Lavaur",
)
DEMO_MEMBER_SPACES = (
    "chefs-de-projet-contrats-de-ville",
    "reseau-peps",
    "echanges-integration-langue",
)
# The demo member and the animators share this printed demo password.
DEMO_MEMBER_PASSWORD = DEMO_PASSWORD
ANIMATOR_LOGIN = "mathilde.rouquette@equipe.example.org"


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def _post(author: Author, *paragraphs: str) -> PostSpec:
    return PostSpec(author, _p(*paragraphs))


# --- Profiles ---------------------------------------------------------------------------------

_VRL = Profile(
    organisations=(
        "Centre social de {commune}",
        "Mission locale de {commune}",
        "CCAS de {commune}",
        "Mairie de {commune}",
        "Association d'éducation populaire, {commune}",
        "Maison des jeunes et de la culture de {commune}",
        "Service jeunesse de {commune}",
        "Bailleur social, agence de {commune}",
        "Conseil départemental, site de {commune}",
    ),
    jobs=(
        ("Formatrice VRL habilitée", "Formateur VRL habilité"),
        ("Animatrice socioculturelle, formatrice VRL", "Animateur socioculturel, formateur VRL"),
        ("Médiatrice sociale, formatrice VRL", "Médiateur social, formateur VRL"),
        ("Référente départementale du plan VRL", "Référent départemental du plan VRL"),
    ),
    communes=WEST_COMMUNES + EAST_COMMUNES,
)
_PRE_COORD = Profile(
    organisations=(
        "Mairie de {commune}",
        "CCAS de {commune}",
        "Caisse des écoles de {commune}",
        "GIP réussite éducative de {commune}",
    ),
    jobs=(
        ("Coordonnatrice PRE", "Coordonnateur PRE"),
        (
            "Coordonnatrice du Programme de réussite éducative",
            "Coordonnateur du Programme de réussite éducative",
        ),
    ),
)
_PRE_REF = Profile(
    organisations=("Mairie de {commune}", "CCAS de {commune}", "Caisse des écoles de {commune}"),
    jobs=(
        ("Référente de parcours PRE", "Référent de parcours PRE"),
        ("Éducatrice, référente PRE", "Éducateur, référent PRE"),
    ),
)
_PEPS = Profile(
    organisations=(
        "Mairie de {commune}",
        "Communauté de communes, siège de {commune}",
        "Communauté d'agglomération, siège de {commune}",
    ),
    jobs=(
        ("Coordonnatrice CLSPD", "Coordonnateur CLSPD"),
        ("Coordonnatrice CISPD", "Coordonnateur CISPD"),
        ("Chargée de prévention de la délinquance", "Chargé de prévention de la délinquance"),
    ),
)
_CDV = Profile(
    organisations=(
        "Mairie de {commune}",
        "Communauté d'agglomération, siège de {commune}",
        "Préfecture, délégation de {commune}",
    ),
    jobs=(
        ("Cheffe de projet politique de la ville", "Chef de projet politique de la ville"),
        ("Chargée de mission contrat de ville", "Chargé de mission contrat de ville"),
        ("Déléguée du préfet", "Délégué du préfet"),
    ),
)
_NPNRU = Profile(
    organisations=("Mairie de {commune}", "Communauté d'agglomération, siège de {commune}"),
    jobs=(("Cheffe de projet renouvellement urbain", "Chef de projet renouvellement urbain"),),
    communes=("Toulouse", "Montauban", "Foix", "Albi", "Tarbes", "Castres", "Auch"),
)
_ESAT = Profile(
    organisations=(
        "ESAT de {commune}",
        "ESAT Les Ateliers de {commune}",
        "ESAT du Pays de {commune}",
    ),
    jobs=(
        ("Formatrice en ESAT", "Formateur en ESAT"),
        ("Monitrice d'atelier", "Moniteur d'atelier"),
        ("Chargée d'insertion", "Chargé d'insertion"),
    ),
)
_LANGUE = Profile(
    organisations=(
        "Association de formation linguistique, {commune}",
        "Centre social de {commune}",
        "Organisme de formation, {commune}",
        "Association de bénévoles, {commune}",
    ),
    jobs=(
        ("Formatrice FLE / FLI", "Formateur FLE / FLI"),
        (
            "Bénévole, animatrice d'atelier socio-linguistique",
            "Bénévole, animateur d'atelier socio-linguistique",
        ),
        ("Coordinatrice pédagogique", "Coordinateur pédagogique"),
    ),
)


# --- Spaces -----------------------------------------------------------------------------------

SPACES: tuple[SpaceSpec, ...] = (
    SpaceSpec(
        slug="forum-vrl-occitanie",
        name="Forum du réseau VRL Occitanie",
        description=(
            "Le forum des formateur·rice·s habilité·e·s et des référent·e·s départementaux du "
            "plan Valeurs de la République et laïcité : questions juridiques et pédagogiques, "
            "retours de formations, actualités du plan."
        ),
        kind="forum",
        member_count=250,
        animator="lucie.ferrand",
        profile=_VRL,
        network="vrl-occitanie",
        topics=(
            TopicSpec(
                "À lire avant de poster : fonctionnement du forum",
                (
                    _post(
                        "animator",
                        "Bienvenue sur le forum du réseau VRL Occitanie. Il est réservé aux "
                        "formateur·rice·s habilité·e·s et aux référent·e·s départementaux.",
                        "Merci d'indiquer votre département dans le titre des questions "
                        "juridiques et de ne jamais citer de personne reconnaissable dans les "
                        "cas pratiques.",
                    ),
                ),
                days_ago=240,
                pinned=True,
                locked=True,
            ),
            TopicSpec(
                "Obligation de formation à la laïcité des agent·e·s publics : qui est concerné ?",
                (
                    _post(
                        3,
                        "Une DRH de collectivité me demande si tous ses agent·e·s doivent "
                        "être formé·e·s à la laïcité, contractuel·le·s compris, et dans "
                        "quels délais. Avez-vous une réponse harmonisée ?",
                    ),
                    _post(
                        "animator",
                        "Oui, l'obligation concerne l'ensemble des agent·e·s publics, "
                        "titulaires comme contractuel·le·s. Je dépose dans la bibliothèque la "
                        "note juridique que nous utilisons en réunion départementale.",
                        "Pour le calendrier, renvoyez vers le plan de formation de la "
                        "collectivité : le kit 1 jour VRL peut y contribuer.",
                    ),
                    _post(
                        17,
                        "Merci, c'est exactement la question qu'on m'a posée la semaine "
                        "dernière dans l'Aude.",
                    ),
                    _post(
                        42,
                        "Attention à bien distinguer la formation des agent·e·s et celle "
                        "des salarié·e·s associatif·ve·s : les obligations ne sont pas les "
                        "mêmes.",
                    ),
                ),
                days_ago=35,
            ),
            TopicSpec(
                "Nommer un·e référent·e laïcité dans sa structure",
                (
                    _post(
                        58,
                        "Une commune de mon territoire doit nommer un·e référent·e "
                        "laïcité. Quel profil recommandez-vous ? Peut-on mutualiser à "
                        "l'échelle de l'intercommunalité ?",
                    ),
                    _post(
                        101,
                        "Chez nous, le centre de gestion propose une mutualisation pour "
                        "les petites communes. Ça fonctionne bien.",
                    ),
                    _post(
                        "animator",
                        "La mutualisation est possible. Je vous conseille de "
                        "prévoir la formation VRL du·de la référent·e dès sa "
                        "nomination.",
                    ),
                ),
                days_ago=21,
            ),
            TopicSpec(
                "Kit 1 jour : vos retours sur la séquence « cas pratiques »",
                (
                    _post(
                        8,
                        "Lors de ma dernière session, la séquence cas pratiques a pris "
                        "tout l'après-midi. Comment gérez-vous le temps ?",
                    ),
                    _post(
                        77,
                        "Je limite à trois cas et je fais travailler en sous-groupes, "
                        "avec une restitution de cinq minutes chacun.",
                    ),
                    _post(
                        130,
                        "Pareil, et je garde les cas sur l'espace public pour la fin : "
                        "ce sont ceux qui suscitent le plus de débats.",
                    ),
                    _post(8, "Merci pour les astuces, je teste à la prochaine session."),
                ),
                days_ago=14,
            ),
            TopicSpec(
                "Posture du·de la formateur·rice face aux propos hostiles",
                (
                    _post(
                        64,
                        "Comment réagissez-vous quand un·e participant·e tient des propos "
                        "hostiles sur une religion pendant la formation ?",
                    ),
                    _post(
                        190,
                        "Je rappelle le cadre posé en début de journée et je renvoie au "
                        "droit : on discute des principes, pas des croyances.",
                    ),
                    _post(
                        "animator",
                        "C'est un des thèmes de la prochaine formation continue "
                        "des formateur·rice·s habilité·e·s. Vos situations sont "
                        "les bienvenues pour préparer la séance.",
                    ),
                ),
                days_ago=6,
            ),
        ),
        meetings=(
            MeetingSpec(
                "Réunion régionale du réseau VRL",
                offset_days=-48,
                agenda=(
                    "Actualités du plan et directives de l'ANCT",
                    "Bilan des sessions de formation de formateur·rice·s",
                    "Présentation du site VRL Occitanie",
                ),
                place="Toulouse",
                participants=38,
            ),
            MeetingSpec(
                "Webinaire de réactualisation des connaissances",
                offset_days=19,
                agenda=(
                    "Évolutions juridiques récentes",
                    "Questions pédagogiques",
                    "Échanges libres",
                ),
                online=True,
                start_time=time(10, 0),
                duration=timedelta(hours=2),
                participants=24,
            ),
        ),
        documents=(
            DocumentSpec(
                "Note juridique : la formation des agent·e·s publics à la laïcité",
                "note-juridique-formation-laicite.pdf",
                (
                    "Qui est concerné, dans quels délais, avec quels contenus : repères pour "
                    "répondre aux employeurs publics.",
                    "Document de travail du réseau, à ne pas diffuser en dehors du forum.",
                ),
                folder="Questions juridiques",
            ),
            DocumentSpec(
                "Kit 1 jour : trame d'animation",
                "kit-1-jour-trame-animation.pdf",
                (
                    "Déroulé type de la journée : accueil, apports historiques et juridiques, "
                    "cas pratiques, évaluation.",
                ),
                folder="Outils pédagogiques",
            ),
            DocumentSpec(
                "Compte rendu de la réunion régionale",
                "compte-rendu-reunion-regionale-vrl.txt",
                (
                    "Présent·e·s : 38 membres du réseau.",
                    "Points abordés : actualités du plan, bilan des habilitations, site VRL "
                    "Occitanie.",
                ),
                folder="Comptes rendus",
            ),
        ),
    ),
    SpaceSpec(
        slug="coordonnateurs-pre",
        name="Espace des coordonnateur·rice·s PRE",
        description=(
            "L'espace collaboratif du réseau des coordonnateur·rice·s des Programmes de réussite "
            "éducative de l'Occitanie Ouest : veille mensuelle, échanges de pratiques, "
            "documents des rencontres."
        ),
        kind="collaborative",
        member_count=40,
        animator="elise.fabre",
        profile=_PRE_COORD,
        network="coordonnateurs-pre",
        topics=(
            TopicSpec(
                "Veille informative mensuelle",
                (
                    _post(
                        "animator",
                        "Chaque mois, la veille du réseau est déposée dans la "
                        "bibliothèque, dossier « Veille ». Bonne lecture !",
                    ),
                ),
                days_ago=120,
                pinned=True,
            ),
            TopicSpec(
                "La partie Éducation des nouveaux contrats de ville",
                (
                    _post(
                        2,
                        "Nous co-animons la partie Éducation du contrat de ville avec la "
                        "cheffe de projet. Comment faites-vous apparaître le PRE dans les "
                        "orientations ?",
                    ),
                    _post(
                        11,
                        "Nous l'avons inscrit comme levier transversal, avec un objectif "
                        "sur le lien aux familles.",
                    ),
                    _post(
                        "animator",
                        "C'est le thème du prochain Atelier Éducation : apportez "
                        "vos projets de rédaction.",
                    ),
                ),
                days_ago=40,
            ),
            TopicSpec(
                "Lutte contre le harcèlement : articulation avec les établissements",
                (
                    _post(
                        25,
                        "Depuis les nouvelles dispositions sur le harcèlement, les "
                        "collèges nous sollicitent davantage. Avez-vous formalisé une "
                        "procédure ?",
                    ),
                    _post(
                        7,
                        "Nous avons une fiche de liaison avec les CPE, validée en comité "
                        "technique. Je peux la partager.",
                    ),
                    _post(25, "Oui, volontiers !"),
                    _post(7, "Déposée dans la bibliothèque, dossier « Outils »."),
                ),
                days_ago=18,
            ),
            TopicSpec(
                "Pacte des solidarités, CTG et COG de la CAF : quelles articulations ?",
                (
                    _post(
                        31,
                        "La CAF nous demande de positionner le PRE dans la convention "
                        "territoriale globale. Des exemples ?",
                    ),
                    _post(
                        14,
                        "Nous figurons dans l'axe parentalité de la CTG, avec une fiche "
                        "action commune.",
                    ),
                ),
                days_ago=9,
            ),
        ),
        meetings=(
            MeetingSpec(
                "Rencontre trimestrielle : protection de l'enfance",
                offset_days=-20,
                agenda=(
                    "Les nouvelles lois de la protection de l'enfance",
                    "Lutte contre le harcèlement : retours d'expériences",
                    "Accueil des nouveaux·elles coordonnateur·rice·s",
                ),
                place="Ressources & Territoires, Toulouse",
                participants=9,
            ),
            MeetingSpec(
                "Rencontre trimestrielle : pacte des solidarités",
                offset_days=70,
                agenda=("Le pacte des solidarités", "CTG et COG de la CAF"),
                place="Ressources & Territoires, Toulouse",
                participants=4,
            ),
        ),
        documents=(
            DocumentSpec(
                "Veille informative du réseau PRE",
                "veille-reseau-pre.pdf",
                ("Textes officiels, appels à projets, ressources et agenda du mois.",),
                folder="Veille",
            ),
            DocumentSpec(
                "Fiche de liaison PRE – établissements scolaires",
                "fiche-liaison-pre-etablissements.txt",
                ("Trame de fiche de liaison entre le PRE et les CPE, à adapter.",),
                folder="Outils",
                uploader=7,
            ),
        ),
    ),
    SpaceSpec(
        slug="referents-pre",
        name="Espace des référent·e·s PRE",
        description=(
            "Initié fin 2022, l'espace du réseau des référent·e·s de parcours des Programmes de "
            "réussite éducative : pratiques d'accompagnement, place des parents, durée des "
            "parcours."
        ),
        kind="collaborative",
        member_count=39,
        animator="elise.fabre",
        profile=_PRE_REF,
        network="referents-pre",
        topics=(
            TopicSpec(
                "Accompagner différemment selon l'âge des enfants",
                (
                    _post(
                        4,
                        "Entre un enfant de 4 ans et un collégien de 14 ans, nos outils "
                        "ne peuvent pas être les mêmes. Comment adaptez-vous vos "
                        "accompagnements ?",
                    ),
                    _post(
                        12,
                        "Pour les petits, nous passons beaucoup par les parents et "
                        "l'école maternelle ; pour les ados, par des rendez-vous "
                        "individuels hors du collège.",
                    ),
                    _post(
                        20,
                        "On se rend compte qu'on rencontre tous les mêmes difficultés, "
                        "en ville comme en milieu rural.",
                    ),
                    _post("animator", "Nous en ferons le fil rouge de la prochaine rencontre."),
                ),
                days_ago=50,
            ),
            TopicSpec(
                "La place et le rôle des parents dans l'accompagnement",
                (
                    _post(9, "Comment associer des parents qui ne viennent pas aux rendez-vous ?"),
                    _post(
                        30,
                        "Les visites à domicile changent tout chez nous, avec l'accord "
                        "de la famille.",
                    ),
                    _post(4, "Et la traduction : certains parents allophones n'osent pas venir."),
                    _post(9, "Merci, je vais proposer un premier rendez-vous à domicile."),
                ),
                days_ago=27,
            ),
            TopicSpec(
                "Jusqu'où va l'accompagnement du PRE ?",
                (
                    _post(
                        16,
                        "Nous sommes souvent sollicité·e·s pour des situations qui "
                        "relèvent de la protection de l'enfance. Où posez-vous la "
                        "limite ?",
                    ),
                    _post(
                        2,
                        "Dès qu'il y a danger, on oriente vers le droit commun ; le PRE "
                        "n'a pas vocation à se substituer.",
                    ),
                ),
                days_ago=15,
            ),
            TopicSpec(
                "Durée des parcours : vos pratiques",
                (
                    _post(
                        22, "Nos parcours durent en moyenne 18 mois. Est-ce comparable chez vous ?"
                    ),
                    _post(35, "Plutôt 12 mois, avec un bilan à 6 mois."),
                    _post(11, "On fixe une durée au contrat, renouvelable une fois."),
                ),
                days_ago=4,
            ),
        ),
        meetings=(
            MeetingSpec(
                "Rencontre : la place des parents",
                offset_days=26,
                agenda=(
                    "La place et le rôle des parents dans l'accompagnement",
                    "Parents allophones : outils de traduction",
                    "Tour de table",
                ),
                place="Ressources & Territoires, Toulouse",
                participants=11,
            ),
            MeetingSpec(
                "Rencontre : accompagnement selon l'âge",
                offset_days=-60,
                agenda=(
                    "L'accompagnement différencié selon l'âge des enfants",
                    "Les limites à l'accompagnement du PRE",
                ),
                place="Ressources & Territoires, Toulouse",
                participants=14,
            ),
        ),
        documents=(
            DocumentSpec(
                "Synthèse des échanges : accompagnement selon l'âge",
                "synthese-accompagnement-selon-age.pdf",
                (
                    "Ce que les référent·e·s ont partagé sur les outils adaptés aux "
                    "différents âges.",
                ),
                folder="Comptes rendus",
            ),
        ),
    ),
    SpaceSpec(
        slug="reseau-peps",
        name="Réseau PEP'S – coordonnateur·rice·s CLSPD/CISPD",
        description=(
            "Depuis 2011, le réseau Prévention et politiques de sécurité met en relation les "
            "coordonnateur·rice·s des CLSPD/CISPD de l'Occitanie Ouest, pour rompre "
            "l'isolement et partager les expériences."
        ),
        kind="collaborative",
        member_count=40,
        animator="mathilde.rouquette",
        profile=_PEPS,
        network="peps",
        topics=(
            TopicSpec(
                "Prévention santé : quelles actions dans vos CLSPD ?",
                (
                    _post(
                        5,
                        "Notre CLSPD veut ouvrir un volet prévention santé (addictions, "
                        "santé mentale). Qui l'a déjà fait ?",
                    ),
                    _post(
                        13,
                        "Nous travaillons avec le contrat local de santé : une fiche "
                        "action commune sur les conduites addictives des jeunes.",
                    ),
                    _post(
                        "demo",
                        "À Lavaur, on a associé la maison des adolescents, très "
                        "utile pour les situations de mal-être.",
                    ),
                    _post(5, "Merci à vous deux, je reprends l'idée de la fiche commune."),
                ),
                days_ago=44,
            ),
            TopicSpec(
                "Dérives sectaires : repérer et orienter",
                (
                    _post(
                        "animator",
                        "Suite à la rencontre, voici les ressources évoquées sur "
                        "les dérives sectaires, notamment dans le champ de la "
                        "santé et du bien-être. Le support est dans la "
                        "bibliothèque.",
                    ),
                    _post(
                        21, "Merci. Avez-vous des contacts pour une sensibilisation des élu·e·s ?"
                    ),
                    _post("animator", "Oui, je vous transmets les coordonnées par message."),
                ),
                days_ago=30,
            ),
            TopicSpec(
                "Complotisme chez les jeunes : des outils ?",
                (
                    _post(
                        27,
                        "Les animateur·rice·s jeunesse nous remontent des discours "
                        "complotistes de plus en plus fréquents. Des outils d'éducation "
                        "aux médias à conseiller ?",
                    ),
                    _post(
                        33,
                        "Nous avons monté des ateliers avec la médiathèque sur la "
                        "vérification de l'information. Les jeunes adorent l'exercice du "
                        "« vrai ou faux ».",
                    ),
                    _post(27, "Super, je vais contacter notre médiathèque."),
                ),
                days_ago=19,
            ),
            TopicSpec(
                "Marginalité et tranquillité publique en centre-ville",
                (
                    _post(
                        38,
                        "Regroupements, alcool sur la voie publique, plaintes des "
                        "commerçant·e·s : comment concilier tranquillité publique et "
                        "accompagnement des personnes marginalisées ?",
                    ),
                    _post(
                        "demo",
                        "Chez nous, la cellule de veille associe le CCAS et les "
                        "maraudes : on évite que tout passe par la police "
                        "municipale.",
                    ),
                    _post(
                        10,
                        "Le diagnostic du Couserans a justement travaillé « marginalité, "
                        "tranquillité publique et sentiment d'insécurité » : intéressant "
                        "à lire.",
                    ),
                    _post(
                        "animator",
                        "Je l'ajoute dans la bibliothèque avec l'accord de la collectivité.",
                    ),
                ),
                days_ago=8,
            ),
            TopicSpec(
                "Relations forces de sécurité / population",
                (
                    _post(
                        19, "Quelqu'un a-t-il organisé des rencontres jeunes – police nationale ?"
                    ),
                    _post(
                        26,
                        "Oui, des matchs de foot et des débats au collège ; il faut une "
                        "préparation sérieuse en amont.",
                    ),
                ),
                days_ago=3,
            ),
            TopicSpec(
                "Charte déontologique pour l'échange d'information",
                (
                    _post(
                        "animator",
                        "Plusieurs d'entre vous élaborent une charte "
                        "déontologique pour l'échange d'information en cellule de "
                        "veille. Partagez ici vos versions de travail.",
                    ),
                    _post(1, "Voici la trame que nous avons adoptée en assemblée plénière."),
                ),
                days_ago=60,
                pinned=True,
            ),
        ),
        meetings=(
            MeetingSpec(
                "Rencontre PEP'S : marginalité et tranquillité publique",
                offset_days=-30,
                agenda=(
                    "Présentation du diagnostic d'un CISPD ariégeois",
                    "Marginalité, tranquillité publique et sentiment d'insécurité",
                    "Veille et actualités",
                ),
                place="Ressources & Territoires, Toulouse",
                participants=14,
            ),
            MeetingSpec(
                "Rencontre PEP'S : dérives sectaires et complotisme",
                offset_days=12,
                agenda=(
                    "Dérives sectaires : repérer les signaux",
                    "Complotisme : outils d'éducation aux médias",
                    "Tour de table des CLSPD/CISPD",
                ),
                place="Ressources & Territoires, Toulouse",
                participants=10,
            ),
        ),
        documents=(
            DocumentSpec(
                "Support : dérives sectaires dans le champ de la santé",
                "support-derives-sectaires.pdf",
                ("Repères pour identifier une dérive sectaire et orienter les personnes.",),
                folder="Rencontres",
            ),
            DocumentSpec(
                "Trame de charte déontologique pour l'échange d'information",
                "trame-charte-deontologique.txt",
                (
                    "Objet, principes, informations partagées, confidentialité, durée de "
                    "conservation.",
                ),
                folder="Outils",
                uploader=1,
            ),
            DocumentSpec(
                "Lettre d'infos interne du réseau PEP'S",
                "lettre-infos-peps.pdf",
                ("Actualités, textes et agenda des coordonnateur·rice·s CLSPD/CISPD.",),
                folder="Veille",
            ),
        ),
    ),
    SpaceSpec(
        slug="chefs-de-projet-contrats-de-ville",
        name="Chef·fe·s de projet des contrats de ville",
        description=(
            "L'espace du réseau des chef·fe·s de projet et chargé·e·s de mission des contrats "
            "de ville, initié en 2012 : élaboration des contrats « Engagements Quartiers "
            "2030 », gouvernance, concertation citoyenne."
        ),
        kind="collaborative",
        member_count=47,
        animator="solene.cazals",
        profile=_CDV,
        network="chefs-de-projet-contrats-de-ville",
        topics=(
            TopicSpec(
                "Concertation citoyenne : vos formats",
                (
                    _post(
                        6,
                        "Nous devons concerter les habitant·e·s pour le nouveau contrat. "
                        "Quels formats ont marché chez vous ?",
                    ),
                    _post(
                        "demo",
                        "Balade urbaine un samedi matin, puis atelier au centre "
                        "social : bien plus de monde qu'en réunion publique.",
                    ),
                    _post(
                        18,
                        "Nous avons ajouté un questionnaire en ligne et papier, diffusé "
                        "par le conseil citoyen.",
                    ),
                    _post(6, "Merci, on combine les deux."),
                ),
                days_ago=80,
            ),
            TopicSpec(
                "Délais d'élaboration : où en êtes-vous ?",
                (
                    _post(
                        23, "Le cadre national arrive tard : tout le monde est-il dans les temps ?"
                    ),
                    _post(
                        40,
                        "Nous avons pris de l'avance sur le diagnostic, mais la "
                        "gouvernance reste à stabiliser avec l'État.",
                    ),
                    _post(
                        "animator",
                        "Vous n'êtes pas seul·e·s : la Fabrique des contrats de "
                        "ce mois y sera consacrée.",
                    ),
                ),
                days_ago=52,
            ),
            TopicSpec(
                "Gouvernance du contrat : quelle place pour l'intercommunalité ?",
                (
                    _post(
                        12,
                        "Notre agglomération porte un contrat unique pour deux communes. "
                        "Comment organiser le comité de pilotage ?",
                    ),
                    _post(
                        29,
                        "Co-présidence préfet – président de l'agglo, et un comité "
                        "technique par commune.",
                    ),
                ),
                days_ago=24,
            ),
            TopicSpec(
                "Nouvelle géographie prioritaire : premières analyses",
                (
                    _post(
                        "animator",
                        "La liste des quartiers est publiée. Je dépose une "
                        "synthèse pour l'Occitanie Ouest dans la bibliothèque.",
                    ),
                    _post(
                        35,
                        "Un de nos quartiers sort de la géographie prioritaire : des "
                        "conseils pour accompagner la sortie ?",
                    ),
                    _post("demo", "Même situation pour nous, je suis preneuse des retours."),
                ),
                days_ago=5,
                pinned=True,
            ),
        ),
        meetings=(
            MeetingSpec(
                "La Fabrique des contrats",
                offset_days=8,
                agenda=(
                    "Questions au fil de l'eau",
                    "Délais et gouvernance",
                    "Ressources complémentaires",
                ),
                online=True,
                start_time=time(14, 0),
                duration=timedelta(hours=2),
                participants=12,
            ),
            MeetingSpec(
                "Rencontre du réseau : concertation citoyenne",
                offset_days=-75,
                agenda=("Retours d'expériences de concertation", "Place des conseils citoyens"),
                place="Ressources & Territoires, Toulouse",
                participants=11,
            ),
        ),
        documents=(
            DocumentSpec(
                "Synthèse : nouvelle géographie prioritaire en Occitanie Ouest",
                "synthese-geographie-prioritaire.pdf",
                (
                    "Quartiers entrants, sortants et maintenus ; premières questions pour les "
                    "équipes projet.",
                ),
                folder="Veille",
            ),
            DocumentSpec(
                "Trame de contrat de ville commentée",
                "trame-contrat-de-ville.pdf",
                ("Les rubriques attendues et les points de vigilance relevés par le réseau.",),
                folder="Outils",
            ),
        ),
    ),
    SpaceSpec(
        slug="chefs-de-projet-npnru",
        name="Chef·fe·s de projet renouvellement urbain (NPNRU)",
        description=(
            "Un petit réseau de neuf chef·fe·s de projet qui poursuit le tour des projets NPNRU "
            "de l'Occitanie Ouest, avec une visite sur site à chaque rencontre."
        ),
        kind="collaborative",
        member_count=9,
        animator="solene.cazals",
        profile=_NPNRU,
        network="chefs-de-projet-npnru",
        topics=(
            TopicSpec(
                "Relogement : suivi des ménages",
                (
                    _post(0, "Comment suivez-vous les ménages relogés au-delà de six mois ?"),
                    _post(3, "Enquête de satisfaction à un an, avec le bailleur."),
                    _post(
                        5, "Nous faisons aussi un point avec le CCAS pour les situations fragiles."
                    ),
                ),
                days_ago=33,
            ),
            TopicSpec(
                "Clauses d'insertion : bilan à mi-parcours",
                (
                    _post(
                        2,
                        "Nos clauses d'insertion dépassent l'objectif, mais peu de "
                        "femmes en bénéficient. Des idées ?",
                    ),
                    _post(
                        "animator",
                        "Le sujet a été évoqué lors de la visite à Montauban : "
                        "je vous mets en relation.",
                    ),
                ),
                days_ago=16,
            ),
            TopicSpec(
                "Mémoire des quartiers et participation des habitant·e·s",
                (
                    _post(
                        7,
                        "Avant les démolitions, nous lançons un projet de collecte de "
                        "mémoire. Des prestataires à recommander ?",
                    ),
                    _post(
                        1,
                        "Nous avons travaillé avec une compagnie de théâtre, les "
                        "habitant·e·s ont adoré.",
                    ),
                    _post(7, "Merci !"),
                ),
                days_ago=7,
            ),
        ),
        meetings=(
            MeetingSpec(
                "Visite du projet de Cantepau (Albi)",
                offset_days=-40,
                agenda=(
                    "Présentation du projet",
                    "Visite sur site",
                    "Échanges : relations avec les financeurs",
                ),
                place="Albi, quartier Cantepau",
                participants=7,
            ),
            MeetingSpec(
                "Visite de projet à Tarbes",
                offset_days=55,
                agenda=("Présentation du projet", "Visite sur site", "Relogement"),
                place="Tarbes",
                participants=5,
            ),
        ),
        documents=(
            DocumentSpec(
                "Compte rendu de la visite de Cantepau",
                "compte-rendu-visite-cantepau.txt",
                (
                    "Présentation du projet, visite, échanges sur les relations avec les "
                    "partenaires.",
                ),
                folder="Visites",
            ),
        ),
    ),
    SpaceSpec(
        slug="reseau-esat",
        name="Réseau des acteurs ESAT",
        description=(
            "Les formateur·rice·s et moniteur·rice·s des 34 ESAT de l'Occitanie Ouest "
            "partagent informations, bonnes pratiques et outils pour les savoirs de base en "
            "situation professionnelle."
        ),
        kind="collaborative",
        member_count=34,
        animator="ines.bousquet",
        profile=_ESAT,
        network="esat",
        topics=(
            TopicSpec(
                "Maladie mentale et ateliers d'apprentissage",
                (
                    _post(
                        3,
                        "Plusieurs travailleur·euse·s de notre ESAT ont des troubles "
                        "psychiques. Comment adaptez-vous vos ateliers ?",
                    ),
                    _post(
                        15,
                        "Séances courtes, toujours à la même heure, et un support "
                        "visuel très simple.",
                    ),
                    _post(
                        28,
                        "Nous travaillons avec l'infirmière de l'établissement pour "
                        "ajuster le rythme.",
                    ),
                ),
                days_ago=36,
            ),
            TopicSpec(
                "Savoirs de base et savoirs professionnels",
                (
                    _post(
                        9,
                        "Comment relier les ateliers de lecture aux consignes de "
                        "l'atelier espaces verts ?",
                    ),
                    _post(
                        "animator",
                        "La mallette pédagogique « Apprentissage de la langue et "
                        "illettrisme » contient des fiches sur les consignes de "
                        "sécurité : elle est empruntable.",
                    ),
                    _post(9, "Parfait, je la réserve."),
                ),
                days_ago=20,
            ),
            TopicSpec(
                "Jeux pédagogiques : vos coups de cœur",
                (
                    _post(20, "Quels jeux utilisez-vous pour travailler les compétences clés ?"),
                    _post(
                        4,
                        "Les jeux coopératifs du fonds documentaire de R&T, testés et "
                        "approuvés par nos travailleur·euse·s.",
                    ),
                    _post(31, "Un jeu de cartes sur la monnaie, très efficace pour le calcul."),
                    _post(20, "Merci pour les idées !"),
                ),
                days_ago=10,
            ),
        ),
        meetings=(
            MeetingSpec(
                "Rencontre du réseau ESAT",
                offset_days=33,
                agenda=(
                    "Savoirs de base et savoirs professionnels",
                    "Présentation d'outils",
                    "Visite de l'établissement d'accueil",
                ),
                place="ESAT, Saint-Gaudens",
                participants=8,
            ),
            MeetingSpec(
                "Rencontre du réseau ESAT : maladie mentale",
                offset_days=-65,
                agenda=("La prise en compte de la maladie mentale dans les ateliers",),
                place="Ressources & Territoires, Toulouse",
                participants=7,
            ),
        ),
        documents=(
            DocumentSpec(
                "Sélection d'outils pour les compétences clés",
                "outils-competences-cles.pdf",
                ("Jeux et supports empruntables au centre de ressources.",),
                folder="Outils",
            ),
        ),
    ),
    SpaceSpec(
        slug="echanges-integration-langue",
        name="Échanges de pratiques – Intégration et apprentissage de la langue",
        description=(
            "L'espace privé du dossier « Intégration et apprentissage de la langue » : "
            "formateur·rice·s FLE et FLI, salarié·e·s et bénévoles y échangent leurs pratiques."
        ),
        kind="collaborative",
        member_count=30,
        animator="ines.bousquet",
        profile=_LANGUE,
        dossier="integration-et-apprentissage-de-la-langue",
        topics=(
            TopicSpec(
                "Démarche ECLER : retours d'expérience",
                (
                    _post(
                        2,
                        "Nous avons suivi la formation ECLER (écrire, communiquer, lire, "
                        "exprimer, réfléchir). Qui l'utilise en atelier ?",
                    ),
                    _post(
                        11,
                        "Nous, avec des groupes de niveau hétérogène : ça fonctionne "
                        "très bien sur la partie « réfléchir ».",
                    ),
                    _post(
                        "demo",
                        "Côté politique de la ville, nous cherchons des structures "
                        "qui l'utilisent dans les QPV : puis-je vous contacter ?",
                    ),
                    _post(11, "Bien sûr, par message."),
                ),
                days_ago=28,
            ),
            TopicSpec(
                "Évaluer les progrès des apprenant·e·s peu scolarisé·e·s",
                (
                    _post(
                        5,
                        "Quels outils d'évaluation pour des personnes qui n'ont jamais "
                        "été scolarisées ?",
                    ),
                    _post(
                        "animator",
                        "La session « l'évaluation » du programme de "
                        "professionnalisation y répond ; les supports sont sur "
                        "la plateforme Moodle.",
                    ),
                ),
                days_ago=17,
            ),
            TopicSpec(
                "Français professionnel et code de la route",
                (
                    _post(
                        14,
                        "Des apprenant·e·s veulent préparer le code de la route. Des "
                        "ressources adaptées ?",
                    ),
                    _post(22, "Nous utilisons un lexique illustré, je le dépose ici."),
                    _post(14, "Merci beaucoup !"),
                ),
                days_ago=6,
            ),
        ),
        meetings=(
            MeetingSpec(
                "Échange de pratiques : le jeu en formation linguistique",
                offset_days=40,
                agenda=("Présentation de jeux coopératifs", "Mise en situation", "Échanges"),
                place="Ressources & Territoires, Toulouse",
                participants=9,
            ),
        ),
        documents=(
            DocumentSpec(
                "Lexique illustré du code de la route",
                "lexique-code-de-la-route.pdf",
                ("Vocabulaire de base du code de la route, avec des illustrations à compléter.",),
                folder="Outils",
                uploader=22,
            ),
        ),
    ),
)


def animator(key: str) -> Animator:
    return next(a for a in ANIMATORS if a.key == key)


def space(slug: str) -> SpaceSpec:
    return next(s for s in SPACES if s.slug == slug)


def member_count(spec: SpaceSpec) -> int:
    """Invented members of a space, after the optional demo cap."""
    if MAX_MEMBERS_PER_SPACE is None:
        return spec.member_count
    return min(spec.member_count, MAX_MEMBERS_PER_SPACE)


# Some people belong to two networks, as in real life (a coordinator who is also a PRE
# referent, a city-contract lead who also runs a renewal project or a CLSPD): the first N
# members of the second space are taken from the first.
OVERLAPS = (
    ("coordonnateurs-pre", "referents-pre", 4),
    ("chefs-de-projet-contrats-de-ville", "chefs-de-projet-npnru", 3),
    ("chefs-de-projet-contrats-de-ville", "reseau-peps", 3),
)


def members_by_space() -> dict[str, list[Person]]:
    """The invented members of every space (animators and the demo member excluded).

    The demo member counts as one of the network's members in the spaces it belongs to, so
    those spaces get one invented person fewer. Deterministic.
    """
    taken = {DEMO_MEMBER.email} | {a.email for a in ANIMATORS}
    result: dict[str, list[Person]] = {}
    targets = {target for _source, target, _count in OVERLAPS}
    # Spaces that borrow members come after the spaces they borrow from.
    for spec in sorted(SPACES, key=lambda s: s.slug in targets):
        wanted = member_count(spec) - (1 if spec.slug in DEMO_MEMBER_SPACES else 0)
        shared: list[Person] = []
        for source, target, count in OVERLAPS:
            if target == spec.slug and source in result:
                shared.extend(p for p in result[source][:count] if p not in shared)
        fresh = generate_people(spec.slug, max(wanted - len(shared), 0), spec.profile, taken)
        result[spec.slug] = (shared + fresh)[:wanted]
    return {spec.slug: result[spec.slug] for spec in SPACES}


def author_person(spec: SpaceSpec, author: Author, members: list[Person]) -> Person:
    """The person behind a post or document author reference."""
    if author == "animator":
        return animator(spec.animator).as_person()
    if author == "demo":
        return DEMO_MEMBER
    # Modulo keeps references valid when MAX_MEMBERS_PER_SPACE caps the member list.
    return members[author % len(members)]
