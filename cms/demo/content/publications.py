"""Publications: Conf'At proceedings n°19 to n°24, Fichexpérience n°12, the impact-social
vademecum and the two graphic syntheses on the politique de la ville.

Sources:
- Conf'At: 2017 report, "Les productions / Les Conf'At : 6 actes de conférences réalisés" (titles,
  sub-titles, "Compte rendu n°… de la conférence du …", speakers) and "Les conférences-ateliers"
  (speakers' affiliations and the summaries of the 2017 conferences). The proceedings were
  *produced* in 2017, but n°19 to n°21 report on conferences held in 2016: `event_date` is the
  real date of the conference, `published_on` the (estimated) release of the proceedings in 2017.
  Speakers are public content of the proceedings; no account is ever made of them.
- Fichexpérience n°12: 2017 report, "Une 12ème Fiche d'expérience" ("Fichexpérence n°12,
  Juillet 2017").
- Vademecum: 2023 report, "Mission « Impact Social »" and "Récapitulatif des productions 2023".
- Syntheses: 2023 report, "Deux synthèses graphiques concernant la politique de la ville" (their
  titles are inferred from the file names the report links to).
"""

from dataclasses import dataclass
from datetime import date

KINDS = ("confat", "fichexperience", "vademecum", "synthese")


@dataclass(frozen=True)
class Speaker:
    name: str
    affiliation: str = ""


@dataclass(frozen=True)
class Publication:
    slug: str
    kind: str  # one of KINDS
    number: int | None
    title: str
    subtitle: str
    published_on: date
    summary: str
    themes: tuple[str, ...]
    speakers: tuple[Speaker, ...] = ()
    authors: str = "Ressources & Territoires"
    # Date of the conference a Conf'At reports on (None for other kinds).
    event_date: date | None = None
    event_label: str = ""
    # Paragraphs written into the generated demo PDF.
    pdf_text: tuple[str, ...] = ()

    @property
    def pdf_filename(self) -> str:
        return f"{self.slug}.pdf"


CONFATS: tuple[Publication, ...] = (
    Publication(
        slug="confat-24-pedagogies-cooperatives",
        kind="confat",
        number=24,
        title="Pédagogies coopératives. Une autre piste pour raccrocher les apprentissages",
        subtitle=(
            "La coopération, une pratique pédagogique naturelle ? Quelle(s) intervention(s) "
            "didactique(s) de la part de l'enseignant pour organiser cette coopération ?"
        ),
        event_date=date(2017, 5, 18),
        event_label="Compte rendu n°24 de la conférence du 18 mai 2017",
        published_on=date(2017, 9, 14),  # estimated
        speakers=(
            Speaker(
                "Sylvain Connac",
                "Maître de conférences en Sciences de l'Éducation (LIRDEF), enseignant "
                "chercheur à l'Université Paul Valéry de Montpellier",
            ),
        ),
        summary=(
            "« Il ne suffit pas d'enseigner pour que les élèves apprennent. » Quand les élèves "
            "apprennent par la coopération, celui qui aide ancre ses apprentissages et celui qui "
            "est aidé poursuit son travail sans attendre. Mais coopérer n'est pas naturel : "
            "cette pratique demande une intervention didactique particulière de l'enseignant."
        ),
        themes=("education",),
    ),
    Publication(
        slug="confat-23-tous-intelligents",
        kind="confat",
        number=23,
        title="Tous intelligents ?? Tous intelligents !",
        subtitle=(
            "Cultiver les intelligences multiples des apprenants. Apprendre autrement ou "
            "comment solliciter nos différentes intelligences."
        ),
        event_date=date(2017, 4, 27),
        event_label="Compte rendu n°23 de la conférence du 27 avril 2017",
        published_on=date(2017, 7, 6),  # estimated
        speakers=(
            Speaker(
                "Bruno Hourst",
                "Ingénieur, formateur et enseignant, chercheur en pédagogies nouvelles",
            ),
        ),
        summary=(
            "En 1983, Howard Gardner bouscule la mesure de l'intelligence par le QI : chacun est "
            "doté de plusieurs intelligences. Connaître ces intelligences permet de mieux "
            "apprendre, et donc de mieux réussir."
        ),
        themes=("education", "illettrisme-savoirs-de-base"),
    ),
    Publication(
        slug="confat-22-discipline-positive",
        kind="confat",
        number=22,
        title="La Discipline Positive : une approche éducative centrée sur l'encouragement",
        subtitle=("Comment mettre l'encouragement au cœur des apprentissages socio-émotionnels ?"),
        event_date=date(2017, 3, 29),
        event_label="Compte rendu n°22 de la conférence du 29 mars 2017",
        published_on=date(2017, 6, 15),  # estimated
        speakers=(
            Speaker("Agnès Buthaud", "Formatrice certifiée en Discipline Positive"),
            Speaker("Alix de Salaberry", "Formatrice certifiée en Discipline Positive"),
        ),
        summary=(
            "Ni punitive, ni permissive : la Discipline Positive développe les compétences "
            "sociales dans un esprit de respect mutuel au sein des écoles, des communautés et "
            "des familles, et fait passer le lien éducatif de l'autorité verticale à la "
            "coopération."
        ),
        themes=("education",),
    ),
    Publication(
        slug="confat-21-du-decrochage-a-la-reussite",
        kind="confat",
        number=21,
        title="Du décrochage à la réussite scolaire : état ou processus ?",
        subtitle=(
            "Réussite scolaire ou réussite éducative ? Réussite scolaire ou éducative : un "
            "soutien et une mobilisation nécessaires…"
        ),
        event_date=date(2016, 11, 17),
        event_label="Compte rendu n°21 de la conférence du 17 novembre 2016",
        published_on=date(2017, 3, 10),  # estimated
        speakers=(Speaker("Patrick Rayou"),),
        summary=(
            "Le décrochage est-il un état ou un processus ? La conférence interroge la "
            "distinction entre réussite scolaire et réussite éducative, et la mobilisation "
            "nécessaire autour des élèves."
        ),
        themes=("education",),
    ),
    Publication(
        slug="confat-20-perseverance-pouvoir-d-agir",
        kind="confat",
        number=20,
        title=(
            "Orientation / Décrochage… Et si on parlait plutôt persévérance et développement "
            "du pouvoir d'agir ?"
        ),
        subtitle=(
            "De l'engagement à la persévérance ou comment accompagner le développement de "
            "l'autonomie de la motivation"
        ),
        event_date=date(2016, 10, 4),
        event_label="Compte rendu n°20 de la conférence du 4 octobre 2016",
        published_on=date(2017, 2, 15),  # estimated
        speakers=(Speaker("André Chauvet"),),
        summary=(
            "Plutôt que de parler décrochage, parler persévérance : comment accompagner les "
            "jeunes dans le développement de l'autonomie de leur motivation."
        ),
        themes=("education",),
    ),
    Publication(
        slug="confat-19-voyager-pour-apprendre",
        kind="confat",
        number=19,
        title=(
            "Voyager pour apprendre : comment le mouvement et l'espace ont un effet sur "
            "l'apprentissage ?"
        ),
        subtitle="Espaces inspirants et déplacements surprenants…",
        event_date=date(2016, 7, 1),
        event_label="Compte rendu n°19 du Forum pédagogique du 1er juillet 2016",
        published_on=date(2017, 1, 20),  # estimated
        speakers=(),  # the report names no speaker for the forum
        summary=(
            "Actes du Forum pédagogique : comment les espaces d'apprentissage et les "
            "déplacements des apprenant·e·s influencent la manière d'apprendre."
        ),
        themes=("illettrisme-savoirs-de-base", "education"),
    ),
)

