"""The networks' 2023 history, from the 2023 activity report, so that
``manage.py activity_report --year 2023`` reproduces the report's table of networks.

What the report states (seeds/003, "développement et animation de réseaux" of each chapter):

| network | members | meetings | participations |
| --- | --- | --- | --- |
| chef·fe·s de projets et chargé·e·s de mission des contrats de ville | 47 | 4 | 42 |
| chef·fe·s de projets NPNRU | 9 | 3 | 21 |
| coordonnateur·rice·s des PRE | 40 | 3 | 26 |
| référent·e·s des PRE | 39 | 4 | 53 |
| PEP'S (coordonnateur·rice·s CLSPD/CISPD) | 40 | 5 | 66 |
| ESAT (34 structures) | 34 | 3 | 20 |
| VRL Occitanie | 250 | 12 (3 régionales, 9 départementales) | 119 |

The VRL row's participations are not printed; 119 is what the report's totals leave for it
("34 rencontres de réseaux réalisées, 347 participations", minus the six other networks' 22
meetings and 228 participations). The meetings of the other rows add up to the chapters'
summaries too ("2 réseaux regroupant 56 membres, 7 rencontres, 63 participations" for the city
contracts and NPNRU; "2 réseaux, 79 membres, 7 rencontres, 79 participations" for the PREs).

Subjects and places are the report's (the NPNRU tour of Montauban, Foix and Albi; PEP'S's five
subjects; …); dates within the year, the split of participations between a network's meetings
and the number of newcomers (except the PRE coordinators' 5) are invented. Who came is drawn
from the space's invented members; the VRL's departmental meetings, held in each département
with trainers who are not all on the extranet, record a participation count instead.

Written through ``meetings.services`` (creation, then attendance recorded by the animator, as a
moderator does after a meeting) and re-dated afterwards. Idempotent: meetings are looked up by
title within their space; the members' arrival dates are recomputed identically at every run.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

YEAR = 2023


@dataclass(frozen=True)
class PastMeeting:
    title: str
    day: date
    place: str
    participations: int
    agenda: tuple[str, ...] = ()
    # Held elsewhere with people not all on the extranet: a participation count, no list.
    counted: bool = False


@dataclass(frozen=True)
class NetworkYear:
    space: str  # SpaceSpec.slug
    members: int  # at 31 December, as the report states
    since: date  # when the network's first members joined
    newcomers: int  # members who joined during the year
    meetings: tuple[PastMeeting, ...]


RT = "Ressources & Territoires, Toulouse"


def _d(month: int, day: int) -> date:
    return date(YEAR, month, day)


_VRL_DEPARTEMENTS = (
    ("Ariège", "Foix", _d(2, 9), 6),
    ("Aveyron", "Rodez", _d(3, 16), 5),
    ("Haute-Garonne", "Toulouse", _d(4, 6), 7),
    ("Gers", "Auch", _d(5, 11), 4),
    ("Lot", "Cahors", _d(6, 8), 6),
    ("Hautes-Pyrénées", "Tarbes", _d(9, 21), 5),
    ("Tarn", "Albi", _d(10, 12), 7),
    ("Tarn-et-Garonne", "Montauban", _d(11, 9), 6),
    ("Hérault", "Montpellier", _d(11, 23), 6),
)

NETWORKS_2023: tuple[NetworkYear, ...] = (
    NetworkYear(
        space="chefs-de-projet-contrats-de-ville",
        members=47,
        since=date(2012, 3, 1),
        newcomers=4,
        meetings=(
            PastMeeting(
                "Contrats de ville 2024-2030 : la méthode d'élaboration",
                _d(2, 14),
                RT,
                12,
                ("Calendrier de la nouvelle contractualisation", "Diagnostics partagés"),
            ),
            PastMeeting(
                "Contrats de ville : la gouvernance",
                _d(5, 16),
                RT,
                10,
                ("Pilotage État – collectivités", "Place des conseils citoyens"),
            ),
            PastMeeting(
                "Contrats de ville : les thématiques d'intervention",
                _d(9, 19),
                RT,
                11,
                ("Emploi, éducation, tranquillité publique", "Transition écologique"),
            ),
            PastMeeting(
                "Contrats de ville : la concertation citoyenne",
                _d(11, 21),
                RT,
                9,
                ("Retours des concertations menées", "Délais d'élaboration"),
            ),
        ),
    ),
    NetworkYear(
        space="chefs-de-projet-npnru",
        members=9,
        since=date(2015, 6, 1),
        newcomers=1,
        meetings=(
            PastMeeting(
                "Tour des projets NPNRU : Montauban, quartier Médiathèque / Chambord",
                _d(3, 23),
                "Montauban, quartier Médiathèque / Chambord",
                7,
                ("Visite sur site", "Relations avec les partenaires et les financeurs"),
            ),
            PastMeeting(
                "Tour des projets NPNRU : Foix, quartier du centre ancien",
                _d(6, 15),
                "Foix, quartier du centre ancien",
                8,
                ("Visite sur site", "Clauses d'insertion et relogement"),
            ),
            PastMeeting(
                "Tour des projets NPNRU : Albi, quartier Cantepau",
                _d(10, 5),
                "Albi, quartier Cantepau",
                6,
                ("Visite sur site", "Participation des habitant·e·s, mémoire des quartiers"),
            ),
        ),
    ),
    NetworkYear(
        space="coordonnateurs-pre",
        members=40,
        since=date(2012, 9, 1),
        newcomers=5,  # "cette année 5 coordonnateur·rice·s ont été inscrit·e·s"
        meetings=(
            PastMeeting(
                "Réseau des coordonnateur·rice·s PRE : la nouvelle contractualisation",
                _d(3, 9),
                RT,
                9,
                ("La politique de la ville après 2023", "Place des PRE dans les contrats"),
            ),
            PastMeeting(
                "Réseau des coordonnateur·rice·s PRE : protection de l'enfance et harcèlement",
                _d(6, 22),
                RT,
                8,
                ("Les nouvelles lois de la protection de l'enfance", "Lutte contre le harcèlement"),
            ),
            PastMeeting(
                "Réseau des coordonnateur·rice·s PRE : le pacte des solidarités",
                _d(11, 16),
                RT,
                9,
                ("Pacte des solidarités", "Articulation avec la CTG et la COG de la CAF"),
            ),
        ),
    ),
    NetworkYear(
        space="referents-pre",
        members=39,
        since=date(2022, 10, 1),  # "initié fin 2022"
        newcomers=12,
        meetings=(
            PastMeeting(
                "Référent·e·s PRE : l'accompagnement selon l'âge des enfants",
                _d(2, 2),
                RT,
                14,
                ("Accompagnement différencié selon l'âge",),
            ),
            PastMeeting(
                "Référent·e·s PRE : les limites de l'accompagnement",
                _d(5, 11),
                RT,
                13,
                ("Les limites à l'accompagnement du PRE",),
            ),
            PastMeeting(
                "Référent·e·s PRE : la place des parents",
                _d(9, 28),
                RT,
                12,
                ("La place et le rôle des parents dans l'accompagnement",),
            ),
            PastMeeting(
                "Référent·e·s PRE : la durée des parcours",
                _d(12, 7),
                RT,
                14,
                ("La durée des parcours", "Bilan de l'année du réseau"),
            ),
        ),
    ),
    NetworkYear(
        space="reseau-peps",
        members=40,
        since=date(2011, 4, 1),
        newcomers=3,
        meetings=(
            PastMeeting("PEP'S : la prévention santé", _d(1, 26), RT, 14, ("Prévention santé",)),
            PastMeeting(
                "PEP'S : prévenir l'emprise sectaire", _d(3, 30), RT, 12, ("Dérives sectaires",)
            ),
            PastMeeting("PEP'S : le complotisme", _d(6, 1), RT, 13, ("Complotisme",)),
            PastMeeting(
                "PEP'S : marginalité et tranquillité publique",
                _d(9, 14),
                RT,
                15,
                ("Marginalité et tranquillité publique",),
            ),
            PastMeeting(
                "PEP'S : relations forces de sécurité / population",
                _d(11, 30),
                RT,
                12,
                ("Relations entre forces de sécurité et population",),
            ),
        ),
    ),
    NetworkYear(
        space="reseau-esat",
        members=34,
        since=date(2010, 1, 15),
        newcomers=2,
        meetings=(
            PastMeeting(
                "Rencontre des formateur·rice·s et moniteur·rice·s d'ESAT (printemps)",
                _d(3, 28),
                RT,
                7,
                ("Partage d'informations", "Échange de bonnes pratiques"),
            ),
            PastMeeting(
                "Rencontre des formateur·rice·s et moniteur·rice·s d'ESAT (été)",
                _d(6, 27),
                RT,
                6,
                ("Savoirs de base en ESAT",),
            ),
            PastMeeting(
                "Rencontre des formateur·rice·s et moniteur·rice·s d'ESAT (automne)",
                _d(11, 14),
                RT,
                7,
                ("Professionnalisation entre pairs",),
            ),
        ),
    ),
    NetworkYear(
        space="forum-vrl-occitanie",
        members=250,
        since=date(2016, 1, 1),
        newcomers=18,
        meetings=(
            PastMeeting(
                "Réunion régionale VRL Occitanie (printemps)",
                _d(3, 7),
                RT,
                24,
                ("Actualité du plan VRL", "Questions juridiques et pédagogiques"),
            ),
            PastMeeting(
                "Réunion régionale VRL Occitanie (été)",
                _d(6, 29),
                RT,
                21,
                ("Kit pédagogique 1 jour", "Retours des formations"),
            ),
            PastMeeting(
                "Réunion régionale VRL Occitanie (automne)",
                _d(10, 17),
                RT,
                22,
                ("Bilan de l'année", "Programmation des formations"),
            ),
            *(
                PastMeeting(
                    f"Réunion départementale VRL – {departement}",
                    day,
                    town,
                    count,
                    ("Organisation des sessions dans le département",),
                    counted=True,
                )
                for departement, town, day, count in _VRL_DEPARTEMENTS
            ),
        ),
    ),
)

BY_SPACE = {network.space: network for network in NETWORKS_2023}


def _aware(day: date, at: time = time(9, 30)) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def date_memberships(space, network: NetworkYear, rng: random.Random) -> None:
    """Give the space's members the arrival dates of the year's history: ``network.members``
    of them by 31 December (``newcomers`` during the year), in a fixed order so that every run
    writes the same dates. Members beyond the report's count keep their later dates."""
    from extranet.spaces.models import Membership
    from extranet.spaces.roles import Role

    memberships = list(
        Membership.objects.filter(space=space, role=Role.MEMBER)
        .order_by("user__email")
        .values_list("pk", flat=True)
    )[: network.members]
    rng.shuffle(memberships)
    year_start = date(YEAR, 1, 1)
    before = (year_start - network.since).days
    for index, pk in enumerate(memberships):
        if index < network.newcomers:
            day = year_start + timedelta(days=rng.randint(0, 364))
        else:
            day = network.since + timedelta(days=rng.randint(0, max(before - 1, 0)))
        Membership.objects.filter(pk=pk).update(joined_at=_aware(day, time(10)))


