"""Benchmark of the extranet's pages (issue 3): "my spaces", a topic, a reply.

Data set (``--quick``: a twentieth of it), bulk-loaded into a dedicated database:
- 200 spaces, 5,000 members (each in 1 to 3 spaces; every space has an owner and
  moderators), 5,000 topics and 100,000 posts (a few hidden by moderators), topic counters
  computed as the forum services keep them, read marks (half of the measured member's
  topics, about ten topics per other member);
- guardian permissions: the crowd's rows are bulk-created from ``ROLE_PERMISSIONS`` (the map
  ``extranet.spaces.grants`` applies); the two measured members join through
  ``extranet.spaces.services.add_member``, so their permissions come from the real signals
  and grants, and the loader checks them with ``extranet.spaces.permissions``;
- the measured members: one in 20 spaces, one in 2 spaces (both logged in through sessions).

Scenarios, against the baseline of the same run (``bench.harness``):
- ``floor: session`` and ``floor: layout`` (reported, to read the others): the baseline for a
  logged-in member, and an empty extranet page (session, CSRF token, shared layout);
- ``my spaces (20)`` and ``my spaces (2)``: ``/extranet/`` for a member of 20 and of 2 spaces
  (target: at least 0.3 × the baseline's throughput; their query counts must be equal);
- ``space home``: the space home of one of the 20 spaces (reported);
- ``topic page`` and ``topic page (short)``: a topic with a full first page of posts and one
  with 3 posts (target 0.3; equal query counts);
- these pages are per-member fragments cached under the versions of what they show
  (``extranet.web.fragments``): the rows above are *warm*, what a member reloading or
  navigating back gets, and the targets apply to them. The ``(cold)`` rows (reported, no
  target) bump the version the key reads before each request (one UPDATE, counted in the
  time), as a new reply or a read mark would: the fragment is computed afresh each time;
- ``post reply``: a reply POSTed through the web view (302 to the new post), with the
  production task backend (e-mails and indexing are queued, not sent inline; reported).

Sessions use ``cached_db``, as the portal does in production (``REDIS_URL`` set: see
``portal/settings/base.py``); the cache is the test settings' process memory (a Redis round
trip adds ≈ 0.1–0.3 ms in production, to the baseline of logged-in pages as well).

Command (PostgreSQL; the database ``portal_bench_extranet`` is created, then dropped)::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python -m bench.extranet_pages

Options: ``--quick``, ``--keep``, ``--show-queries "my spaces (20)"``, ``--profile "topic page"``
and those of ``bench.harness``. Exit code: 0 targets met, 1 a target missed, 2 the load or a
response failed.
"""

import datetime
import random
import sys
from dataclasses import dataclass

from bench import harness

DATABASE_NAME = harness.database_name("portal_bench_extranet")


@dataclass(frozen=True)
class Volume:
    spaces: int
    members: int
    topics_per_space: int
    posts: int


FULL = Volume(spaces=200, members=5_000, topics_per_space=25, posts=100_000)
QUICK = Volume(spaces=40, members=250, topics_per_space=10, posts=5_000)
MEASURED_SPACES = 20
SMALL_MEMBER_SPACES = 2
SHORT_TOPIC_POSTS = 3
BATCH = 5_000

FIRST_NAMES = ["Camille", "Dominique", "Sacha", "Claude", "Alix", "Maël", "Noa", "Andréa"]
TOPIC_SUBJECTS = [
    "Prévention santé : retours d'expérience",
    "Dérives sectaires : quelles ressources ?",
    "Complotisme chez les jeunes : outils d'animation",
    "Marginalité et tranquillité publique",
    "Accompagnement selon l'âge",
    "Place des parents dans le parcours",
    "Questions juridiques sur les formations",
    "Questions pédagogiques : évaluer les acquis",
]
POST_BODIES = [
    "<p>Nous avons mis en place une cellule d'écoute avec le CLSPD, avec de bons résultats.</p>",
    "<p>Merci pour ce retour : pouvez-vous partager la fiche de poste du ou de la référent·e ?</p>",
    "<p>De notre côté, la coordination avec l'Éducation nationale reste <strong>le point "
    "difficile</strong>.</p>",
    "<p>Le compte rendu de la rencontre de mars est dans les documents de l'espace.</p>",
    "<p>Nous cherchons des intervenant·e·s pour une formation sur la laïcité en juin.</p>",
]


# --- data ------------------------------------------------------------------------------------


