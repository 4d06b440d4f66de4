"""News ("actualités"), regional briefs ("brèves"), events, Flash Info issues and standard pages.

Every item is written from a passage of the reports, named in a comment above it ("2017:" is
`seeds/000_*.txt`, "2023:" is `seeds/003_*.txt`). Dates are those the reports give; where they
give only a month or a year, a plausible day of that year is chosen. Events from the reports keep
their real (past) dates; recurring activities (network meetings, trainings, webinars) are
expressed as offsets from today so that "upcoming" stays upcoming whenever the demo is loaded.

People: the reports name real people. Public speakers of conferences keep their names (public
content); testimonials ("Paroles d'acteur·rice·s") are anonymised (a role and a territory, never
a name), and the team page lists roles only. No e-mail address here is real: contact addresses
use the reserved example.org domain, phone numbers the range reserved for fiction.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .blocks import (
    Block,
    accordion,
    call_to_action,
    heading,
    key_figures,
    quote,
    related_pages,
    rich_text,
    table,
    testimonial,
)


@dataclass(frozen=True)
class NewsItem:
    slug: str
    title: str
    published_on: date
    lead: str
    body: tuple[Block, ...]
    themes: tuple[str, ...]
    territories: tuple[str, ...] = ("occitanie",)


@dataclass(frozen=True)
class Brief:
    """A short relayed regional item of "L'actualité des Territoires – le blog"."""

    slug: str
    title: str
    published_on: date
    text: str  # rich text HTML
    source_name: str
    source_url: str  # always on example.org (illustrative)
    themes: tuple[str, ...]
    territories: tuple[str, ...] = ("occitanie",)


@dataclass(frozen=True)
class Event:
    slug: str
    title: str
    intro: str
    body: tuple[Block, ...]
    themes: tuple[str, ...]
    kind: str  # "conference", "formation", "rencontre", "webinaire", "journee"
    # Either a fixed date (events the reports date) or an offset in days from today.
    on: date | None = None
    offset_days: int | None = None
    start_time: time = time(9, 30)
    duration: timedelta = timedelta(hours=3)
    place: str = ""
    online: bool = False
    registration_url: str = ""
    network: str | None = None  # network slug (taxonomy.NETWORKS)
    territories: tuple[str, ...] = ("occitanie",)

    def starts_at(self, today: date) -> datetime:
        day = self.on if self.on is not None else today + timedelta(days=self.offset_days)
        return datetime.combine(day, self.start_time)

    def ends_at(self, today: date) -> datetime:
        return self.starts_at(today) + self.duration


@dataclass(frozen=True)
class NewsletterIssue:
    """A "Flash Info" bulletin (11 in 2017, 12 in 2023 sent to about 6,600 contacts)."""

    slug: str
    title: str
    number: int
    published_on: date
    intro: str
    body: tuple[Block, ...]


@dataclass(frozen=True)
class StandardPage:
    slug: str
    title: str
    intro: str
    body: tuple[Block, ...]


def _registration(slug: str) -> str:
    return f"https://inscriptions.example.org/rt/{slug}"


# --- News -------------------------------------------------------------------------------------

NEWS: tuple[NewsItem, ...] = (
    # 2023: politiques d'égalité — "L'année 2023 a été marquée par le lancement du site VRL
    # Occitanie (13 juin)".
    NewsItem(
        slug="lancement-du-site-vrl-occitanie",
        title="Le site VRL Occitanie est en ligne",
        published_on=date(2023, 6, 13),
        lead=(
            "Formations, évènements en région et ressources sur la laïcité : le nouveau site "
            "outille tout le réseau Valeurs de la République et laïcité d'Occitanie."
        ),
        body=(
            rich_text(
                "<p>Lancé le 13 juin, le site VRL Occitanie facilite l'accès aux formations du "
                "plan national Valeurs de la République et laïcité, aux évènements organisés en "
                "région et aux nombreuses ressources sur la laïcité. Il a été conçu de manière "
                "collaborative avec les formateur·rice·s et les référent·e·s départementaux.</p>"
            ),
            testimonial(
                "La mise en place du site VRL Occitanie a été un travail collaboratif et permet "
                "de rendre accessible et identique l'information sur tout le territoire.",
                "Une formatrice départementale VRL",
                "Formatrice départementale",
                "Tarn-et-Garonne",
            ),
            call_to_action(
                "Visiter le site",
                "Toutes les formations VRL en Occitanie.",
                "vrloccitanie.fr",
                url="https://www.vrloccitanie.fr/",
            ),
        ),
        themes=("egalite-non-discrimination",),
    ),
    # 2023: politique de la ville — accompaniment of GACG and CA2G for the city contracts.
    NewsItem(
        slug="contrats-de-ville-grand-auch-gaillac-graulhet",
        title="Contrats de ville 2024-2030 : R&T aux côtés du Grand Auch et de Gaillac-Graulhet",
        published_on=date(2023, 11, 7),
        lead=(
            "Deux agglomérations ont sollicité Ressources & Territoires pour élaborer leur "
            "contrat de ville « Engagements Quartiers 2030 »."
        ),
        body=(
            heading("Grand Auch Cœur de Gascogne"),
            rich_text(
                "<p>L'agglomération a souhaité anticiper le devenir du quartier du Grand Garros "
                "en envisageant deux hypothèses : sa reconduction en politique de la ville ou sa "
                "sortie. La préparation du contrat a consisté à poser les hypothèses de travail, "
                "à anticiper les questions de gouvernance et la concertation citoyenne.</p>"
            ),
            heading("Gaillac-Graulhet"),
            rich_text(
                "<p>La CA2G a décidé de porter un seul contrat de ville intégrant les QPV des "
                "deux communes, pour développer des actions transversales tout en respectant les "
                "singularités de chacune. R&amp;T a accompagné l'équipe projet : aide à la "
                "décision stratégique, ingénierie du projet, relecture du contrat.</p>"
            ),
            rich_text("<p>L'accompagnement se poursuit en 2024.</p>"),
        ),
        themes=("politique-de-la-ville",),
        territories=(
            "grand-auch-coeur-de-gascogne",
            "auch",
            "gaillac-graulhet",
            "gaillac",
            "graulhet",
        ),
    ),
    # 2023: politiques d'égalité — "Co-organisation de la journée évènement « discriminations »
    # sur le quartier du Grand Garros (Grand Auch)", 28 September.
    NewsItem(
        slug="journee-discriminations-grand-garros",
        title="Au Grand Garros, une journée pour agir contre les discriminations",
        published_on=date(2023, 10, 3),
        lead=(
            "Plus de 100 participant·e·s ont assisté le 28 septembre à une conférence croisée, "
            "en présence de la Défenseure des droits, du Préfet du Gers et du président de "
            "l'agglomération."
        ),
        body=(
            rich_text(
                "<p>Dans la continuité du plan territorial de lutte contre les discriminations "
                "(PTLCD, 2020), R&amp;T a conçu et réalisé cette journée pour la communauté "
                "d'agglomération du Grand Auch Cœur de Gascogne. Technicien·ne·s, services des "
                "collectivités et de l'État, structures du territoire, habitant·e·s et "
                "animateur·rice·s ont suivi une conférence croisée entre un professeur de l'IEP "
                "de Toulouse et un chargé de mission auprès de la Défenseure des droits.</p>"
            ),
            key_figures("La journée", [("100+", "participant·e·s"), ("1", "conférence croisée")]),
        ),
        themes=("egalite-non-discrimination", "politique-de-la-ville"),
        territories=("grand-auch-coeur-de-gascogne", "auch"),
    ),
    # 2023: politiques d'égalité — "2 sessions de formation de formateur·rice·s (1 à Narbonne et
    # 1 à Toulouse) ont permis à 43 candidat·e·s formateur·rice·s d'être habilité·e·s".
    NewsItem(
        slug="43-nouveaux-formateurs-vrl",
        title="Plan VRL : 43 nouveaux·elles formateur·rice·s habilité·e·s",
        published_on=date(2023, 12, 4),
        lead=(
            "Deux sessions de formation de formateur·rice·s, à Narbonne et à Toulouse, "
            "renforcent les équipes départementales du plan Valeurs de la République et laïcité."
        ),
        body=(
            rich_text(
                "<p>Chaque année, une à deux sessions de formation de formateur·rice·s sont "
                "organisées pour renforcer les équipes départementales. Les formateur·rice·s "
                "habilité·e·s bénéficient ensuite d'une formation continue : trois webinaires "
                "de réactualisation des connaissances ont réuni 62 participant·e·s en 2023.</p>"
            ),
            key_figures(
                "Le plan VRL en 2023",
                [
                    ("43", "formateur·rice·s habilité·e·s"),
                    ("3", "webinaires de réactualisation"),
                    ("62", "participant·e·s"),
                ],
            ),
        ),
        themes=("egalite-non-discrimination",),
        territories=("narbonne", "toulouse"),
    ),
    # 2023: pauvreté — "Le démarrage d'un accompagnement des porteurs de projet par un webinaire
    # ... le 13 décembre, réunissant plus de 70 participant·e·s".
    NewsItem(
        slug="webinaire-impact-social",
        title="Impact social : plus de 70 porteurs de projet au webinaire régional",
        published_on=date(2023, 12, 15),
        lead=(
            "Le 13 décembre, un webinaire a présenté la démarche nationale d'évaluation de "
            "l'impact social des actions de lutte contre la pauvreté."
        ),
        body=(
            rich_text(
                "<p>À partir de 2023, les actions financées dans le cadre de la lutte contre la "
                "pauvreté doivent faire apparaître une indication de leur impact social. Après "
                "le vademecum et deux ateliers lors de la conférence régionale du 25 mai, ce "
                "webinaire ouvre l'accompagnement des porteurs de projets.</p>"
            ),
            quote(
                "Cette nouvelle approche pourrait paraître complexe à mettre en œuvre. Il n'en "
                "est rien.",
                "Extrait de la présentation du vademecum par le Commissaire à la prévention et à "
                "la lutte contre la pauvreté",
            ),
            related_pages("Pour aller plus loin", ["vademecum-impact-social"]),
        ),
        themes=("pauvrete",),
    ),
    # 2023: illettrisme — "“Tous analphabètes… ou pas !” qui a réuni 47 participant·e·s le
    # 19 octobre à Toulouse".
    NewsItem(
        slug="tous-analphabetes-ou-pas",
        title="« Tous analphabètes… ou pas ! » : une conférence gesticulée pour les JNAI",
        published_on=date(2023, 10, 20),
        lead=(
            "Dans le cadre des Journées nationales d'action contre l'illettrisme, 47 "
            "professionnel·le·s de la formation linguistique se sont retrouvé·e·s à Toulouse."
        ),
        body=(
            rich_text(
                "<p>R&amp;T a organisé cette conférence pour les professionnel·le·s de la "
                "formation linguistique et de l'accompagnement des publics. Une façon "
                "décalée d'interroger nos représentations de l'écrit.</p>"
            ),
            testimonial(
                "L'écoute et la disponibilité de l'équipe me permettent de trouver des "
                "ressources incroyables, et je participe régulièrement aux formations.",
                "Une formatrice FLE et FLI",
                "Formatrice",
                "Association de formation linguistique, Tarn",
            ),
        ),
        themes=("illettrisme-savoirs-de-base",),
        territories=("toulouse",),
    ),
    # 2023: sécurité — Sicoval, "Appui à l'organisation d'une journée sur la prévention jeunesses
    # pour les 20 ans du CISPD".
    NewsItem(
        slug="sicoval-20-ans-du-cispd",
        title="Les 20 ans du CISPD du Sicoval placés sous le signe de la prévention jeunesse",
        published_on=date(2023, 10, 10),
        lead=(
            "Une conférence le matin, un world café l'après-midi : la communauté "
            "d'agglomération a réuni ses partenaires autour de la place des jeunes."
        ),
        body=(
            rich_text(
                "<p>La communauté d'agglomération du Sicoval (36 communes, 81 269 "
                "habitant·e·s) dispose d'un CISPD actif depuis vingt ans. Après une conférence "
                "d'une sociologue, trois tables ont animé l'après-midi :</p><ul><li>la place des "
                "jeunes dans la prévention ;</li><li>l'accompagnement des jeunes et de leurs "
                "parents ;</li><li>l'entrée dans la délinquance.</li></ul>"
            ),
            rich_text(
                "<p>R&amp;T accompagne aussi le renouvellement du plan d'actions du CISPD : "
                "questionnaire aux élu·e·s et quatre réunions territoriales.</p>"
            ),
        ),
        themes=("securite-prevention",),
        territories=("sicoval",),
    ),
    # 2023: sécurité — Couserans-Pyrénées diagnostic, "Restitution orale du diagnostic à
    # l'assemblée plénière du CISPD le 05 décembre 2023".
    NewsItem(
        slug="couserans-diagnostic-partage-delinquance",
        title="Couserans-Pyrénées : le diagnostic partagé restitué au CISPD",
        published_on=date(2023, 12, 6),
        lead=(
            "Un an de travail, 29 entretiens, 50 maires interrogés : le diagnostic de la "
            "délinquance a été présenté à l'assemblée plénière du CISPD le 5 décembre."
        ),
        body=(
            key_figures(
                "Le diagnostic en chiffres",
                [
                    ("94", "communes"),
                    ("29", "entretiens individuels ou collectifs"),
                    ("60", "acteur·rice·s rencontré·e·s"),
                    ("50", "réponses de maires"),
                ],
            ),
            rich_text(
                "<p>Deux groupes de travail interstructures ont approfondi les thématiques "
                "prioritaires : « Marginalité, tranquillité publique et sentiment "
                "d'insécurité » et « Parcours de rupture ».</p>"
            ),
            testimonial(
                "Pour un accompagnement des élus et des techniciens, avec des temps d'échanges "
                "et de co-construction de la démarche.",
                "L'équipe du CISPD",
                "Élu·e·s et technicien·ne·s",
                "Communauté de communes Couserans-Pyrénées",
            ),
        ),
        themes=("securite-prevention",),
        territories=("couserans-pyrenees", "saint-girons"),
    ),
    # 2023: sécurité — Villefranche-de-Rouergue, "validés en comité restreint du CLSPD le
    # 29 juin 2023 puis en assemblée plénière le 28 septembre 2023".
    NewsItem(
        slug="villefranche-de-rouergue-plan-action-clspd",
        title="Villefranche-de-Rouergue : le CLSPD adopte son plan d'action",
        published_on=date(2023, 9, 29),
        lead=(
            "Plan d'action et règlement intérieur ont été validés en assemblée plénière le "
            "28 septembre, au terme d'une démarche engagée en 2022."
        ),
        body=(
            rich_text(
                "<p>Plusieurs groupes de travail ont produit des fiches actions, dont une "
                "« cellule de veille ». R&amp;T a préparé ces temps avec l'équipe projet et "
                "appuyé la structuration et la relecture des documents finaux ; la "
                "coordinatrice du CLSPD a pris une place croissante dans la démarche.</p>"
            ),
            testimonial(
                "Une expertise de qualité et accessible, au service de petits territoires dotés "
                "de moyens limités en ingénierie.",
                "La chargée de mission politique de la ville",
                "Coordonnatrice du CLSPD",
                "Ville de Villefranche-de-Rouergue",
            ),
        ),
        themes=("securite-prevention",),
        territories=("villefranche-de-rouergue",),
    ),
    # 2023: politique de la ville — NPNRU network, "3 collectivités ont accueilli le réseau".
    NewsItem(
        slug="reseau-npnru-tour-des-projets",
        title="Renouvellement urbain : le réseau NPNRU en visite à Montauban, Foix et Albi",
        published_on=date(2023, 11, 28),
        lead=(
            "Les chef·fe·s de projet poursuivent le tour des projets NPNRU de l'Occitanie "
            "Ouest, avec une visite sur site à chaque rencontre."
        ),
        body=(
            rich_text(
                "<p>En 2023, le réseau a été accueilli à Montauban (quartier Médiathèque / "
                "Chambord), à Foix (centre ancien) et à Albi (Cantepau). Relations avec les "
                "partenaires et financeurs, participation des habitant·e·s, mémoire des "
                "quartiers, clauses d'insertion, relogement : autant de problématiques "
                "concrètes partagées entre pairs.</p>"
            ),
            key_figures(
                "Le réseau en 2023",
                [("9", "membres"), ("3", "rencontres"), ("21", "participations")],
            ),
        ),
        themes=("politique-de-la-ville",),
        territories=("montauban", "foix", "albi"),
    ),
    # 2023: éducation — "Accompagnement au développement de la qualité de l'offre périscolaire
    # sur le territoire de l'agglomération Foix-Varilhes".
    NewsItem(
        slug="foix-varilhes-diagnostic-periscolaire",
        title="Foix-Varilhes : dix cartes pour un diagnostic du périscolaire",
        published_on=date(2023, 6, 27),
        lead=(
            "Sans en avoir directement la compétence, l'agglomération a souhaité mieux "
            "connaître le champ périscolaire, par souci d'égalité des chances et d'équité "
            "territoriale."
        ),
        body=(
            rich_text(
                "<ul><li>Analyse des données de l'enquête et cartographie des résultats : dix "
                "cartes ;</li><li>une demi-journée de travail avec les professionnel·le·s du "
                "périscolaire et les élu·e·s ;</li><li>l'élaboration d'un plan d'action.</li>"
                "</ul>"
            ),
            testimonial(
                "L'intervention de Ressources & Territoires permet une analyse beaucoup plus "
                "approfondie des données et conduit à des décisions productives et objectives.",
                "La direction du pôle petite enfance - enfance - jeunesse",
                "Directrice",
                "Agglomération Pays Foix-Varilhes",
            ),
        ),
        themes=("education",),
        territories=("pays-foix-varilhes", "foix"),
    ),
    # 2017: Observation — "Une restitution orale a été effectuée ... le 17 mai 2017 ...
    # 55 personnes présentes – 35 élu·e·s et 20 technicien·ne·s".
    NewsItem(
        slug="observatoire-delinquance-restitution-toulouse-metropole",
        title="Observatoire de la délinquance : les tendances 2016 présentées à Toulouse Métropole",
        published_on=date(2017, 5, 19),
        lead=(
            "55 élu·e·s et technicien·ne·s ont assisté le 17 mai à la restitution, avec la "
            "participation de la DDSP31 et du GGD31."
        ),
        body=(
            rich_text(
                "<p>R&amp;T élabore mensuellement et annuellement des tableaux de bord et des "
                "outils cartographiques à partir des données de la police et de la gendarmerie. "
                "En 2017, 640 tableaux de bord ont été réalisés et diffusés.</p>"
            ),
            table(
                "Quelques-uns des 24 indicateurs suivis",
                ["Famille", "Indicateurs"],
                [
                    [
                        "Atteintes aux personnes",
                        "Coups et blessures volontaires ; menaces ou chantages",
                    ],
                    ["Vols", "Vols avec violence sans arme ; cambriolages"],
                    ["Délinquance liée à l'automobile", "Vols d'automobiles ; vols à la roulotte"],
                    ["Sécurité routière", "Nombre d'accidents, de tués, de blessés"],
                ],
            ),
        ),
        themes=("securite-prevention",),
        territories=("toulouse-metropole", "toulouse"),
    ),
    # 2017: Les Dossiers R&T — "Un 7ème dossier consacré au décrochage réalisé".
    NewsItem(
        slug="septieme-dossier-rt-decrochage-scolaire",
        title="Un 7e Dossier R&T consacré au décrochage scolaire",
        published_on=date(2017, 11, 14),
        lead=(
            "Issu de six rencontres de professionnel·le·s du projet « Réduction et prévention "
            "du décrochage scolaire en Midi-Pyrénées », cofinancé par le FSE."
        ),
        body=(
            accordion(
                "Les thématiques du dossier",
                [
                    (
                        "Jeunes : quels parcours, quels accompagnements ?",
                        "<p>Repérer et accompagner les jeunes au fil de leurs parcours.</p>",
                    ),
                    (
                        "L'orientation professionnelle des jeunes",
                        "<p>Les leviers de l'orientation choisie.</p>",
                    ),
                    (
                        "Les publics allophones",
                        "<p>Faire que la langue ne soit pas un facteur de décrochage.</p>",
                    ),
                    ("La place de la famille", "<p>Associer les parents.</p>"),
                    ("Partenariat et réseaux", "<p>Un répertoire des acteurs et des actions.</p>"),
                ],
            ),
        ),
        themes=("education",),
    ),
    # 2017: Accompagnement, Toulouse — "une plateforme numérique « Où apprendre le français à
    # Toulouse » spécifique aux quartiers nord".
    NewsItem(
        slug="ou-apprendre-le-francais-a-toulouse",
        title="« Où apprendre le français à Toulouse ? » : une plateforme pour les quartiers nord",
        published_on=date(2017, 9, 19),
        lead=(
            "À la demande des chef·fe·s de projet et des délégué·e·s du préfet, R&T recense "
            "l'offre d'apprentissage du français et publie un guide pour le Grand Mirail."
        ),
        body=(
            rich_text(
                "<p>L'objectif : articuler l'offre et la demande de cours de français pour les "
                "publics migrants, orienter chaque personne vers l'offre qui correspond à son "
                "projet, et apporter des réponses pédagogiques adaptées aux différents profils "
                "d'apprenant·e·s.</p>"
            ),
            related_pages("Le dossier", ["integration-et-apprentissage-de-la-langue"]),
        ),
        themes=("illettrisme-savoirs-de-base", "politique-de-la-ville"),
        territories=("toulouse",),
    ),
)


# --- Briefs (L'actualité des Territoires – le blog) -----------------------------------------
# Source URLs are illustrative (example.org): the reports do not give the relayed articles.

BRIEFS: tuple[Brief, ...] = (
    # 2023: sécurité — "Auterive (31) - plan d'actions du CLSPD".
    Brief(
        "auterive-plan-actions-clspd",
        "Auterive prépare le plan d'actions de son CLSPD",
        date(2023, 5, 11),
        "<p>La commune a sollicité des conseils ponctuels pour structurer le plan d'actions "
        "de son conseil local de sécurité et de prévention de la délinquance.</p>",
        "Ville d'Auterive",
        "https://www.example.org/auterive/clspd-plan-actions",
        ("securite-prevention",),
        ("auterive",),
    ),
    # 2023: sécurité — "Gaillac (81) - appui à la prise de poste d'une nouvelle coordinatrice".
    Brief(
        "gaillac-nouvelle-coordinatrice-clspd",
        "Gaillac : une nouvelle coordinatrice au CLSPD",
        date(2023, 3, 2),
        "<p>Arrivée en début d'année, la nouvelle coordinatrice du CLSPD a bénéficié d'un "
        "appui à la prise de poste.</p>",
        "Ville de Gaillac",
        "https://www.example.org/gaillac/clspd-coordination",
        ("securite-prevention",),
        ("gaillac",),
    ),
    # 2023: sécurité — "CA Tarbes-Lourdes (65) - projets de conférence - sensibilisation".
    Brief(
        "tarbes-lourdes-sensibilisation-cispd",
        "Tarbes-Lourdes-Pyrénées sensibilise les partenaires de son CISPD",
        date(2023, 4, 20),
        "<p>L'agglomération prépare un cycle de conférences pour les partenaires du CISPD.</p>",
        "CA Tarbes-Lourdes-Pyrénées",
        "https://www.example.org/tlp/cispd-conferences",
        ("securite-prevention",),
        ("tarbes-lourdes-pyrenees",),
    ),
    # 2023: participation aux réseaux — "une rencontre nationale annuelle du réseau (en 2023, en
    # octobre à Montpellier)".
    Brief(
        "rencontre-nationale-crpv-montpellier",
        "Les centres de ressources politique de la ville réunis à Montpellier",
        date(2023, 10, 13),
        "<p>La rencontre nationale annuelle du réseau des centres de ressources politique de "
        "la ville s'est tenue en octobre à Montpellier.</p>",
        "Réseau national des CRPV",
        "https://www.example.org/crpv/rencontre-nationale-2023",
        ("politique-de-la-ville",),
        ("montpellier",),
    ),
    # 2023: illettrisme — "Deux associations de l'Aveyron ont fait l'objet d'un accompagnement
    # renforcé".
    Brief(
        "aveyron-ateliers-socio-linguistiques",
        "Aveyron : deux associations consolident leurs ateliers socio-linguistiques",
        date(2023, 6, 22),
        "<p>Un accompagnement renforcé a permis aux bénévoles de consolider leurs méthodes et "
        "pratiques en atelier socio-linguistique.</p>",
        "Associations de l'Aveyron",
        "https://www.example.org/aveyron/asl",
        ("illettrisme-savoirs-de-base",),
        ("aveyron",),
    ),
    # 2017: accompagnement — "Moissac a mis en place un PRE en 2017".
    Brief(
        "moissac-programme-reussite-educative",
        "Moissac lance son Programme de réussite éducative",
        date(2017, 4, 6),
        "<p>Ville nouvellement entrante en politique de la ville, Moissac met en place un PRE. "
        "R&amp;T accompagne la coordonnatrice depuis la création du dispositif.</p>",
        "Ville de Moissac",
        "https://www.example.org/moissac/pre",
        ("education", "politique-de-la-ville"),
        ("moissac",),
    ),
    # 2017: accompagnement — Grand Rodez, "le projet de « baromètre d'ambiance »".
    Brief(
        "rodez-barometre-ambiance-qpv",
        "Rodez : un baromètre d'ambiance pour les quartiers",
        date(2017, 6, 8),
        "<p>Rendre compte de la vie du quartier, et pas seulement des faits qui le "
        "pénalisent : l'agglomération expérimente un baromètre d'ambiance avec les bailleurs "
        "sociaux.</p>",
        "Rodez Agglomération",
        "https://www.example.org/rodez/barometre-ambiance",
        ("politique-de-la-ville",),
        ("rodez-agglomeration", "rodez"),
    ),
    # 2017: rencontres régionales — "Sexisme pas notre genre. Journée régionale du 24 février
    # organisée par la DRDFE", 90 participant·e·s.
    Brief(
        "sexisme-pas-notre-genre",
        "« Sexisme pas notre genre » : journée régionale à Toulouse",
        date(2017, 2, 27),
        "<p>Conférence et concours de pitch d'initiatives : 90 participant·e·s à la journée "
        "régionale organisée par la DRDFE, R&amp;T membre du jury.</p>",
        "DRDFE Occitanie",
        "https://www.example.org/drdfe/sexisme-pas-notre-genre",
        ("egalite-non-discrimination",),
        ("toulouse",),
    ),
)


# --- Events -----------------------------------------------------------------------------------

EVENTS: tuple[Event, ...] = (
    # 2023: pauvreté — "la conférence régionale des acteurs de la Stratégie pauvreté du 25 mai".
    Event(
        slug="conference-regionale-strategie-pauvrete-2023",
        title="Conférence régionale des acteurs de la Stratégie pauvreté",
        intro="Deux ateliers sur l'évaluation de l'impact social, animés avec R&T.",
        body=(
            rich_text(
                "<p>Les acteur·rice·s de la Stratégie de prévention et de lutte contre "
                "la pauvreté d'Occitanie font le point sur les actions financées.</p>"
            ),
        ),
        themes=("pauvrete",),
        kind="conference",
        on=date(2023, 5, 25),
        duration=timedelta(hours=7),
        place="Toulouse",
        territories=("occitanie",),
    ),
    # 2023: pauvreté — webinaire du 13 décembre, "plus de 70 participant·e·s".
    Event(
        slug="webinaire-impact-social-2023",
        title="Webinaire : la démarche nationale d'évaluation de l'impact social",
        intro="Présentation de la démarche aux porteurs de projets des appels à projets régionaux.",
        body=(rich_text("<p>Un premier temps d'accompagnement des porteurs de projets.</p>"),),
        themes=("pauvrete",),
        kind="webinaire",
        on=date(2023, 12, 13),
        start_time=time(14, 0),
        duration=timedelta(hours=2),
        online=True,
    ),
    # 2023: égalité — journée du 28 septembre au Grand Garros.
    Event(
        slug="journee-discriminations-grand-garros-2023",
        title="Journée « discriminations » au Grand Garros",
        intro="Conférence croisée en présence de la Défenseure des droits.",
        body=(rich_text("<p>Une journée ouverte aux professionnel·le·s et aux habitant·e·s.</p>"),),
        themes=("egalite-non-discrimination",),
        kind="journee",
        on=date(2023, 9, 28),
        duration=timedelta(hours=6),
        place="Quartier du Grand Garros, Auch",
        territories=("auch",),
    ),
    # 2017: "Pédagogies coopératives" conference of 18 May 2017 (Conf'At n°24).
    Event(
        slug="conference-pedagogies-cooperatives-2017",
        title="Conférence-atelier : Pédagogies coopératives",
        intro="Une autre piste pour raccrocher les apprentissages, avec Sylvain Connac.",
        body=(related_pages("Les actes", ["confat-24-pedagogies-cooperatives"]),),
        themes=("education",),
        kind="conference",
        on=date(2017, 5, 18),
        place="Ressources & Territoires, Toulouse",
        territories=("toulouse",),
    ),
    # Upcoming, recurring activities (offsets from today) -------------------------------------
    # 2023: PEP'S — "5 rencontres ... autour de la prévention santé, les dérives sectaires...".
    Event(
        slug="rencontre-peps-derives-sectaires",
        title="Rencontre du réseau PEP'S : dérives sectaires et complotisme",
        intro="Repérer les signaux, orienter, travailler avec les partenaires.",
        body=(
            rich_text(
                "<p>Rencontre réservée aux coordonnateur·rice·s CLSPD/CISPD membres du "
                "réseau Prévention et politiques de sécurité.</p>"
            ),
        ),
        themes=("securite-prevention",),
        kind="rencontre",
        offset_days=12,
        duration=timedelta(hours=5),
        place="Ressources & Territoires, Toulouse",
        network="peps",
        territories=("toulouse",),
    ),
    # 2023: VRL — "3 formations de réactualisation des connaissances (webinaire)".
    Event(
        slug="webinaire-reactualisation-vrl",
        title="Webinaire de réactualisation des connaissances VRL",
        intro="Évolutions du plan, questions juridiques et pédagogiques.",
        body=(
            rich_text(
                "<p>Réservé aux formateur·rice·s habilité·e·s du plan Valeurs de la "
                "République et laïcité.</p>"
            ),
        ),
        themes=("egalite-non-discrimination",),
        kind="webinaire",
        offset_days=19,
        start_time=time(10, 0),
        duration=timedelta(hours=2),
        online=True,
        registration_url=_registration("webinaire-vrl"),
        network="vrl-occitanie",
    ),
    # 2023: VRL — "la formation de formateur·rice·s : ... 1 à 2 sessions sont organisées".
    Event(
        slug="formation-de-formateurs-vrl-toulouse",
        title="Formation de formateur·rice·s Valeurs de la République et laïcité",
        intro="Session d'habilitation pour renforcer les équipes départementales.",
        body=(
            rich_text(
                "<p>Formation de trois jours. Candidatures auprès des référent·e·s "
                "départementaux du plan VRL.</p>"
            ),
        ),
        themes=("egalite-non-discrimination",),
        kind="formation",
        offset_days=45,
        duration=timedelta(days=2, hours=7),
        place="Toulouse",
        registration_url=_registration("formation-formateurs-vrl"),
        network="vrl-occitanie",
        territories=("toulouse",),
    ),
    # 2023: politique de la ville — "Une action de formation sur 5 jours à la méthodologie de
    # projet".
    Event(
        slug="formation-methodologie-de-projet",
        title="Formation : la méthodologie de projet (5 jours)",
        intro="Une formation proposée depuis dix ans à des professionnel·le·s d'horizons variés.",
        body=(
            rich_text(
                "<p>Du diagnostic à l'évaluation, les étapes et les outils de la "
                "conduite de projet.</p>"
            ),
        ),
        themes=("politique-de-la-ville",),
        kind="formation",
        offset_days=30,
        duration=timedelta(days=4, hours=7),
        place="Ressources & Territoires, Toulouse",
        registration_url=_registration("methodologie-de-projet"),
        territories=("toulouse",),
    ),
    # 2023: politique de la ville — "La Fabrique des contrats", monthly workshop in video.
    Event(
        slug="fabrique-des-contrats",
        title="La Fabrique des contrats : atelier mensuel",
        intro="Pour les chef·fe·s de projet politique de la ville : questions au fil de l'eau et "
        "ressources complémentaires.",
        body=(rich_text("<p>Atelier en visioconférence, une fois par mois.</p>"),),
        themes=("politique-de-la-ville",),
        kind="rencontre",
        offset_days=8,
        start_time=time(14, 0),
        duration=timedelta(hours=2),
        online=True,
        network="chefs-de-projet-contrats-de-ville",
    ),
    # 2023: éducation — réseau des référent·e·s PRE, "4 rencontres".
    Event(
        slug="rencontre-referents-pre-place-des-parents",
        title="Rencontre des référent·e·s PRE : la place des parents",
        intro="La place et le rôle des parents dans l'accompagnement des enfants.",
        body=(rich_text("<p>Échanges de pratiques entre référent·e·s de parcours.</p>"),),
        themes=("education",),
        kind="rencontre",
        offset_days=26,
        duration=timedelta(hours=5),
        place="Ressources & Territoires, Toulouse",
        network="referents-pre",
        territories=("toulouse",),
    ),
    # 2023: illettrisme — réseau ESAT, "Trois rencontres des ESAT".
    Event(
        slug="rencontre-reseau-esat",
        title="Rencontre du réseau ESAT : savoirs de base et savoirs professionnels",
        intro="Partage d'informations et échange de bonnes pratiques entre pairs.",
        body=(rich_text("<p>La rencontre se tient dans un établissement du réseau.</p>"),),
        themes=("illettrisme-savoirs-de-base",),
        kind="rencontre",
        offset_days=33,
        duration=timedelta(hours=5),
        place="ESAT, Saint-Gaudens",
        network="esat",
        territories=("saint-gaudens",),
    ),
    # 2023: illettrisme — JNAI conference; a new edition, upcoming.
    Event(
        slug="journees-nationales-action-contre-illettrisme",
        title="Journées nationales d'action contre l'illettrisme : conférence",
        intro="Une conférence pour les professionnel·le·s de la formation linguistique et de "
        "l'accompagnement des publics.",
        body=(rich_text("<p>Programme détaillé à venir.</p>"),),
        themes=("illettrisme-savoirs-de-base",),
        kind="conference",
        offset_days=60,
        start_time=time(14, 0),
        place="Toulouse",
        registration_url=_registration("jnai"),
        territories=("toulouse",),
    ),
    # Recent past, so that the "past events" listing is not only years old.
    Event(
        slug="rencontre-coordonnateurs-pre-protection-enfance",
        title="Rencontre des coordonnateur·rice·s PRE : protection de l'enfance",
        intro="Les nouvelles lois de la protection de l'enfance et la lutte contre le harcèlement.",
        body=(rich_text("<p>Rencontre trimestrielle du réseau.</p>"),),
        themes=("education",),
        kind="rencontre",
        offset_days=-20,
        duration=timedelta(hours=5),
        place="Ressources & Territoires, Toulouse",
        network="coordonnateurs-pre",
        territories=("toulouse",),
    ),
)


# --- Flash Info -------------------------------------------------------------------------------

NEWSLETTERS: tuple[NewsletterIssue, ...] = (
    NewsletterIssue(
        slug="flash-info-2023-10",
        title="Flash Info n°10 – octobre 2023",
        number=10,
        published_on=date(2023, 10, 24),
        intro="JNAI, 20 ans du CISPD du Sicoval, journée discriminations au Grand Garros.",
        body=(
            related_pages(
                "À la une",
                [
                    "tous-analphabetes-ou-pas",
                    "sicoval-20-ans-du-cispd",
                    "journee-discriminations-grand-garros",
                ],
            ),
            rich_text("<p>Retrouvez toutes nos formations et nos dossiers sur le site.</p>"),
        ),
    ),
    NewsletterIssue(
        slug="flash-info-2023-11",
        title="Flash Info n°11 – novembre 2023",
        number=11,
        published_on=date(2023, 11, 29),
        intro="Contrats de ville, tour des projets NPNRU, nouvelle lettre sur la pauvreté.",
        body=(
            related_pages(
                "À la une",
                ["contrats-de-ville-grand-auch-gaillac-graulhet", "reseau-npnru-tour-des-projets"],
            ),
            rich_text(
                "<p>Nouveau : une lettre d'information bimestrielle sur la prévention et la "
                "lutte contre la pauvreté, à partir de novembre.</p>"
            ),
        ),
    ),
    NewsletterIssue(
        slug="flash-info-2023-12",
        title="Flash Info n°12 – décembre 2023",
        number=12,
        published_on=date(2023, 12, 19),
        intro="Impact social, diagnostic du Couserans, 43 formateur·rice·s VRL habilité·e·s.",
        body=(
            related_pages(
                "À la une",
                [
                    "webinaire-impact-social",
                    "couserans-diagnostic-partage-delinquance",
                    "43-nouveaux-formateurs-vrl",
                ],
            ),
            rich_text("<p>Toute l'équipe vous souhaite de belles fêtes de fin d'année.</p>"),
        ),
    ),
)


# --- Standard pages ---------------------------------------------------------------------------

STANDARD_PAGES: tuple[StandardPage, ...] = (
    # 2023: "Groupement d'Intérêt Public Ressources & Territoires : qui sommes-nous ?";
    # 2017: "Contexte", "Missions".
    StandardPage(
        slug="qui-sommes-nous",
        title="Qui sommes-nous ?",
        intro=(
            "Au service des acteurs et actrices de la cohésion sociale et territoriale, "
            "Ressources & Territoires intervient sur l'ensemble de l'Occitanie."
        ),
        body=(
            rich_text(
                "<p>Groupement d'intérêt public créé il y a plus de vingt ans, Ressources &amp; "
                "Territoires (R&amp;T) intervient plus particulièrement sur l'ouest de la "
                "région pour les missions liées à la politique de la ville et à la lutte contre "
                "l'illettrisme et l'analphabétisme, et sur toute la région pour le Pacte des "
                "solidarités et la coordination régionale du plan Valeurs de la République et "
                "laïcité.</p>"
            ),
            heading("Nos principes d'intervention"),
            rich_text(
                "<ul><li>une posture de facilitateur fondée sur un principe de neutralité et "
                "d'écoute des besoins ;</li><li>une approche partenariale inscrite dans une "
                "démarche de co-construction ;</li><li>un accompagnement dans le temps ;</li>"
                "<li>une logique de participation à des réseaux professionnels locaux et "
                "nationaux.</li></ul>"
            ),
            heading("Nos missions"),
            rich_text(
                "<ul><li>Accompagnement, conseil et aide à la décision</li><li>"
                "Professionnalisation des acteur·rice·s</li><li>Développement et animation de "
                "réseaux</li><li>Observation des territoires</li><li>Études et recherche</li>"
                "<li>Capitalisation et diffusion de l'information</li></ul>"
            ),
            key_figures(
                "Notre activité en 2023",
                [
                    ("120", "actions d'accompagnement"),
                    ("98", "actions de professionnalisation"),
                    ("34", "rencontres de réseaux"),
                    ("347", "participations aux réseaux"),
                ],
            ),
            key_figures(
                "Nos réseaux en 2017",
                [("29", "jours de rencontres"), ("282", "participant·e·s")],
            ),
        ),
    ),
    # 2023: "Les évolutions en 2023" (governance); 2017: "La gouvernance". Names left out.
    StandardPage(
        slug="gouvernance",
        title="Gouvernance",
        intro=(
            "Un conseil d'administration où siègent les représentant·e·s de l'État et trois "
            "collèges d'adhérents."
        ),
        body=(
            rich_text(
                "<p>Le conseil d'administration du GIP est présidé par un·e élu·e, président·e "
                "d'une communauté d'agglomération ; la vice-présidence revient à la Direction "
                "régionale de l'économie, de l'emploi, du travail et des solidarités (DREETS). "
                "Depuis octobre 2023, un nouveau conseil d'administration a nommé une nouvelle "
                "directrice, issue du réseau des missions locales.</p>"
            ),
            accordion(
                "Les trois collèges d'adhérents",
                [
                    (
                        "Organismes de formation supérieure ou professionnelle",
                        "<p>Université "
                        "Toulouse Jean Jaurès, Institut d'études politiques de Toulouse.</p>",
                    ),
                    (
                        "Collectivités territoriales",
                        "<p>Représentées au conseil par les villes de Figeac et Gaillac.</p>",
                    ),
                    (
                        "Associations",
                        "<p>Représentées par L'École des droits humains et de la "
                        "terre et La Trame.</p>",
                    ),
                ],
            ),
            rich_text(
                "<p>Nous tenons une assemblée générale par an ; les membres nommés au conseil "
                "d'administration sont réunis à trois reprises.</p>"
            ),
        ),
    ),
    # 2023: "Pourquoi adhérer au GIP ?".
    StandardPage(
        slug="pourquoi-adherer",
        title="Pourquoi adhérer ?",
        intro=(
            "Vous intervenez dans le champ de la cohésion sociale en Occitanie ? Bénéficiez "
            "d'un appui privilégié."
        ),
        body=(
            heading("Lorsque vous devenez adhérent, le GIP vous propose"),
            rich_text(
                "<ul><li>un premier niveau d'analyse de la demande ;</li><li>du conseil, de "
                "l'orientation vers des services de droit commun ou des lieux ressources ;</li>"
                "<li><strong>l'accès à des espaces numériques privés</strong> sur notre site "
                "internet ;</li><li>la priorité sur l'accès aux formations pour vos agent·e·s, "
                "salarié·e·s et bénévoles.</li></ul>"
            ),
            heading("Allez plus loin"),
            rich_text(
                "<p>Nous pouvons, à votre demande, conduire d'autres projets : accompagnement "
                "d'actions de développement territorial, études et diagnostics, formation, mise "
                "en place de réseaux d'acteur·rice·s, observation du territoire, production de "
                "supports, organisation d'évènements.</p>"
            ),
            rich_text(
                "<p>L'adhésion implique de participer à la gouvernance du GIP, à travers le "
                "collège des associations, des collectivités ou des organismes de formation, et "
                "de construire ensemble les valeurs de la cohésion sociale.</p>"
            ),
            testimonial(
                "Les élus, au moment d'établir un diagnostic, ont fait le choix d'adhérer au GIP "
                "et d'être accompagnés sur la durée.",
                "L'équipe d'un CISPD",
                "Élu·e·s et technicien·ne·s",
                "Une communauté de communes d'Ariège",
            ),
            call_to_action(
                "Devenez partie prenante d'un projet d'envergure régionale",
                "Contactez-nous pour connaître les modalités d'adhésion.",
                "Nous contacter",
                page="contact",
            ),
        ),
    ),
    # 2023: "l'équipe" — roles only, no names.
    StandardPage(
        slug="equipe",
        title="L'équipe",
        intro="Une équipe de chargé·e·s de mission au service des acteur·rice·s des territoires.",
        body=(
            table(
                "Les fonctions de l'équipe",
                ["Pôle", "Fonction"],
                [
                    ["Direction", "Directrice, référente Stratégie pauvreté"],
                    ["Administration", "Chargée de gestion administrative et de formation"],
                    ["Administration", "Agent comptable ; comptable"],
                    ["Ressources", "Chargée de mission Capitalisation, Ressources & Numérique"],
                    ["Observation", "Chargé de mission Système d'information géographique"],
                    ["Égalité", "Chargée de mission Laïcité, égalités, non-discriminations"],
                    [
                        "Politique de la ville",
                        "Chargée de mission Politiques territoriales - Politique de la ville",
                    ],
                    [
                        "Sécurité",
                        "Chargée de mission Politique de la ville / Sécurité & prévention",
                    ],
                    [
                        "Illettrisme",
                        "Chargée de mission Illettrisme, savoirs de base et "
                        "intégration par la langue",
                    ],
                ],
            ),
        ),
    ),
    # Address from the reports' back covers (an institution's public address); the e-mail is on
    # example.org and the phone number in the range reserved for fiction.
    StandardPage(
        slug="contact",
        title="Contact",
        intro="L'espace documentaire vous accueille sur rendez-vous.",
        body=(
            rich_text(
                "<p><strong>Ressources &amp; Territoires</strong><br>134 route d'Espagne – "
                "BP 53566<br>31035 Toulouse Cedex 1</p><p>Téléphone : 05 36 49 00 00<br>"
                'Courriel : <a href="mailto:accueil@example.org">accueil@example.org</a></p>'
            ),
            heading("Horaires d'accueil"),
            rich_text(
                "<ul><li>du mardi au jeudi : 9h00-13h00 / 14h00-17h00 ;</li><li>vendredi : "
                "9h00-13h00 / 14h00-16h00.</li></ul>"
            ),
        ),
    ),
)
