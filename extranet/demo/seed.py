"""Build the demo extranet from `extranet/demo/content.py`, through the extranet's services.

- Accounts: the invented members are bulk-created (hundreds of rows, no usable password: they
  never log in); the demo member and the animators get the printed demo password.
- Spaces are created by slug and linked to their cms Network / DossierPage when those exist
  (`seed_cms` runs first in `seed_demo`).
- Memberships go through `spaces.services.add_member`, so guardian permissions follow the role;
  topics, replies, pins and locks through `forum.services`; folders and documents through
  `documents.services` (the upload checks run on the generated files); upcoming meetings and
  their sign-ups through `meetings.services`. Those services check what the acting member may
  do, so the demo content obeys the same rules as real content.
- What the services stamp "now" is then moved into the past (posts, topics, documents,
  memberships), so the demo reads like a year of activity. Past meetings' attendance is written
  directly: signing up is (rightly) closed once a meeting has started.
- Nobody is e-mailed: the demo's posts are recreated history, not news (see `_no_announcements`).
- The networks' 2023 history (`history_2023`): the meetings the 2023 report counts, with their
  recorded attendance, and the members' arrival dates, so that the activity report computed for
  2023 gives the report's table of networks. The recent past meetings above keep their sign-ups
  without recorded attendance: recording it is the animator's job in the demo.

Idempotent: spaces, topics, documents, folders and meetings are looked up by natural keys
(slug, or title within the space) and created with all their content only when missing.
"""

import random
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string

from cms.demo.files import one_page_pdf

from . import content, history_2023
from .members import Person


def extranet_available() -> bool:
    """Whether the extranet's models and services are installed (seed_demo skips otherwise)."""
    try:
        from extranet.documents import services as _documents  # noqa: F401
        from extranet.forum import services as _forum  # noqa: F401
        from extranet.meetings import services as _meetings  # noqa: F401
        from extranet.spaces import services as _spaces  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass
class ExtranetSeedReport:
    created: dict[str, int] = field(default_factory=dict)
    # (label, e-mail, password) of the accounts one can log in with.
    logins: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, what: str, count: int = 1):
        if count:
            self.created[what] = self.created.get(what, 0) + count

    def summary(self) -> str:
        if not self.created:
            return "rien à créer : la démo est déjà en place"
        return ", ".join(f"{count} {what}" for what, count in sorted(self.created.items()))


@contextmanager
def _no_announcements():
    """Mute the forum's e-mail announcements while the demo's history is written.

    The forum services announce every new topic and reply by e-mail (through
    `extranet.notifications.tasks`); replaying a year of demo posts would e-mail hundreds of
    invented members about old news. The two announcement hooks are replaced by no-ops for the
    duration of the seeding only.
    """
    from extranet.notifications import tasks

    saved = tasks.announce_post, tasks.announce_mentions
    tasks.announce_post = lambda post, *, new_topic: None
    tasks.announce_mentions = lambda post, users: None
    try:
        yield
    finally:
        tasks.announce_post, tasks.announce_mentions = saved


def _at(days_ago: int, hour: int = 9, minute: int = 0):
    """An aware datetime `days_ago` days before today, at the given local time."""
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