def _chunks(rows, size=BATCH):
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def make_members(volume, rng):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    User = get_user_model()
    password = make_password("mot-de-passe-du-benchmark")  # hashed once, shared: login unused
    users = [
        User(
            email=f"membre{n}@bench.example.org",
            first_name=FIRST_NAMES[n % len(FIRST_NAMES)],
            last_name=f"Membre{n}",
            organisation=f"Centre social n°{n % 300}",
            job_title="Coordinateur·rice",
            password=password,
        )
        for n in range(volume.members)
    ]
    return User.objects.bulk_create(users, batch_size=BATCH)


def make_spaces(volume):
    from extranet.spaces.models import Space, SpaceKind

    spaces = [
        Space(
            name=f"Réseau des coordinateur·rice·s n°{n:03d}",
            slug=f"reseau-{n:03d}",
            description="Espace d'échange de pratiques entre acteur·rice·s du réseau.",
            kind=SpaceKind.FORUM if n % 3 else SpaceKind.COLLABORATIVE,
        )
        for n in range(volume.spaces)
    ]
    return Space.objects.bulk_create(spaces)


def make_memberships(spaces, crowd, rng, joined_at):
    """Each crowd member joins 1 to 3 spaces; per space: one owner, two moderators."""
    from extranet.spaces.models import Membership
    from extranet.spaces.roles import Role

    pairs = {}
    for user in crowd:
        for space in rng.sample(spaces, rng.randint(1, 3)):
            pairs[(user.pk, space.pk)] = Role.MEMBER
    by_space = {}
    for user_id, space_id in pairs:
        by_space.setdefault(space_id, []).append(user_id)
    for space in spaces:
        members = by_space.get(space.pk) or [crowd[space.pk % len(crowd)].pk]
        pairs[(members[0], space.pk)] = Role.OWNER
        for user_id in members[1:3]:
            pairs[(user_id, space.pk)] = Role.MODERATOR
    memberships = [
        Membership(user_id=user_id, space_id=space_id, role=role, joined_at=joined_at)
        for (user_id, space_id), role in pairs.items()
    ]
    Membership.objects.bulk_create(memberships, batch_size=BATCH)
    return memberships