def write_meetings(space, network: NetworkYear, animator, people, rng: random.Random) -> int:
    """Create the year's meetings with their sign-ups and recorded attendance; returns how
    many were created (none when they exist already)."""
    from extranet.meetings import services as meetings
    from extranet.meetings.models import Meeting, Registration

    existing = set(space.meetings.values_list("title", flat=True))
    created = 0
    for spec in network.meetings:
        if spec.title in existing:
            continue
        starts = _aware(spec.day)
        meeting = meetings.create_meeting(
            space,
            animator,
            title=spec.title,
            starts_at=starts,
            ends_at=starts + timedelta(hours=5)
            if not spec.counted
            else starts + timedelta(hours=3),
            place=spec.place,
            agenda="<ul>" + "".join(f"<li>{item}</li>" for item in spec.agenda) + "</ul>",
        )
        if spec.counted:
            meetings.record_attendance(meeting, animator, count=spec.participations)
        else:
            came = rng.sample(people, min(spec.participations, len(people)))
            others = [person for person in people if person not in came]
            absent = rng.sample(others, min(2, len(others)))  # signed up, did not come
            Registration.objects.bulk_create(
                Registration(
                    meeting=meeting, user=user, created_at=starts - timedelta(rng.randint(3, 20))
                )
                for user in came + absent
            )
            meetings.record_attendance(meeting, animator, attendees=came)
        Meeting.objects.filter(pk=meeting.pk).update(
            created_at=starts - timedelta(days=30),
            attendance_recorded_at=starts + timedelta(days=1),
        )
        created += 1
    return created


def seed_network_year(seeder, space, spec, animator) -> None:
    """Called by the demo seeder for every space; spaces the report does not list are left
    alone."""
    network = BY_SPACE.get(spec.slug)
    if network is None:
        return
    rng = random.Random(f"rt-demo:{YEAR}:{spec.slug}")
    date_memberships(space, network, rng)
    people = [seeder.user(person) for person in seeder.people_by_space[spec.slug]]
    seeder.report.add(
        f"rencontres de {YEAR}", write_meetings(space, network, animator, people, rng)
    )
