"""The ten web dossiers of 2023 and their eight press panoramas.

Source: 2023 report, "Capitaliser et produire / Les dossiers web": "Ces dossiers ont pour objectif
de présenter un sujet d'actualité, d'alimenter les acteur·rice·s en ressources de manière
continue. Chacun de ces dossiers comprend une rubrique actualités sous forme de panorama de
presse dédié" — "10 dossiers / 8 panoramas de presse", followed by the list of the ten titles
(the PDF extraction replaced the last letter of some titles by a glyph; they are restored here:
"Discriminations", "Pacte des Solidarités", "délinquance", "ville", "scolaire", "illettrisme",
"langue"). The intros summarise the matching chapter of the 2023 report. The 2017 report
("Les Dossiers Théma et les plateformes collaboratives") adds that a dossier may offer "un
espace privé aux acteurs souhaitant l'utiliser pour échanger des pratiques": the language
dossier is linked to such an extranet space.

Which two dossiers have no panorama is not said by the report: we chose the VRL dossier (the
network has its own site, VRL Occitanie) and the women's rights dossier.

PRESS ITEMS ARE ILLUSTRATIVE: the report gives neither outlets nor articles. Outlet names below
are invented, titles are written from events the reports mention, and every URL is on the
reserved example.org domain.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .blocks import Block, call_to_action, heading, key_figures, rich_text


@dataclass(frozen=True)
class PressItem:
    title: str
    outlet: str
    published_on: date
    excerpt: str
    theme: str  # theme slug (taxonomy.THEMES)

    @property
    def url(self) -> str:
        """A stable URL on the reserved example.org domain (items are illustrative)."""
        return (
            f"https://www.example.org/presse/{_slug(self.outlet)}/"
            f"{self.published_on:%Y/%m}/{_slug(self.title)[:60].rstrip('-')}"
        )


@dataclass(frozen=True)
class Panorama:
    slug: str
    title: str
    published_on: date
    intro: str
    items: tuple[PressItem, ...]


@dataclass(frozen=True)
class Resource:
    title: str
    url: str
    description: str


@dataclass(frozen=True)
class Dossier:
    slug: str
    title: str
    intro: str
    themes: tuple[str, ...]
    body: tuple[Block, ...]
    resources: tuple[Resource, ...] = ()
    territories: tuple[str, ...] = ("occitanie",)
    panorama: Panorama | None = None
    # Slug of the private extranet space for exchanging practices (extranet/demo/content.py).
    exchange_space: str | None = None
    # The report does not date the dossiers; 2023 dates are chosen for sorting.
    published_on: date = date(2023, 3, 6)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


# Invented outlets (ILLUSTRATIVE, not real newspapers).
_ECHO = "L'Écho des territoires"
_GARONNE = "Garonne Infos"
_GERS = "Le Courrier du Gers"
_TARN = "Tarn Hebdo"
_QUARTIERS = "Quartiers Mag"
_COHESION = "La Lettre de la cohésion sociale"
_ARIEGE = "Ariège Matin"
_AVEYRON = "Aveyron Actu"
_EDUC = "Le Fil éducatif"
_SOLIDAIRE = "Canal Solidarités"


def _item(outlet, day, title, excerpt, theme):
    return PressItem(title, outlet, day, excerpt, theme)


DOSSIERS: tuple[Dossier, ...] = (
    Dossier(
        slug="discriminations",
        title="Discriminations",
        themes=("egalite-non-discrimination",),
        territories=("occitanie", "grand-auch-coeur-de-gascogne"),
        intro=(
            "Malgré les chiffres et les rapports démontrant une recrudescence des inégalités et "
            "une forte hausse des discriminations, les moyens alloués restent faibles. Ce "
            "dossier rassemble ressources, actualités et retours d'expérience pour outiller les "
            "acteur·rice·s de la lutte contre les discriminations."
        ),
        body=(
            heading("Des plans territoriaux de lutte contre les discriminations"),
            rich_text(
                "<p>Depuis le plan territorial de lutte contre les discriminations (PTLCD) de "
                "2020, R&amp;T accompagne la communauté d'agglomération Grand Auch Cœur de "
                "Gascogne. Le 28 septembre 2023, une journée évènement a réuni plus de 100 "
                "participant·e·s sur le quartier du Grand Garros, en présence de la Défenseure "
                "des droits.</p>"
            ),
            rich_text(
                "<p>Sept sessions de formation sur les discriminations ont été proposées lors des "
                "réunions départementales du plan VRL, en présence du Défenseur des droits.</p>"
            ),
        ),
        panorama=Panorama(
            slug="panorama-discriminations",
            title="Panorama de presse : discriminations",
            published_on=date(2023, 10, 2),
            intro="Une sélection d'articles sur la lutte contre les discriminations.",
            items=(
                _item(
                    _GERS,
                    date(2023, 9, 29),
                    "Au Grand Garros, une journée pour parler discriminations",
                    "Habitant·e·s, associations et services publics ont échangé avec la "
                    "Défenseure des droits sur les discriminations vécues dans le quartier.",
                    "egalite-non-discrimination",
                ),
                _item(
                    _COHESION,
                    date(2023, 9, 12),
                    "Contrats de ville : la lutte contre les discriminations en question",
                    "Faut-il un volet dédié dans les futurs contrats « Quartiers 2030 » ? Des "
                    "chef·fe·s de projet témoignent.",
                    "egalite-non-discrimination",
                ),
                _item(
                    _ECHO,
                    date(2023, 6, 20),
                    "Discriminations à l'embauche : les testings se multiplient",
                    "Plusieurs collectivités d'Occitanie s'engagent dans des opérations de "
                    "test pour objectiver les discriminations.",
                    "egalite-non-discrimination",
                ),
                _item(
                    _QUARTIERS,
                    date(2023, 3, 21),
                    "21 mars : les quartiers se mobilisent contre le racisme",
                    "Retour sur les initiatives locales de la journée internationale pour "
                    "l'élimination de la discrimination raciale.",
                    "egalite-non-discrimination",
                ),
            ),
        ),
    ),
    Dossier(
        slug="strategie-pauvrete-pacte-des-solidarites",
        published_on=date(2023, 10, 2),
        title="Stratégie Pauvreté et Pacte des Solidarités",
        themes=("pauvrete",),
        intro=(
            "La Stratégie nationale de prévention et de lutte contre la pauvreté, inaugurée en "
            "2018, est appliquée en région par un Commissaire placé auprès du Préfet de région. "
            "Depuis octobre 2022, R&T l'appuie pour la mise en réseau des acteur·rice·s, la "
            "communication de la stratégie régionale et la mesure de l'impact social."
        ),
        body=(
            heading("Trois missions en 2023"),
            rich_text(
                "<ul><li>Mission d'appui au Commissaire : cartographie des actions, annuaire "
                "des acteur·rice·s, co-organisation de cinq journées d'études ;</li>"
                "<li>Mission « impact social » : vademecum, deux ateliers à la conférence "
                "régionale du 25 mai 2023, webinaire du 13 décembre ;</li>"
                "<li>Mission « analyse de bilans d'actions », remaniée et poursuivie en "
                "2024.</li></ul>"
            ),
            key_figures(
                "En bref",
                [
                    ("5", "journées d'études co-organisées"),
                    ("70", "participant·e·s au webinaire impact social"),
                    ("1", "lettre d'information bimestrielle"),
                ],
            ),
            call_to_action(
                "Vademecum sur l'impact social",
                "Une première lecture simplifiée de la mesure d'impact social.",
                "Consulter le vademecum",
                page="vademecum-impact-social",
            ),
        ),
        resources=(
            Resource(
                "La gouvernance de la Stratégie pauvreté en Occitanie",
                "https://www.prefectures-regions.gouv.fr/occitanie/Region-et-institutions/"
                "L-action-de-l-Etat/Strategie-de-Prevention-et-de-Lutte-Contre-la-Pauvrete/"
                "La-Gouvernance",
                "Le site de la préfecture de région présente la stratégie régionale.",
            ),
        ),
        panorama=Panorama(
            slug="panorama-pauvrete",
            title="Panorama de presse : pauvreté et solidarités",
            published_on=date(2023, 12, 15),
            intro=(
                "R&T a créé un panorama de presse pour donner à voir une veille quotidienne sur "
                "l'actualité liée à la pauvreté et la rendre accessible à tou·te·s."
            ),
            items=(
                _item(
                    _SOLIDAIRE,
                    date(2023, 9, 18),
                    "Le Pacte des solidarités succède à la Stratégie pauvreté",
                    "Prévention, insertion, lutte contre la grande exclusion, transition "
                    "écologique solidaire : les quatre axes du nouveau pacte.",
                    "pauvrete",
                ),
                _item(
                    _ECHO,
                    date(2023, 5, 26),
                    "Conférence régionale : les acteurs de la lutte contre la pauvreté réunis",
                    "Associations, départements et services de l'État ont fait le point sur "
                    "les actions financées en Occitanie.",
                    "pauvrete",
                ),
                _item(
                    _GARONNE,
                    date(2023, 10, 17),
                    "Journée mondiale du refus de la misère : les associations alertent",
                    "À Toulouse, les associations de solidarité constatent une hausse de la "
                    "fréquentation de leurs permanences.",
                    "pauvrete",
                ),
                _item(
                    _COHESION,
                    date(2023, 12, 14),
                    "Mesurer l'impact social, mode d'emploi pour les porteurs de projet",
                    "Un webinaire régional a présenté la démarche nationale d'évaluation de "
                    "l'impact social des actions financées.",
                    "pauvrete",
                ),
                _item(
                    _AVEYRON,
                    date(2023, 11, 8),
                    "Premier accueil social inconditionnel : un guichet près de chez soi",
                    "Le département déploie les lieux de premier accueil social "
                    "inconditionnel de proximité.",
                    "pauvrete",
                ),
            ),
        ),
    ),
    Dossier(
        slug="prevention-de-la-radicalisation",
        title="Prévention de la radicalisation",
        themes=("securite-prevention",),
        territories=("occitanie", "pyrenees-orientales"),
        intro=(
            "À partir de 2015, suite aux nombreuses sollicitations des territoires, R&T a élargi "
            "son action à la prévention de la radicalisation : sensibilisation des acteur·rice·s, "
            "annexes « prévention de la radicalisation » des contrats de ville, conférences."
        ),
        body=(
            heading("Sensibiliser les acteur·rice·s des Pyrénées-Orientales"),
            rich_text(
                "<p>R&amp;T accompagne la Préfecture des Pyrénées-Orientales dans son plan de "
                "sensibilisation : un webinaire à destination des acteur·rice·s du monde "
                "médical avec le Centre de ressources régional en santé mentale (CRESAM), une "
                "sensibilisation des élu·e·s locaux et la recherche d'intervenant·e·s pour les "
                "séjours de cohésion du Service national universel (SNU) 2023.</p>"
            ),
        ),
        panorama=Panorama(
            slug="panorama-radicalisation",
            title="Panorama de presse : prévention de la radicalisation",
            published_on=date(2023, 9, 4),
            intro="L'actualité de la prévention de la radicalisation.",
            items=(
                _item(
                    _ECHO,
                    date(2023, 6, 8),
                    "Radicalisation : les soignant·e·s en première ligne",
                    "Un webinaire a réuni professionnel·le·s de santé et de santé mentale "
                    "autour du repérage des processus de radicalisation.",
                    "securite-prevention",
                ),
                _item(
                    _COHESION,
                    date(2023, 4, 3),
                    "Élu·e·s locaux : comment prévenir la radicalisation ?",
                    "Un chercheur a présenté aux maires les leviers de la prévention à "
                    "l'échelle communale.",
                    "securite-prevention",
                ),
                _item(
                    _GARONNE,
                    date(2023, 2, 15),
                    "Radicalisation en ligne : les promeneurs du net au rendez-vous",
                    "Des animateur·rice·s assurent une présence éducative sur les réseaux sociaux.",
                    "securite-prevention",
                ),
                _item(
                    _QUARTIERS,
                    date(2023, 7, 10),
                    "SNU : des intervenant·e·s pour parler citoyenneté",
                    "Les séjours de cohésion font appel à des associations locales.",
                    "securite-prevention",
                ),
            ),
        ),
    ),
    Dossier(
        slug="securite-prevention-de-la-delinquance",
        title="Sécurité et prévention de la délinquance",
        themes=("securite-prevention",),
        territories=(
            "occitanie",
            "couserans-pyrenees",
            "sicoval",
            "villefranche-de-rouergue",
            "toulouse-metropole",
        ),
        intro=(
            "L'accompagnement des CLSPD/CISPD reste l'axe majeur d'intervention de R&T : "
            "diagnostics partagés, plans d'action, règlements intérieurs. L'observatoire de la "
            "délinquance produit, depuis 2008, tableaux de bord et cartographies pour Toulouse "
            "Métropole et ses communes."
        ),
        body=(
            key_figures(
                "La sécurité et la prévention en 2023",
                [
                    ("9", "accompagnements de proximité"),
                    ("25", "groupes de travail co-animés"),
                    ("616", "tableaux de bord"),
                    ("24", "indicateurs de délinquance suivis"),
                ],
            ),
            heading("Un diagnostic partagé dans le Couserans"),
            rich_text(
                "<p>La communauté de communes Couserans-Pyrénées compte 94 communes et un "
                "quartier prioritaire à Saint-Girons. Le diagnostic a mobilisé 29 entretiens "
                "(60 acteur·rice·s), un questionnaire aux maires (50 réponses), 4 réunions "
                "territoriales et 2 groupes de travail : « Marginalité, tranquillité publique "
                "et sentiment d'insécurité » et « Parcours de rupture ».</p>"
            ),
            heading("L'observatoire de la délinquance"),
            rich_text(
                "<p>Les outils d'observation reposent sur les données des forces de sécurité "
                "(police et gendarmerie) : atteintes aux personnes, vols, cambriolages, "
                "destructions et dégradations… Ils donnent une visibilité à des données peu "
                "accessibles aux collectivités.</p>"
            ),
        ),
        panorama=Panorama(
            slug="panorama-securite-prevention",
            title="Panorama de presse : sécurité et prévention de la délinquance",
            published_on=date(2023, 12, 11),
            intro="L'actualité des CLSPD/CISPD et de la prévention de la délinquance.",
            items=(
                _item(
                    _ARIEGE,
                    date(2023, 12, 6),
                    "Couserans : le diagnostic de sécurité présenté aux élu·e·s",
                    "Le CISPD a réuni son assemblée plénière pour la restitution d'un "
                    "diagnostic partagé conduit sur un an.",
                    "securite-prevention",
                ),
                _item(
                    _GARONNE,
                    date(2023, 10, 12),
                    "Le CISPD du Sicoval fête ses 20 ans",
                    "Une journée consacrée à la prévention jeunesse, entre conférence et "
                    "world café.",
                    "securite-prevention",
                ),
                _item(
                    _AVEYRON,
                    date(2023, 9, 29),
                    "Villefranche-de-Rouergue adopte son plan de prévention",
                    "Plan d'action et règlement intérieur du CLSPD validés en assemblée plénière.",
                    "securite-prevention",
                ),
                _item(
                    _ECHO,
                    date(2023, 11, 20),
                    "Dérives sectaires : les coordinateurs CLSPD se forment",
                    "Santé, bien-être, complotisme : les signaux faibles à repérer.",
                    "securite-prevention",
                ),
                _item(
                    _QUARTIERS,
                    date(2023, 5, 15),
                    "Tranquillité publique : la médiation sociale a le vent en poupe",
                    "Plusieurs communes recrutent des médiateur·rice·s pour renouer le "
                    "dialogue dans l'espace public.",
                    "securite-prevention",
                ),
            ),
        ),
    ),
    Dossier(
        slug="valeurs-de-la-republique-et-laicite",
        published_on=date(2023, 6, 13),
        title="Valeurs de la République et Laïcité",
        themes=("egalite-non-discrimination",),
        intro=(
            "R&T contribue depuis son lancement en 2015 au plan national de formation Valeurs de "
            "la République et laïcité (VRL), qu'il co-anime en région auprès de la DREETS "
            "Occitanie. L'année 2023 a été marquée par le lancement du site VRL Occitanie."
        ),
        body=(
            key_figures(
                "Le plan VRL en Occitanie en 2023",
                [
                    ("250", "membres du réseau régional"),
                    ("43", "formateur·rice·s habilité·e·s en 2023"),
                    ("179", "messages sur le forum"),
                    ("12", "réunions régionales et départementales"),
                ],
            ),
            rich_text(
                "<p>Deux types de formations : la formation de formateur·rice·s (en 2023, une "
                "session à Narbonne et une à Toulouse) et la formation continue des "
                "formateur·rice·s habilité·e·s, sur les évolutions du plan, les questions "
                "juridiques et pédagogiques.</p>"
            ),
            call_to_action(
                "Le site VRL Occitanie",
                "Formations, évènements en région et ressources sur la laïcité.",
                "Visiter le site",
                url="https://www.vrloccitanie.fr/",
            ),
        ),
        resources=(
            Resource(
                "VRL Occitanie",
                "https://www.vrloccitanie.fr/",
                "Le site régional du plan Valeurs de la République et laïcité.",
            ),
        ),
        panorama=None,
    ),
    Dossier(
        slug="politique-de-la-ville",
        published_on=date(2023, 11, 6),
        title="La politique de la ville",
        themes=("politique-de-la-ville",),
        territories=("occitanie", "grand-auch-coeur-de-gascogne", "gaillac-graulhet"),
        intro=(
            "La politique de la ville cherche à décloisonner les interventions sectorielles et à "
            "traiter les problèmes dans toutes leurs dimensions. En 2023, l'activité de R&T a "
            "été centrée sur l'élaboration des contrats de ville « Engagements Quartiers 2030 », "
            "concertation citoyenne comprise."
        ),
        body=(
            heading("Accompagner l'élaboration des contrats de ville"),
            rich_text(
                "<p>Deux collectivités ont sollicité R&amp;T pour un accompagnement à "
                "l'élaboration du contrat de ville : Grand Auch Cœur de Gascogne et "
                "Gaillac-Graulhet. D'autres ont été conseillées régulièrement : Foix-Varilhes, "
                "Villefranche-de-Rouergue, l'Albigeois et Rodez.</p>"
            ),
            rich_text(
                "<p>Deux ateliers collectifs mensuels ont répondu aux questions au fil de "
                "l'eau : <strong>La Fabrique des contrats</strong> pour les chef·fe·s de projet "
                "et <strong>l'Atelier Éducation</strong> pour les référent·e·s éducation.</p>"
            ),
            call_to_action(
                "Le panorama de presse collectif",
                "Le réseau national des centres de ressources politique de la ville propose un "
                "panorama de presse quotidien.",
                "Accéder au panorama",
                url="https://www.scoop.it/topic/actu-politiquedelaville",
            ),
        ),
        resources=(
            Resource(
                "Réseau national des centres de ressources politique de la ville",
                "http://www.reseau-crpv.fr",
                "Les 19 centres de ressources du réseau.",
            ),
            Resource(
                "COSOTer",
                "https://cosoter-ressources.info",
                "La base documentaire en ligne mutualisée du réseau des CRPV.",
            ),
        ),
        panorama=Panorama(
            slug="panorama-politique-de-la-ville",
            title="Panorama de presse : politique de la ville",
            published_on=date(2023, 12, 29),
            intro="Les contrats de ville « Engagements Quartiers 2030 » dans la presse.",
            items=(
                _item(
                    _COHESION,
                    date(2023, 12, 29),
                    "Nouvelle géographie prioritaire : la liste des quartiers publiée",
                    "Le décret fixe la liste des quartiers prioritaires de la politique de la "
                    "ville de métropole pour la nouvelle génération de contrats.",
                    "politique-de-la-ville",
                ),
                _item(
                    _GERS,
                    date(2023, 11, 14),
                    "Auch prépare l'avenir du Grand Garros",
                    "Reconduction ou sortie de la géographie prioritaire : l'agglomération a "
                    "travaillé les deux hypothèses.",
                    "politique-de-la-ville",
                ),
                _item(
                    _TARN,
                    date(2023, 10, 25),
                    "Gaillac et Graulhet, un seul contrat de ville",
                    "L'agglomération porte un contrat unique intégrant les quartiers des deux "
                    "communes.",
                    "politique-de-la-ville",
                ),
                _item(
                    _QUARTIERS,
                    date(2023, 10, 27),
                    "Comité interministériel des villes : ce qu'il faut retenir",
                    "Les annonces du gouvernement pour les quartiers populaires.",
                    "politique-de-la-ville",
                ),
                _item(
                    _ECHO,
                    date(2023, 6, 5),
                    "Concertation citoyenne : les habitant·e·s invité·e·s à écrire le contrat",
                    "Balades urbaines, questionnaires, ateliers : les formats se multiplient.",
                    "politique-de-la-ville",
                ),
            ),
        ),
    ),
    Dossier(
        slug="education-et-decrochage-scolaire",
        title="Education et décrochage scolaire",
        themes=("education",),
        territories=("occitanie", "pays-foix-varilhes"),
        intro=(
            "La qualité de l'accueil des enfants et des adolescent·e·s, à l'école et en dehors de "
            "l'école, contribue à leur épanouissement. R&T anime les réseaux de la réussite "
            "éducative et capitalise depuis 2017 les travaux sur la prévention du décrochage "
            "scolaire."
        ),
        body=(
            heading("Les réseaux de la réussite éducative"),
            rich_text(
                "<p>Le réseau des coordonnateur·rice·s des PRE compte 40 membres, celui des "
                "référent·e·s 39. Au-delà des rencontres trimestrielles, les membres échangent "
                "toute l'année et reçoivent une veille informative mensuelle.</p>"
            ),
            heading("Le périscolaire à Foix-Varilhes"),
            rich_text(
                "<p>Enquête, 10 cartes pour une information spatialisée du champ périscolaire, "
                "une demi-journée de travail avec les professionnel·le·s et les élu·e·s, puis un "
                "plan d'action.</p>"
            ),
        ),
        panorama=Panorama(
            slug="panorama-education",
            title="Panorama de presse : éducation et décrochage scolaire",
            published_on=date(2023, 11, 20),
            intro="Réussite éducative, décrochage, harcèlement : l'actualité éducative.",
            items=(
                _item(
                    _EDUC,
                    date(2023, 11, 9),
                    "Harcèlement scolaire : une journée nationale de mobilisation",
                    "Écoles, collèges et lycées ont organisé des temps d'échanges avec les "
                    "élèves et les familles.",
                    "education",
                ),
                _item(
                    _ARIEGE,
                    date(2023, 9, 22),
                    "Foix-Varilhes cartographie son offre périscolaire",
                    "Dix cartes pour mieux connaître l'offre et ses inégalités territoriales.",
                    "education",
                ),
                _item(
                    _EDUC,
                    date(2023, 6, 13),
                    "Programmes de réussite éducative : quels parcours pour les familles ?",
                    "Les référent·e·s de parcours témoignent de l'importance d'associer les "
                    "parents.",
                    "education",
                ),
                _item(
                    _AVEYRON,
                    date(2023, 3, 28),
                    "Un forum contre le décrochage scolaire à Villefranche-de-Rouergue",
                    "Les professionnel·le·s locaux se sont saisis du forum pour déployer des "
                    "actions.",
                    "education",
                ),
            ),
        ),
    ),
    Dossier(
        slug="savoirs-de-base-et-illettrisme",
        title="Savoirs de base et illettrisme",
        themes=("illettrisme-savoirs-de-base",),
        intro=(
            "Les enquêtes Information et vie quotidienne (IVQ) mettent en exergue les "
            "difficultés des publics en situation d'illettrisme (4 % de la population) ou "
            "d'illectronisme (15 %). R&T accompagne et professionnalise les acteur·rice·s depuis "
            "plus de 20 ans."
        ),
        body=(
            key_figures(
                "La professionnalisation en 2023",
                [
                    ("53", "actions réalisées"),
                    ("591", "participations"),
                    ("95 %", "de satisfaction"),
                ],
            ),
            rich_text(
                "<p>Dix actions de sensibilisation aux situations d'illettrisme et "
                "d'illectronisme ont réuni 148 conseiller·ère·s en insertion, moniteur·rice·s "
                "d'ESAT et conseiller·ère·s Pôle emploi. Pendant les Journées nationales "
                "d'action contre l'illettrisme, la conférence « Tous analphabètes… ou pas ! » a "
                "réuni 47 participant·e·s à Toulouse.</p>"
            ),
        ),
        resources=(
            Resource(
                "Réseau national des professionnel·le·s des CRIA",
                "http://reseau-cria.fr",
                "Le réseau des centres de ressources illettrisme et analphabétisme.",
            ),
        ),
        panorama=Panorama(
            slug="panorama-savoirs-de-base",
            title="Panorama de presse : savoirs de base et illettrisme",
            published_on=date(2023, 10, 23),
            intro="L'actualité de la lutte contre l'illettrisme et l'illectronisme.",
            items=(
                _item(
                    _GARONNE,
                    date(2023, 10, 20),
                    "« Tous analphabètes… ou pas ! », une conférence gesticulée",
                    "Dans le cadre des Journées nationales d'action contre l'illettrisme, "
                    "une conférence pour les professionnel·le·s de la formation linguistique.",
                    "illettrisme-savoirs-de-base",
                ),
                _item(
                    _ECHO,
                    date(2023, 9, 8),
                    "Illectronisme : 15 % de la population concernée",
                    "Les démarches en ligne laissent de côté une partie des usager·ère·s.",
                    "illettrisme-savoirs-de-base",
                ),
                _item(
                    _TARN,
                    date(2023, 5, 30),
                    "En ESAT, les savoirs de base au service du métier",
                    "Des moniteur·rice·s adaptent leurs ateliers aux travailleur·euse·s.",
                    "illettrisme-savoirs-de-base",
                ),
                _item(
                    _COHESION,
                    date(2023, 2, 6),
                    "Formation à distance : une plateforme pour les formateur·rice·s",
                    "Supports et outils pédagogiques mis à jour pour les bénévoles et les "
                    "salarié·e·s.",
                    "illettrisme-savoirs-de-base",
                ),
            ),
        ),
    ),
    Dossier(
        slug="integration-et-apprentissage-de-la-langue",
        title="Intégration et apprentissage de la langue",
        themes=("illettrisme-savoirs-de-base",),
        territories=("occitanie", "toulouse", "aveyron"),
        intro=(
            "Accueil des étrangers, enseignement et apprentissage du français : ressources, "
            "outils et actualités pour les formateur·rice·s FLE et FLI, salarié·e·s ou "
            "bénévoles. Un espace privé permet aux acteur·rice·s d'échanger leurs pratiques."
        ),
        body=(
            rich_text(
                "<p>En 2023, le fonds documentaire a été étoffé de jeux coopératifs favorisant "
                "l'apprentissage de la langue française et d'outils de Français langue "
                "étrangère. Sept mallettes pédagogiques circulent dans les départements de "
                "l'Occitanie Ouest, avec une version numérique.</p>"
            ),
            rich_text(
                "<p>Deux associations de l'Aveyron ont été accompagnées pour consolider leurs "
                "méthodes et pratiques en ateliers socio-linguistiques.</p>"
            ),
            call_to_action(
                "Doc en stock",
                "Une plateforme pour accompagner un apprentissage partagé et réussi du "
                "français, dont R&T est membre fondateur.",
                "Découvrir Doc en stock",
                url="https://docenstockfrance.org",
            ),
        ),
        resources=(
            Resource(
                "Doc en stock",
                "https://docenstockfrance.org",
                "Ressources pour les intervenant·e·s débutant dans l'apprentissage du "
                "français auprès de migrant·e·s.",
            ),
        ),
        panorama=Panorama(
            slug="panorama-integration-langue",
            title="Panorama de presse : intégration et apprentissage de la langue",
            published_on=date(2023, 11, 27),
            intro="L'actualité de l'apprentissage du français et de l'intégration.",
            items=(
                _item(
                    _COHESION,
                    date(2023, 11, 15),
                    "Apprentissage du français : les ateliers socio-linguistiques se réinventent",
                    "Jeux coopératifs et mises en situation pour les publics peu scolarisés.",
                    "illettrisme-savoirs-de-base",
                ),
                _item(
                    _AVEYRON,
                    date(2023, 6, 21),
                    "Deux associations aveyronnaises consolident leurs ateliers",
                    "Un accompagnement renforcé des bénévoles formateur·rice·s.",
                    "illettrisme-savoirs-de-base",
                ),
                _item(
                    _GARONNE,
                    date(2023, 9, 26),
                    "Où apprendre le français à Toulouse ? Un annuaire mis à jour",
                    "Cours, ateliers et permanences recensés quartier par quartier.",
                    "illettrisme-savoirs-de-base",
                ),
                _item(
                    _QUARTIERS,
                    date(2023, 4, 18),
                    "Français professionnel : apprendre la langue en apprenant un métier",
                    "Des formations qui lient apprentissage linguistique et insertion.",
                    "illettrisme-savoirs-de-base",
                ),
            ),
        ),
        exchange_space="echanges-integration-langue",
    ),
    Dossier(
        slug="droit-des-femmes-egalite-femme-homme",
        title="Droit des femmes / Égalité femme-homme",
        themes=("egalite-non-discrimination",),
        territories=("occitanie", "toulouse"),
        intro=(
            "R&T participe au réseau Égalité, une stratégie en Occitanie (RESO), animé par la "
            "Direction régionale aux droits des femmes et à l'égalité (DRDFE). Ce dossier "
            "rassemble les ressources sur l'égalité professionnelle et l'insertion des femmes "
            "des quartiers prioritaires."
        ),
        body=(
            rich_text(
                "<p>« Dans les quartiers prioritaires, le taux de chômage des femmes est plus de "
                "deux fois plus élevé qu'ailleurs » (CGET, 2015). Avec la DRDFE et la DRJSCS, "
                "R&amp;T a accompagné un plan d'action territorial concerté sur l'insertion "
                "professionnelle des femmes immigrées, à Toulouse Métropole.</p>"
            ),
        ),
        panorama=None,
    ),
)

DOSSIER_SLUGS = tuple(dossier.slug for dossier in DOSSIERS)
PANORAMAS: tuple[Panorama, ...] = tuple(d.panorama for d in DOSSIERS if d.panorama)