def grant_crowd_permissions(memberships):
    """The guardian rows ``grants.grant_role`` would write, bulk-created (no signal ran)."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    from extranet.spaces.models import Space, SpaceUserObjectPermission
    from extranet.spaces.roles import ROLE_PERMISSIONS

    content_type = ContentType.objects.get_for_model(Space)
    permission_ids = dict(
        Permission.objects.filter(content_type=content_type).values_list("codename", "pk")
    )
    rows = [
        SpaceUserObjectPermission(
            user_id=membership.user_id,
            content_object_id=membership.space_id,
            permission_id=permission_ids[str(codename)],
        )
        for membership in memberships
        for codename in ROLE_PERMISSIONS[membership.role]
    ]
    SpaceUserObjectPermission.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def join_measured(user, spaces, joined_at):
    """Through the spaces service: signals grant the guardian permissions of the role."""
    from extranet.spaces import permissions, services
    from extranet.spaces.models import Membership

    for space in spaces:
        services.add_member(space=space, user=user)
    Membership.objects.filter(user=user).update(joined_at=joined_at)
    missing = [space.slug for space in spaces if not permissions.can_post(user, space)]
    if missing:
        raise harness.BenchError(f"{user.email} ne peut pas publier dans {missing}")


def make_topics(spaces, members_of, volume, rng, start):
    from extranet.forum.models import Topic

    topics = []
    for space in spaces:
        authors = members_of[space.pk]
        for n in range(volume.topics_per_space):
            created = start + datetime.timedelta(minutes=rng.randint(0, 525_600))
            topics.append(
                Topic(
                    space=space,
                    title=f"{TOPIC_SUBJECTS[n % len(TOPIC_SUBJECTS)]} ({space.pk}-{n})",
                    author_id=rng.choice(authors),
                    created_at=created,
                    last_activity_at=created,
                    is_pinned=n == 0,
                )
            )
    return Topic.objects.bulk_create(topics, batch_size=BATCH)


def make_posts(topics, members_of, total, rng, fixed):
    """``total`` posts over ``topics``, ``fixed`` maps a topic pk to its exact post count."""
    from extranet.forum.models import Post

    remaining = total - sum(fixed.values())
    free = [topic for topic in topics if topic.pk not in fixed]
    # Uneven threads: a few long discussions, many short ones.
    weights = [rng.paretovariate(1.5) for _ in free]
    scale = remaining / sum(weights)
    counts = {
        topic.pk: max(1, int(weight * scale)) for topic, weight in zip(free, weights, strict=True)
    }
    counts.update(fixed)
    # Rounding leaves the sum a little off ``total``: adjust the longest threads.
    longest = sorted(free, key=lambda topic: counts[topic.pk], reverse=True)
    difference = total - sum(counts.values())
    for number in range(abs(difference)):
        counts[longest[number % len(longest)].pk] += 1 if difference > 0 else -1
    created = 0
    batch = []
    for topic in topics:
        authors = members_of[topic.space_id]
        moment = topic.created_at
        for n in range(counts[topic.pk]):
            moment += datetime.timedelta(minutes=rng.randint(5, 2_000))
            hidden = n > 0 and rng.random() < 0.005
            batch.append(
                Post(
                    topic_id=topic.pk,
                    author_id=topic.author_id if n == 0 else rng.choice(authors),
                    body=POST_BODIES[(topic.pk + n) % len(POST_BODIES)],
                    created_at=moment,
                    is_hidden=hidden,
                    hidden_reason="Hors charte" if hidden else "",
                )
            )
            if len(batch) >= BATCH:
                Post.objects.bulk_create(batch)
                created += len(batch)
                batch = []
    Post.objects.bulk_create(batch)
    return created + len(batch)


def refresh_topic_counters():
    """``post_count``, ``last_post`` and ``last_activity_at`` as the forum services keep
    them (visible posts only), for every topic in one UPDATE."""
    from django.db.models import Count, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    from extranet.forum.models import Post, Topic

    visible = Post.objects.visible().filter(topic=OuterRef("pk"))
    latest = visible.order_by("-created_at", "-pk")
    count = visible.order_by().values("topic").annotate(n=Count("pk")).values("n")
    Topic.objects.update(
        post_count=Coalesce(Subquery(count), 0),
        last_post=Subquery(latest.values("pk")[:1]),
        last_activity_at=Coalesce(Subquery(latest.values("created_at")[:1]), "created_at"),
    )


def mark_half_read(user, topics):
    from extranet.forum.models import TopicReadState

    TopicReadState.objects.bulk_create(
        [
            TopicReadState(user=user, topic_id=topic.pk, last_read_at=topic.last_activity_at)
            for topic in topics[::2]
        ]
    )


def mark_crowd_reading(members_of, measured_ids, rng):
    """Read marks of the crowd (10 topics each on average), so the read-state table has the
    size and selectivity of a forum in use rather than only the measured member's rows."""
    from extranet.forum.models import Topic, TopicReadState

    topics_of = {}
    for topic_id, space_id, last_activity in Topic.objects.values_list(
        "pk", "space_id", "last_activity_at"
    ).iterator():
        topics_of.setdefault(space_id, []).append((topic_id, last_activity))
    marks = {}
    for space_id, user_ids in members_of.items():
        topics = topics_of.get(space_id, [])
        for user_id in user_ids:
            if user_id in measured_ids or not topics:
                continue
            for topic_id, last_activity in rng.sample(topics, min(len(topics), 5)):
                marks[(user_id, topic_id)] = last_activity
    TopicReadState.objects.bulk_create(
        [
            TopicReadState(user_id=user_id, topic_id=topic_id, last_read_at=at)
            for (user_id, topic_id), at in marks.items()
        ],
        batch_size=BATCH,
    )
    return len(marks)


@dataclass
class DataSet:
    member20: object
    member2: object
    space: object
    topic: object
    short_topic: object
    reply_topic: object