FICHEXPERIENCE_12 = Publication(
    slug="fichexperience-12-demarche-daccrochage",
    kind="fichexperience",
    number=12,
    title="Une démarche dac(crochage)",
    subtitle="Retrouver la « paix scolaire »",
    published_on=date(2017, 7, 1),  # "Juillet 2017"
    summary=(
        "Initié suite à plusieurs épisodes de violences dans un lycée professionnel toulousain, "
        "le dispositif visait le retour au calme et à la sérénité. La communauté éducative a "
        "profité de cette « remise à plat » pour en faire un outil de suivi et d'accompagnement "
        "scolaire au long cours."
    ),
    themes=("education", "securite-prevention"),
    pdf_text=(
        "En 2007, le Lycée professionnel Le Mirail a connu des troubles sérieux : le CPE et "
        "plusieurs professeurs ont été pris à partie par des élèves et des individus extérieurs.",
        "Le corps enseignant a fait usage de son droit de retrait et engagé une médiation avec "
        "le Rectorat. Un diagnostic partagé a conduit à plusieurs orientations ; trois d'entre "
        "elles régissent encore la vie de l'établissement.",
    ),
)

VADEMECUM_IMPACT_SOCIAL = Publication(
    slug="vademecum-impact-social",
    kind="vademecum",
    number=1,
    title="Vademecum sur l'impact social",
    subtitle="Une revue de littérature sur la notion d'impact social",
    published_on=date(2023, 5, 15),  # estimated: before the regional conference of 25 May
    summary=(
        "À partir de 2023, les actions financées dans le cadre de la lutte contre la pauvreté "
        "doivent faire apparaître une indication de leur impact social. Ce vademecum en propose "
        "une première lecture simplifiée, préalable à l'accompagnement des porteurs de projets."
    ),
    themes=("pauvrete",),
    authors="Ressources & Territoires, pour le Commissaire à la prévention et à la lutte contre "
    "la pauvreté en Occitanie",
    pdf_text=(
        "Mesurer l'impact social permet de mieux percevoir les effets produits par une action "
        "et de la valoriser d'une façon différente.",
        "Ce document rassemble les définitions, les méthodes et les ressources existantes pour "
        "les porteurs de projets des appels à projets régionaux.",
    ),
)

SYNTHESES: tuple[Publication, ...] = (
    Publication(
        slug="synthese-quartiers-2030",
        kind="synthese",
        number=1,
        title="Engagements Quartiers 2030 : la nouvelle génération de contrats de ville",
        subtitle="Synthèse graphique",
        published_on=date(2023, 7, 3),  # estimated
        summary=(
            "Calendrier, gouvernance, concertation citoyenne : les repères de la nouvelle "
            "génération de contrats de ville en une synthèse graphique."
        ),
        themes=("politique-de-la-ville",),
    ),
    Publication(
        slug="synthese-comite-interministeriel-des-villes-2023",
        kind="synthese",
        number=2,
        title="Le Comité interministériel des villes d'octobre 2023",
        subtitle="Synthèse graphique",
        published_on=date(2023, 11, 6),  # estimated
        summary="Les principales mesures du Comité interministériel des villes d'octobre 2023.",
        themes=("politique-de-la-ville",),
    ),
)

PUBLICATIONS: tuple[Publication, ...] = (
    CONFATS + (FICHEXPERIENCE_12, VADEMECUM_IMPACT_SOCIAL) + SYNTHESES
)