class _Seeder:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.report = ExtranetSeedReport()
        self.people_by_space = content.members_by_space()
        self.users: dict[str, object] = {}
        self.rng = random.Random("rt-demo:extranet")

    def say(self, message: str):
        if self.stdout is not None:
            self.stdout.write(message)

    # --- accounts -----------------------------------------------------------------------------

    def accounts(self):
        from cms.models import Territory

        User = get_user_model()
        communes = dict(Territory.objects.filter(level="commune").values_list("name", "pk"))
        demo_password = make_password(content.DEMO_MEMBER_PASSWORD)  # hashed once, shared
        login_people = [content.DEMO_MEMBER] + [a.as_person() for a in content.ANIMATORS]
        invented = {p.email: p for group in self.people_by_space.values() for p in group}
        wanted = {p.email: p for p in login_people} | invented
        existing = {user.email: user for user in User.objects.filter(email__in=list(wanted))}
        missing = []
        for email, person in wanted.items():
            if email in existing:
                continue
            can_log_in = email not in invented
            missing.append(
                User(
                    email=email,
                    first_name=person.first_name,
                    last_name=person.last_name,
                    organisation=person.organisation,
                    job_title=person.job_title,
                    territory_id=communes.get(person.territory),
                    # Invented members never log in: an unusable password, as Django writes it.
                    password=demo_password if can_log_in else "!" + get_random_string(40),
                    date_joined=_at(self.rng.randint(30, 900)),
                )
            )
        User.objects.bulk_create(missing, batch_size=500)
        self.report.add("comptes", len(missing))
        self.users = {user.email: user for user in User.objects.filter(email__in=list(wanted))}
        self.report.logins = [
            ("Membre de démonstration", content.DEMO_MEMBER.email, content.DEMO_MEMBER_PASSWORD),
            ("Animatrice (modération)", content.ANIMATOR_LOGIN, content.DEMO_MEMBER_PASSWORD),
        ]

    def user(self, person: Person):
        return self.users[person.email]

    # --- spaces and members ---------------------------------------------------------------------

    def space(self, spec):
        from cms.models import DossierPage, Network
        from extranet.spaces.models import Space, SpaceKind

        space = Space.objects.filter(slug=spec.slug).first()
        if space is None:
            space = Space.objects.create(
                slug=spec.slug,
                name=spec.name,
                description=spec.description,
                kind=SpaceKind.FORUM if spec.kind == "forum" else SpaceKind.COLLABORATIVE,
                network=Network.objects.filter(slug=spec.network).first() if spec.network else None,
                dossier=DossierPage.objects.filter(slug=spec.dossier).first()
                if spec.dossier
                else None,
            )
            self.report.add("espaces")
        return space

    def members(self, space, spec):
        from extranet.spaces.models import Membership
        from extranet.spaces.roles import Role
        from extranet.spaces.services import add_member

        animator = self.user(content.animator(spec.animator).as_person())
        people = list(self.people_by_space[spec.slug])
        if spec.slug in content.DEMO_MEMBER_SPACES:
            people.append(content.DEMO_MEMBER)
        existing = set(space.memberships.values_list("user_id", flat=True))
        _, created = add_member(space=space, user=animator, role=Role.MODERATOR)
        new_ids = [animator.pk] if created else []
        for person in people:
            user = self.user(person)
            if user.pk in existing:
                continue
            add_member(space=space, user=user, role=Role.MEMBER, invited_by=animator)
            new_ids.append(user.pk)
        # Members joined over the years, not all this minute.
        for user_id in new_ids:
            Membership.objects.filter(space=space, user_id=user_id).update(
                joined_at=_at(self.rng.randint(15, 700))
            )
        self.report.add("adhésions aux espaces", len(new_ids))
        return animator

    # --- forum --------------------------------------------------------------------------------

    def topics(self, space, spec, animator):
        from extranet.forum import services as forum
        from extranet.forum.models import Post, Topic

        people = self.people_by_space[spec.slug]
        existing = set(space.topics.values_list("title", flat=True))
        for topic_spec in spec.topics:
            if topic_spec.title in existing:
                continue
            authors = [
                self.user(content.author_person(spec, post.author, people))
                for post in topic_spec.posts
            ]
            first, *replies = topic_spec.posts
            topic = forum.create_topic(space, authors[0], topic_spec.title, first.body)
            for post_spec, author in zip(replies, authors[1:], strict=True):
                forum.reply(topic, author, post_spec.body)
            if topic_spec.pinned:
                forum.set_pinned(topic, animator)
            if topic_spec.locked:
                forum.set_locked(topic, animator)
            # The thread happened over a few days, `days_ago` before today.
            now, count = timezone.now(), len(topic_spec.posts)
            stamps = sorted(
                min(
                    _at(max(topic_spec.days_ago - index, 0), 9 + (index * 3) % 9, 15 * index % 60),
                    now - timedelta(minutes=5 * (count - index)),  # never in the future
                )
                for index in range(count)
            )
            posts = list(Post.objects.filter(topic=topic).order_by("pk"))
            for post, stamp in zip(posts, stamps, strict=True):
                Post.objects.filter(pk=post.pk).update(created_at=stamp)
            Topic.objects.filter(pk=topic.pk).update(
                created_at=stamps[0], last_activity_at=stamps[-1]
            )
            self.report.add("sujets")
            self.report.add("messages", len(posts))

    # --- documents ----------------------------------------------------------------------------

    def documents(self, space, spec, animator):
        from extranet.documents import services as documents
        from extranet.documents.models import Document, DocumentVersion, Folder

        people = self.people_by_space[spec.slug]
        existing = set(space.documents.values_list("title", flat=True))
        for index, doc_spec in enumerate(spec.documents):
            if doc_spec.title in existing:
                continue
            folder = None
            if doc_spec.folder:
                folder = Folder.objects.filter(
                    space=space, parent=None, name=doc_spec.folder
                ).first() or documents.create_folder(space, animator, doc_spec.folder)
            uploader = self.user(content.author_person(spec, doc_spec.uploader, people))
            document = documents.upload_document(
                space,
                uploader,
                self._file(doc_spec),
                title=doc_spec.title,
                folder=folder,
            )
            deposited = _at(10 + 12 * index)
            Document.objects.filter(pk=document.pk).update(
                created_at=deposited, updated_at=deposited
            )
            DocumentVersion.objects.filter(document=document).update(created_at=deposited)
            self.report.add("documents")

    @staticmethod
    def _file(doc_spec):
        if doc_spec.filename.endswith(".pdf"):
            data = one_page_pdf(doc_spec.title, list(doc_spec.paragraphs))
            content_type = "application/pdf"
        else:
            text = "\n\n".join((doc_spec.title, *doc_spec.paragraphs)) + "\n"
            data = text.encode("utf-8")
            content_type = "text/plain"
        return SimpleUploadedFile(doc_spec.filename, data, content_type=content_type)

    # --- meetings -----------------------------------------------------------------------------

    def meetings(self, space, spec, animator):
        from extranet.meetings import services as meetings
        from extranet.meetings.models import Registration

        people = [self.user(p) for p in self.people_by_space[spec.slug]]
        existing = set(space.meetings.values_list("title", flat=True))
        for meeting_spec in spec.meetings:
            if meeting_spec.title in existing:
                continue
            day = timezone.localdate() + timedelta(days=meeting_spec.offset_days)
            starts = timezone.make_aware(datetime.combine(day, meeting_spec.start_time))
            agenda = "<ul>" + "".join(f"<li>{item}</li>" for item in meeting_spec.agenda) + "</ul>"
            meeting = meetings.create_meeting(
                space,
                animator,
                title=meeting_spec.title,
                starts_at=starts,
                ends_at=starts + meeting_spec.duration,
                place=meeting_spec.place,
                online_url=(
                    f"https://visio.example.org/rt/{space.slug}-{day:%Y%m%d}"
                    if meeting_spec.online
                    else ""
                ),
                agenda=agenda,
            )
            attendees = self.rng.sample(people, min(meeting_spec.participants, len(people)))
            if meeting_spec.offset_days > 0:
                for user in attendees:
                    meetings.sign_up(meeting, user)
            else:
                Registration.objects.bulk_create(
                    [
                        Registration(
                            meeting=meeting,
                            user=user,
                            created_at=starts - timedelta(days=self.rng.randint(3, 20)),
                        )
                        for user in attendees
                    ]
                )
            self.report.add("rencontres")
            self.report.add("inscriptions aux rencontres", len(attendees))

    def run(self) -> ExtranetSeedReport:
        self.say("Extranet : comptes et espaces…")
        self.accounts()
        for spec in content.SPACES:
            space = self.space(spec)
            animator = self.members(space, spec)
            self.topics(space, spec, animator)
            self.documents(space, spec, animator)
            self.meetings(space, spec, animator)
            history_2023.seed_network_year(self, space, spec, animator)
        return self.report


def seed_extranet(stdout=None) -> ExtranetSeedReport:
    """Create whatever is missing of the demo extranet; see the module docstring."""
    with transaction.atomic(), _no_announcements():
        report = _Seeder(stdout).run()
    if stdout is not None:
        stdout.write(f"Extranet : {report.summary()}.")
    return report