def load(volume):
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from extranet.forum.models import Post, Topic, TopicReadState
    from extranet.spaces.models import Membership, SpaceUserObjectPermission

    rng = random.Random(2023)
    start = timezone.now() - datetime.timedelta(days=400)
    joined_at = start
    with harness.step(f"{volume.members} members and {volume.spaces} spaces"):
        users = make_members(volume, rng)
        spaces = make_spaces(volume)
    member20, member2, crowd = users[0], users[1], users[2:]
    with harness.step("memberships and guardian permissions (bulk)"):
        memberships = make_memberships(spaces, crowd, rng, joined_at)
        permission_rows = grant_crowd_permissions(memberships)
    print(f"  {len(memberships)} memberships, {permission_rows} object permissions")
    measured_spaces = spaces[:MEASURED_SPACES]
    with harness.step("measured members join through extranet.spaces.services"):
        join_measured(member20, measured_spaces, joined_at)
        join_measured(member2, measured_spaces[:SMALL_MEMBER_SPACES], joined_at)

    members_of = {}
    for membership in Membership.objects.values_list("space_id", "user_id").iterator():
        members_of.setdefault(membership[0], []).append(membership[1])
    with harness.step(f"{volume.spaces * volume.topics_per_space} topics"):
        topics = make_topics(spaces, members_of, volume, rng, start)
    space = measured_spaces[0]
    in_space = [topic for topic in topics if topic.space_id == space.pk]
    topic, short_topic, reply_topic = in_space[1], in_space[2], in_space[3]
    fixed = {topic.pk: 60, short_topic.pk: SHORT_TOPIC_POSTS, reply_topic.pk: 10}
    _count, seconds = harness.timed(
        f"{volume.posts} posts (bulk_create, {BATCH} per batch)",
        lambda: make_posts(topics, members_of, volume.posts, rng, fixed),
    )
    print(f"  {volume.posts / seconds:.0f} posts/s")
    with harness.step("topic counters and read marks"), transaction.atomic():
        refresh_topic_counters()
        measured_topics = list(Topic.objects.filter(space__in=measured_spaces).order_by("pk"))
        mark_half_read(member20, measured_topics)
        marks = mark_crowd_reading(members_of, {member20.pk, member2.pk}, rng)
    print(f"  {marks} read marks of other members")
    with harness.step("VACUUM ANALYZE"):
        harness.vacuum_analyze()

    counts = {
        "members": get_user_model().objects.count(),
        "spaces": len(spaces),
        "topics": Topic.objects.count(),
        "posts": Post.objects.count(),
        "object permissions": SpaceUserObjectPermission.objects.count(),
        "read marks": TopicReadState.objects.count(),
    }
    print("  " + ", ".join(f"{value} {name}" for name, value in counts.items()))
    if counts["posts"] != volume.posts or counts["members"] < volume.members:
        raise harness.BenchError(f"données incomplètes : {counts}")
    for item in (topic, short_topic, reply_topic):
        item.refresh_from_db()
    return DataSet(member20, member2, space, topic, short_topic, reply_topic)


# --- scenarios -------------------------------------------------------------------------------


def _contains(*needles):
    """Check that the page shows each needle (text, escaped as templates escape it)."""
    from django.utils.html import escape

    def check(response):
        text = response.content.decode()
        missing = [needle for needle in needles if escape(needle) not in text]
        return f"absent de la page : {missing}" if missing else None

    return check


def _space_count(expected):
    def check(response):
        found = response.content.decode().count('class="card space-card"')
        return None if found == expected else f"{found} espaces affichés, {expected} attendus"

    return check


def _topic_url(data, topic):
    return f"/extranet/{data.space.slug}/sujets/{topic.pk}/"


SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


def use_production_sessions():
    """Sessions as in production (``cached_db`` over the shared cache): set before the first
    client logs in, and before any request builds the middleware chain."""
    from django.conf import settings

    settings.SESSION_ENGINE = SESSION_ENGINE


def _bumping(table, where, params, path):
    """A ``path`` callable that first bumps a version counter (as a write would): the next
    request computes its fragment afresh. The UPDATE is part of the measured time."""
    from django.db import connection

    sql = f"UPDATE {table} SET version = version + 1 WHERE {where}"

    def cold_path(_i):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
        return path

    return cold_path


def _cold_my_spaces(member, space):
    return _bumping(
        "spaces_membership", "user_id = %s AND space_id = %s", [member.pk, space.pk], "/extranet/"
    )


def _cold_topic(data, topic):
    return _bumping("forum_topic", "id = %s", [topic.pk], _topic_url(data, topic))


