"""Themes, territories and networks of the demo, as the activity reports name them.

Sources:
- Themes: 2023 report, "En pratique, R&T intervient sur les 6 champs suivants" and the six
  "Présentation ... l'activité 2023" chapters (sub-themes come from what each chapter covers,
  completed by the 2017 "Cadre d'intervention" and the blog's rubrics of "L'actualité des
  Territoires").
- Territories: the départements of Occitanie; the EPCI and communes named in both reports
  (2017 "Les adhérents", "Les Territoires accompagnés", "Tableaux de bord"; 2023 accompaniment
  chapters, the NPNRU network's site visits, the crime observatory). Codes: INSEE for the region,
  départements and communes, SIREN for EPCI; left empty where we are not sure of them.
- Networks: 2023 report, "développement et animation de réseaux" of each chapter (member counts,
  meetings and participations of 2023), and the 2017 table "29 jours de rencontres,
  282 participant·e·s pour l'ensemble des réseaux" (meetings and participations of 2017).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SubTheme:
    slug: str
    name: str


@dataclass(frozen=True)
class Theme:
    slug: str
    name: str
    description: str
    # Placeholder images of the theme are drawn in this colour (hex RGB).
    colour: str
    subthemes: tuple[SubTheme, ...]


@dataclass(frozen=True)
class Territory:
    slug: str
    name: str
    kind: str  # one of TERRITORY_KINDS
    # INSEE code (region, département, commune) or SIREN (EPCI); "" when not known for sure.
    code: str = ""
    parent: str | None = None  # slug of the parent territory


@dataclass(frozen=True)
class NetworkActivity:
    """Meetings ("rencontres") and participations of one network over one year."""

    year: int
    meetings: int
    participations: int | None  # None where the report does not count them


@dataclass(frozen=True)
class Network:
    slug: str
    name: str
    acronym: str
    audience: str
    description: str
    # Members as the 2023 report counts them; None for networks only the 2017 report names.
    member_count: int | None
    # What the count counts: "membres", or "structures" for the ESAT network.
    member_unit: str = "membres"
    since: int | None = None
    themes: tuple[str, ...] = ()
    territory: str = "occitanie"
    subjects: tuple[str, ...] = ()
    activity: tuple[NetworkActivity, ...] = ()
    # Slug of the extranet space of the network (extranet/demo/content.py), if it has one.
    space_slug: str | None = None
    active: bool = True
    extra: dict = field(default_factory=dict)


# --- Themes: the six fields of intervention of 2023 (exact names of the 2023 report) -------

THEMES: tuple[Theme, ...] = (
    Theme(
        slug="politique-de-la-ville",
        name="Politiques territoriales et politique de la ville",
        description=(
            "La politique de la ville rassemble, pour un territoire déterminé par la géographie "
            "prioritaire, l'ensemble des politiques publiques, à la fois territoriales et "
            "étatiques. R&T accompagne l'élaboration des contrats de ville « Engagements "
            "Quartiers 2030 » et anime les réseaux des chef·fe·s de projet."
        ),
        colour="#1f5c99",
        subthemes=(
            SubTheme("contrats-de-ville", "Contrats de ville « Engagements Quartiers 2030 »"),
            SubTheme("concertation-citoyenne", "Concertation citoyenne et conseils citoyens"),
            SubTheme("renouvellement-urbain", "Renouvellement urbain (NPNRU)"),
            SubTheme("gestion-urbaine-de-proximite", "Gestion urbaine de proximité (GUP)"),
            SubTheme("geographie-prioritaire", "Géographie prioritaire et QPV"),
            SubTheme("evaluation", "Évaluation des contrats de ville"),
            SubTheme("habitat-cadre-de-vie", "Habitat et cadre de vie"),
            SubTheme("emploi-developpement-economique", "Emploi et développement économique"),
        ),
    ),
    Theme(
        slug="education",
        name="Éducation",
        description=(
            "L'éducation est une mission partagée entre parents, enseignant·e·s, animateur·rice·s, "
            "éducateur·rice·s, associations et collectivités. R&T anime les réseaux de la "
            "réussite éducative et accompagne les collectivités sur le champ périscolaire."
        ),
        colour="#2e8540",
        subthemes=(
            SubTheme("reussite-educative", "Programme de réussite éducative (PRE)"),
            SubTheme("decrochage-scolaire", "Décrochage scolaire"),
            SubTheme("periscolaire", "Périscolaire"),
            SubTheme("parentalite", "Parentalité et relation parents-école"),
            SubTheme("protection-de-l-enfance", "Protection de l'enfance et harcèlement"),
            SubTheme("pedagogies", "Pédagogies coopératives et discipline positive"),
        ),
    ),
    Theme(
        slug="securite-prevention",
        name="Sécurité, prévention de la délinquance et de la radicalisation",
        description=(
            "Thématique historique de R&T, avec une mission d'observation de la délinquance "
            "depuis 2008 et, depuis 2015, la prévention de la radicalisation. L'accompagnement "
            "des CLSPD/CISPD reste l'axe majeur d'intervention."
        ),
        colour="#8a1538",
        subthemes=(
            SubTheme("clspd-cispd", "CLSPD / CISPD"),
            SubTheme("prevention-jeunesse", "Prévention jeunesse"),
            SubTheme("prevention-radicalisation", "Prévention de la radicalisation"),
            SubTheme("observation-delinquance", "Observation de la délinquance"),
            SubTheme("tranquillite-publique", "Tranquillité publique et sentiment d'insécurité"),
            SubTheme("derives-sectaires", "Dérives sectaires et complotisme"),
        ),
    ),
    Theme(
        slug="illettrisme-savoirs-de-base",
        name="Illettrisme, savoirs de base et intégration par la langue",
        description=(
            "La maîtrise de la langue française est un facteur d'exclusion majeur. R&T "
            "accompagne et professionnalise les acteurs et actrices de l'intégration et de "
            "l'insertion professionnelle et met à disposition un fonds de ressources spécialisées."
        ),
        colour="#b35900",
        subthemes=(
            SubTheme("fle-fli", "Français langue étrangère / d'intégration (FLE, FLI)"),
            SubTheme("ateliers-socio-linguistiques", "Ateliers socio-linguistiques"),
            SubTheme("illectronisme", "Illectronisme"),
            SubTheme(
                "savoirs-de-base-professionnels", "Savoirs de base en situation professionnelle"
            ),
            SubTheme("jnai", "Journées nationales d'action contre l'illettrisme"),
        ),
    ),
    Theme(
        slug="pauvrete",
        name="Prévention et lutte contre la pauvreté",
        description=(
            "La Stratégie nationale de prévention et de lutte contre la pauvreté est appliquée "
            "en région par un Commissaire placé auprès du Préfet de région. R&T l'appuie pour "
            "la mise en réseau des acteur·rice·s, la communication et la mesure de l'impact social."
        ),
        colour="#5b3f8c",
        subthemes=(
            SubTheme("pacte-des-solidarites", "Pacte des solidarités"),
            SubTheme("impact-social", "Impact social"),
            SubTheme("acces-aux-droits", "Accès aux droits et premier accueil social"),
        ),
    ),
    Theme(
        slug="egalite-non-discrimination",
        name="Politiques d'égalité et non-discrimination",
        description=(
            "Politiques transversales qui mobilisent peu de financements dédiés. La laïcité y est "
            "la thématique la plus développée, à travers le plan national de formation Valeurs de "
            "la République et laïcité (VRL) que R&T co-anime en région."
        ),
        colour="#007c89",
        subthemes=(
            SubTheme("valeurs-republique-laicite", "Valeurs de la République et laïcité"),
            SubTheme("lutte-contre-les-discriminations", "Lutte contre les discriminations"),
            SubTheme("egalite-femmes-hommes", "Égalité femmes-hommes"),
        ),
    ),
)

THEME_SLUGS = frozenset(theme.slug for theme in THEMES)


# --- Territories ------------------------------------------------------------------------------

TERRITORY_KINDS = ("region", "departement", "epci", "commune")

_REGION = (Territory("occitanie", "Occitanie", "region", "76"),)

# The 13 départements of Occitanie with their INSEE codes.
_DEPARTEMENTS = tuple(
    Territory(slug, name, "departement", code, "occitanie")
    for code, slug, name in (
        ("09", "ariege", "Ariège"),
        ("11", "aude", "Aude"),
        ("12", "aveyron", "Aveyron"),
        ("30", "gard", "Gard"),
        ("31", "haute-garonne", "Haute-Garonne"),
        ("32", "gers", "Gers"),
        ("34", "herault", "Hérault"),
        ("46", "lot", "Lot"),
        ("48", "lozere", "Lozère"),
        ("65", "hautes-pyrenees", "Hautes-Pyrénées"),
        ("66", "pyrenees-orientales", "Pyrénées-Orientales"),
        ("81", "tarn", "Tarn"),
        ("82", "tarn-et-garonne", "Tarn-et-Garonne"),
    )
)

# Intercommunalities named in the reports. SIREN only where checked.
_EPCI = (
    Territory("toulouse-metropole", "Toulouse Métropole", "epci", "243100518", "haute-garonne"),
    Territory(
        "sicoval", "Communauté d'agglomération du Sicoval", "epci", "243100633", "haute-garonne"
    ),
    Territory("muretain-agglo", "Le Muretain Agglo", "epci", "200068641", "haute-garonne"),
    Territory(
        "coeur-et-coteaux-du-comminges",
        "Communauté de communes Cœur et Coteaux du Comminges",
        "epci",
        "200072643",
        "haute-garonne",
    ),
    Territory(
        "grand-auch-coeur-de-gascogne",
        "Communauté d'agglomération Grand Auch Cœur de Gascogne",
        "epci",
        "",
        "gers",
    ),
    Territory(
        "gaillac-graulhet", "Communauté d'agglomération Gaillac-Graulhet", "epci", "", "tarn"
    ),
    Territory("albigeois", "Communauté d'agglomération de l'Albigeois", "epci", "", "tarn"),
    Territory(
        "castres-mazamet", "Communauté d'agglomération de Castres-Mazamet", "epci", "", "tarn"
    ),
    Territory("carmausin-segala", "Communauté de communes Carmausin-Ségala", "epci", "", "tarn"),
    Territory(
        "pays-foix-varilhes", "Communauté d'agglomération Pays Foix-Varilhes", "epci", "", "ariege"
    ),
    Territory(
        "couserans-pyrenees",
        "Communauté de communes Couserans-Pyrénées",
        "epci",
        "200067940",
        "ariege",
    ),
    Territory("pays-d-olmes", "Communauté de communes du Pays d'Olmes", "epci", "", "ariege"),
    Territory(
        "portes-d-ariege-pyrenees",
        "Communauté de communes Portes d'Ariège Pyrénées",
        "epci",
        "",
        "ariege",
    ),
    Territory("rodez-agglomeration", "Rodez Agglomération", "epci", "", "aveyron"),
    Territory("decazeville-communaute", "Decazeville Communauté", "epci", "", "aveyron"),
    Territory(
        "grand-montauban",
        "Communauté d'agglomération du Grand Montauban",
        "epci",
        "",
        "tarn-et-garonne",
    ),
    Territory("grand-cahors", "Communauté d'agglomération du Grand Cahors", "epci", "", "lot"),
    Territory(
        "tarbes-lourdes-pyrenees",
        "Communauté d'agglomération Tarbes-Lourdes-Pyrénées",
        "epci",
        "200069300",
        "hautes-pyrenees",
    ),
)

# Communes named in the reports; parent is their EPCI when the reports name it, else the
# département.
_COMMUNES = tuple(
    Territory(slug, name, "commune", code, parent)
    for code, slug, name, parent in (
        ("31555", "toulouse", "Toulouse", "toulouse-metropole"),
        ("31069", "blagnac", "Blagnac", "toulouse-metropole"),
        ("31149", "colomiers", "Colomiers", "toulouse-metropole"),
        ("31557", "tournefeuille", "Tournefeuille", "toulouse-metropole"),
        ("31150", "cornebarrieu", "Cornebarrieu", "toulouse-metropole"),
        ("31506", "saint-orens-de-gameville", "Saint-Orens-de-Gameville", "toulouse-metropole"),
        ("31446", "ramonville-saint-agne", "Ramonville-Saint-Agne", "sicoval"),
        ("31254", "labege", "Labège", "sicoval"),
        ("31169", "escalquens", "Escalquens", "sicoval"),
        ("31187", "fonsorbes", "Fonsorbes", "haute-garonne"),
        ("31424", "plaisance-du-touch", "Plaisance-du-Touch", "haute-garonne"),
        ("31033", "auterive", "Auterive", "haute-garonne"),
        ("31483", "saint-gaudens", "Saint-Gaudens", "coeur-et-coteaux-du-comminges"),
        ("32013", "auch", "Auch", "grand-auch-coeur-de-gascogne"),
        ("81004", "albi", "Albi", "albigeois"),
        ("81099", "gaillac", "Gaillac", "gaillac-graulhet"),
        ("81105", "graulhet", "Graulhet", "gaillac-graulhet"),
        ("81065", "castres", "Castres", "castres-mazamet"),
        ("81163", "mazamet", "Mazamet", "castres-mazamet"),
        ("81060", "carmaux", "Carmaux", "carmausin-segala"),
        ("09122", "foix", "Foix", "pays-foix-varilhes"),
        ("09261", "saint-girons", "Saint-Girons", "couserans-pyrenees"),
        ("09160", "lavelanet", "Lavelanet", "pays-d-olmes"),
        ("12202", "rodez", "Rodez", "rodez-agglomeration"),
        ("12089", "decazeville", "Decazeville", "decazeville-communaute"),
        ("12300", "villefranche-de-rouergue", "Villefranche-de-Rouergue", "aveyron"),
        ("12145", "millau", "Millau", "aveyron"),
        ("82121", "montauban", "Montauban", "grand-montauban"),
        ("82112", "moissac", "Moissac", "tarn-et-garonne"),
        ("46042", "cahors", "Cahors", "grand-cahors"),
        ("46102", "figeac", "Figeac", "lot"),
        ("65440", "tarbes", "Tarbes", "tarbes-lourdes-pyrenees"),
        ("65286", "lourdes", "Lourdes", "tarbes-lourdes-pyrenees"),
        ("11262", "narbonne", "Narbonne", "aude"),
        ("34172", "montpellier", "Montpellier", "herault"),
    )
)

# Parents always come before their children, so a seeder can create them in this order.
TERRITORIES: tuple[Territory, ...] = _REGION + _DEPARTEMENTS + _EPCI + _COMMUNES
TERRITORY_SLUGS = frozenset(territory.slug for territory in TERRITORIES)

# Priority neighbourhoods (QPV) the reports name, for body text; not a taxonomy level.
NEIGHBOURHOODS = {
    "auch": ("Grand Garros",),
    "montauban": ("Médiathèque / Chambord",),
    "foix": ("Centre ancien",),
    "albi": ("Cantepau",),
    "toulouse": ("Reynerie", "Grand Mirail", "Montaudran"),
    "saint-girons": ("Quartier prioritaire de Saint-Girons",),
}


# --- Networks ---------------------------------------------------------------------------------

NETWORKS: tuple[Network, ...] = (
    Network(
        slug="vrl-occitanie",
        name="Réseau régional Valeurs de la République et laïcité (VRL Occitanie)",
        acronym="VRL",
        audience=(
            "Formateur·rice·s habilité·e·s du plan VRL et référent·e·s départementaux, "
            "agent·e·s de l'État, de toute l'Occitanie"
        ),
        description=(
            "R&T co-anime en région le plan national de formation Valeurs de la République et "
            "laïcité auprès de la DREETS Occitanie : coordination régionale, animation du "
            "réseau, professionnalisation des formateur·rice·s, appui aux départements et "
            "administration du site VRL Occitanie, lancé le 13 juin 2023."
        ),
        member_count=250,
        since=2015,
        themes=("egalite-non-discrimination",),
        subjects=(
            "Questions juridiques : obligation de formation à la laïcité des agent·e·s publics, "
            "référent·e·s laïcité",
            "Questions pédagogiques : animation des formations, kit 1 jour",
            "Actualités juridiques et évènementielles, nationales et locales",
            "Difficultés pédagogiques rencontrées et posture du·de la formateur·rice",
        ),
        activity=(NetworkActivity(2017, 4, 36), NetworkActivity(2023, 12, None)),
        space_slug="forum-vrl-occitanie",
        extra={
            "forum_posts_2023": 179,
            "regional_meetings_2023": 3,
            "departmental_meetings_2023": 9,
        },
    ),
    Network(
        slug="coordonnateurs-pre",
        name="Réseau des coordonnateur·rice·s des Programmes de réussite éducative",
        acronym="PRE",
        audience="Coordonnateur·rice·s des Programmes de réussite éducative (PRE)",
        description=(
            "Débuté en 2012, le réseau accueille chaque année de nouveaux·elles "
            "coordonnateur·rice·s. Rencontres trimestrielles, veille informative mensuelle et "
            "lettre d'infos interne au réseau."
        ),
        member_count=40,
        since=2012,
        themes=("education", "politique-de-la-ville"),
        subjects=(
            "La nouvelle contractualisation de la politique de la ville",
            "Les nouvelles lois de la protection de l'enfance, la lutte contre le harcèlement",
            "Le pacte des solidarités et les articulations avec la CTG et la COG de la CAF",
            "Quelle place du droit commun dans le PRE ?",
        ),
        activity=(NetworkActivity(2017, 5, 46), NetworkActivity(2023, 3, 26)),
        space_slug="coordonnateurs-pre",
    ),
    Network(
        slug="referents-pre",
        name="Réseau des référent·e·s des Programmes de réussite éducative",
        acronym="PRE",
        audience="Référent·e·s de parcours des Programmes de réussite éducative",
        description=(
            "Initié fin 2022, le réseau a pris pleinement son rythme en 2023 : échanges sur les "
            "pratiques professionnelles, informations partagées, veille informative mensuelle."
        ),
        member_count=39,
        since=2022,
        themes=("education",),
        subjects=(
            "L'accompagnement différencié selon l'âge des enfants",
            "Les limites à l'accompagnement du PRE",
            "La place et le rôle des parents dans l'accompagnement des enfants",
            "La durée des parcours",
        ),
        activity=(NetworkActivity(2023, 4, 53),),
        space_slug="referents-pre",
    ),
    Network(
        slug="peps",
        name="Réseau Prévention et politiques de sécurité (PEP'S)",
        acronym="PEP'S",
        audience="Coordonnateur·rice·s des CLSPD/CISPD de l'Occitanie Ouest",
        description=(
            "Depuis 2011, le réseau PEP'S met en relation les coordonnateur·rice·s des "
            "CLSPD/CISPD de l'Occitanie Ouest. Il est né du constat d'un relatif isolement au sein "
            "de leur territoire et d'un besoin d'échanges entre professionnel·le·s de la "
            "prévention de la délinquance. En 2023, 29 de ses 40 membres sont agent·e·s de "
            "collectivités en politique de la ville."
        ),
        member_count=40,
        since=2011,
        themes=("securite-prevention",),
        subjects=(
            "La prévention santé",
            "Les dérives sectaires",
            "Le complotisme",
            "Marginalité et tranquillité publique",
            "Les relations forces de sécurité / population",
        ),
        activity=(NetworkActivity(2017, 3, 25), NetworkActivity(2023, 5, 66)),
        space_slug="reseau-peps",
    ),
    Network(
        slug="chefs-de-projet-contrats-de-ville",
        name="Réseau des chef·fe·s de projet et chargé·e·s de mission des contrats de ville",
        acronym="CDV",
        audience="Chef·fe·s de projet et chargé·e·s de mission des contrats de ville",
        description=(
            "Initié en 2012, le réseau a accompagné en 2023 l'élaboration des contrats de ville "
            "« Engagements Quartiers 2030 » : méthodologie, gouvernance, thématiques "
            "d'intervention et concertation citoyenne."
        ),
        member_count=47,
        since=2012,
        themes=("politique-de-la-ville",),
        subjects=(
            "La mise en place du contrat de ville : méthodologie, gouvernance, thématiques",
            "La concertation citoyenne",
            "Les délais d'élaboration des contrats",
            "L'évaluation des contrats de ville",
        ),
        activity=(NetworkActivity(2017, 3, 29), NetworkActivity(2023, 4, 42)),
        space_slug="chefs-de-projet-contrats-de-ville",
    ),
    Network(
        slug="chefs-de-projet-npnru",
        name="Réseau des chef·fe·s de projet renouvellement urbain (NPNRU)",
        acronym="NPNRU",
        audience="Chef·fe·s de projet du Nouveau programme national de renouvellement urbain",
        description=(
            "Peu de territoires ayant été retenus au titre du NPNRU en Occitanie Ouest, le réseau "
            "réunit un nombre restreint de professionnel·le·s, qui poursuivent le tour des projets "
            "avec une visite sur site à chaque rencontre."
        ),
        member_count=9,
        since=2022,
        themes=("politique-de-la-ville",),
        subjects=(
            "Les relations avec les partenaires, financeurs et prestataires",
            "La participation des habitant·e·s",
            "La mémoire des quartiers",
            "Les clauses d'insertion",
            "Le relogement",
        ),
        activity=(NetworkActivity(2023, 3, 21),),
        space_slug="chefs-de-projet-npnru",
    ),
    Network(
        slug="esat",
        name="Réseau des acteurs ESAT",
        acronym="ESAT",
        audience=(
            "Formateur·rice·s et moniteur·rice·s des Établissements et services d'aide par le "
            "travail de l'Occitanie Ouest"
        ),
        description=(
            "Le réseau regroupe les formateur·rice·s et moniteur·rice·s des 34 structures de "
            "l'Occitanie Ouest : partage d'informations, échange de bonnes pratiques et "
            "professionnalisation entre pairs."
        ),
        member_count=34,
        member_unit="structures",
        themes=("illettrisme-savoirs-de-base",),
        subjects=(
            "La prise en compte de la maladie mentale dans l'animation des ateliers "
            "d'apprentissage",
            "Méthodes et outils pour développer les compétences clés",
            "La relation entre les savoirs de base et les savoirs professionnels",
        ),
        activity=(NetworkActivity(2017, 4, 76), NetworkActivity(2023, 3, 20)),
        space_slug="reseau-esat",
    ),
    # Networks the 2017 report lists without member counts; no longer animated in 2023.
    Network(
        slug="animateurs-conseils-citoyens",
        name="Réseau des animateur·rice·s des conseils citoyens",
        acronym="CC",
        audience="Animateur·rice·s des conseils citoyens",
        description="Échanges sur la mobilisation des conseils citoyens et les outils d'animation.",
        member_count=None,
        themes=("politique-de-la-ville",),
        subjects=(
            "La circulaire du 2 février 2017 relative aux conseils citoyens",
            "Mobiliser les jeunes en lien avec les conseils citoyens",
            "Méthodes et outils d'animation",
        ),
        activity=(NetworkActivity(2017, 3, 17),),
        active=False,
    ),
    Network(
        slug="formateurs-fle-fli",
        name="Réseau des formateur·rice·s FLE / FLI",
        acronym="FLE-FLI",
        audience="Formateur·rice·s en français langue étrangère et langue d'intégration",
        description="Information sur la politique d'intégration, méthodes et outils.",
        member_count=None,
        themes=("illettrisme-savoirs-de-base",),
        subjects=(
            "Information sur la politique d'intégration",
            "Méthodes et outils pour des publics peu ou pas scolarisés",
            "Le suivi des parcours linguistiques",
        ),
        activity=(NetworkActivity(2017, 4, 34),),
        active=False,
    ),
    Network(
        slug="acteurs-decrochage-scolaire",
        name="Réseau des acteurs de la lutte contre le décrochage scolaire",
        acronym="DS",
        audience="Professionnel·le·s de la prévention et de la lutte contre le décrochage scolaire",
        description=(
            "Rencontres du projet « Réduction et prévention du décrochage scolaire en "
            "Midi-Pyrénées », à l'origine du 7e Dossier R&T."
        ),
        member_count=None,
        themes=("education",),
        subjects=(
            "Jeunes : quels parcours, quels accompagnements ?",
            "L'orientation professionnelle des jeunes",
            "Les publics allophones",
            "La place de la famille",
        ),
        activity=(NetworkActivity(2017, 3, 19),),
        active=False,
    ),
)

NETWORK_SLUGS = frozenset(network.slug for network in NETWORKS)


def theme(slug: str) -> Theme:
    return next(t for t in THEMES if t.slug == slug)


def territory(slug: str) -> Territory:
    return next(t for t in TERRITORIES if t.slug == slug)


def network(slug: str) -> Network:
    return next(n for n in NETWORKS if n.slug == slug)