def scenarios(data):
    use_production_sessions()
    member20 = harness.logged_in_client(data.member20)
    member2 = harness.logged_in_client(data.member2)
    reply_url = _topic_url(data, data.reply_topic)
    return [
        harness.Scenario(
            "floor: session",
            "/bench/session/",
            client=member20,
            description="la vue de base pour un·e membre connecté·e (session, utilisateur)",
        ),
        harness.Scenario(
            "floor: layout",
            "/bench/layout/",
            client=member20,
            description="une page vide de l'extranet (session, CSRF, gabarit commun)",
        ),
        harness.Scenario(
            "my spaces (20)",
            "/extranet/",
            client=member20,
            check=_space_count(MEASURED_SPACES),
            target=0.3,
            description="« Mes espaces » d'un·e membre de 20 espaces",
        ),
        harness.Scenario(
            "my spaces (2)",
            "/extranet/",
            client=member2,
            check=_space_count(SMALL_MEMBER_SPACES),
            target=0.3,
            description="« Mes espaces » d'un·e membre de 2 espaces",
        ),
        harness.Scenario(
            "space home",
            f"/extranet/{data.space.slug}/",
            client=member20,
            check=_contains(data.space.name),
            description="accueil d'un espace (sujets épinglés puis récents)",
        ),
        harness.Scenario(
            "topic page",
            _topic_url(data, data.topic),
            client=member20,
            check=_contains(data.topic.title, "message-"),
            target=0.3,
            description="un sujet, première page de 20 messages",
        ),
        harness.Scenario(
            "topic page (short)",
            _topic_url(data, data.short_topic),
            client=member20,
            check=_contains(data.short_topic.title),
            target=0.3,
            description=f"un sujet de {SHORT_TOPIC_POSTS} messages",
        ),
        harness.Scenario(
            "my spaces (20) (cold)",
            _cold_my_spaces(data.member20, data.space),
            client=member20,
            check=_space_count(MEASURED_SPACES),
            description="« Mes espaces » recalculé (version changée avant chaque requête)",
        ),
        harness.Scenario(
            "topic page (cold)",
            _cold_topic(data, data.topic),
            client=member20,
            check=_contains(data.topic.title, "message-"),
            description="la page du sujet recalculée (version changée avant chaque requête)",
        ),
        harness.Scenario(
            "topic page (short) (cold)",
            _cold_topic(data, data.short_topic),
            client=member20,
            check=_contains(data.short_topic.title),
            description="le sujet de 3 messages recalculé",
        ),
        harness.Scenario(
            "post reply",
            reply_url,
            method="post",
            data=lambda i: {"body": f"<p>Réponse n°{i} : merci pour ce partage.</p>"},
            client=member20,
            expect=302,
            description="une réponse publiée par la vue web (redirection vers le message)",
        ),
    ]


WARM_PAIRS = (("my spaces (2)", "my spaces (20)"), ("topic page (short)", "topic page"))
COLD_PAIRS = (("topic page (short) (cold)", "topic page (cold)"),)


def recount_warm_queries(report, scenarios, samples):
    """Count the warm scenarios' queries on warm requests: the harness counts after every
    scenario has run, and ``post reply`` (last) changed the space the warm pages show, so
    their first counted request was a cold one. One request first, then the counts."""
    by_name = {scenario.name: scenario for scenario in scenarios}
    for pair in WARM_PAIRS:
        for name in pair:
            by_name[name].request(3 * 10**6)
            report[name].queries = harness.count_queries(by_name[name], samples, 3 * 10**6 + 1)


def check_constant_queries(report):
    for small, large in WARM_PAIRS + COLD_PAIRS:
        a, b = report[small].queries, report[large].queries
        report.add_check(
            f"requêtes constantes, {small} / {large}",
            set(a) == set(b) and len(set(a)) == 1,
            f"{report[small].queries_label} / {report[large].queries_label}",
        )


def check_replies_saved(data, report):
    """Every timed, warm-up and counted POST created exactly one post."""
    from extranet.forum.models import Post, Topic

    topic = Topic.objects.get(pk=data.reply_topic.pk)
    posts = Post.objects.visible().filter(topic=topic).count()
    report.add_check(
        "réponses enregistrées, compteurs exacts",
        posts == topic.post_count and posts > data.reply_topic.post_count,
        f"{posts - data.reply_topic.post_count} réponses, post_count = {topic.post_count}",
    )


def run(args):
    volume = QUICK if args.quick else FULL
    with harness.bench_database(DATABASE_NAME, args):
        data = load(volume)
        measured = scenarios(data)
        report = harness.run(measured, args)
        recount_warm_queries(report, measured, report.sizes.query_samples)
        check_constant_queries(report)
        check_replies_saved(data, report)
        report.print()
        return report.exit_code()


def main(argv=None):
    parser = harness.argument_parser(__doc__)
    args = parser.parse_args(argv)
    return harness.main(lambda: run(args))


if __name__ == "__main__":
    sys.exit(main())
