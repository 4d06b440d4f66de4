"""The extranet demo data: real network sizes, invented people, coherent references.

Pure data tests: no database. Tests that read the seeds are skipped when ../shared/seeds is
absent.
"""

import re
from pathlib import Path

import pytest

from cms.demo.content import dossiers, taxonomy
from extranet.demo import content, members

SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
EXAMPLE_DOMAIN_RE = re.compile(r"(^|\.)example\.(org|com|net)$")


def seeds_text() -> str:
    if not SEEDS_DIR.is_dir():
        pytest.skip("the seeds folder (../shared/seeds) is not available")
    return "\n".join(path.read_text() for path in sorted(SEEDS_DIR.glob("*.txt")))


@pytest.fixture(scope="module")
def people_by_space():
    return content.members_by_space()


@pytest.fixture(scope="module")
def everyone(people_by_space):
    people = {p.email: p for group in people_by_space.values() for p in group}
    people[content.DEMO_MEMBER.email] = content.DEMO_MEMBER
    for animator in content.ANIMATORS:
        people[animator.email] = animator.as_person()
    return list(people.values())


def test_the_seven_networks_and_one_dossier_have_a_space():
    by_network = {s.network: s.slug for s in content.SPACES if s.network}
    assert set(by_network) == {n.slug for n in taxonomy.NETWORKS if n.active}
    dossier_spaces = [s for s in content.SPACES if s.dossier]
    assert len(dossier_spaces) == 1
    assert dossier_spaces[0].dossier in dossiers.DOSSIER_SLUGS
    assert len(content.SPACES) == 8


def test_space_member_counts_match_the_network_counts_of_the_report():
    for spec in content.SPACES:
        if spec.network:
            assert spec.member_count == taxonomy.network(spec.network).member_count, spec.slug


def test_network_and_dossier_links_agree_both_ways():
    for spec in content.SPACES:
        if spec.network:
            assert taxonomy.network(spec.network).space_slug == spec.slug
        if spec.dossier:
            dossier = next(d for d in dossiers.DOSSIERS if d.slug == spec.dossier)
            assert dossier.exchange_space == spec.slug


def test_members_by_space_gives_each_space_its_size(people_by_space):
    for spec in content.SPACES:
        expected = content.member_count(spec)
        if spec.slug in content.DEMO_MEMBER_SPACES:
            expected -= 1  # the demo member is one of them
        assert len(people_by_space[spec.slug]) == expected, spec.slug
        emails = [p.email for p in people_by_space[spec.slug]]
        assert len(emails) == len(set(emails))


def test_member_generation_is_deterministic(people_by_space):
    assert content.members_by_space() == people_by_space


def test_some_people_belong_to_two_networks(people_by_space):
    coordinators = {p.email for p in people_by_space["coordonnateurs-pre"]}
    referents = {p.email for p in people_by_space["referents-pre"]}
    assert len(coordinators & referents) == 4
    city_leads = {p.email for p in people_by_space["chefs-de-projet-contrats-de-ville"]}
    assert len(city_leads & {p.email for p in people_by_space["reseau-peps"]}) == 3
    assert len(city_leads & {p.email for p in people_by_space["chefs-de-projet-npnru"]}) == 3


def test_spaces_have_three_to_six_topics_of_two_to_six_posts_except_notices():
    for spec in content.SPACES:
        assert 3 <= len(spec.topics) <= 6, spec.slug
        for topic in spec.topics:
            # A locked notice from the animator may have a single post.
            minimum = 1 if topic.locked or topic.pinned else 2
            assert minimum <= len(topic.posts) <= 6, topic.title


def test_the_reports_subjects_are_discussed():
    titles = {spec.slug: " ".join(t.title.lower() for t in spec.topics) for spec in content.SPACES}
    for subject in (
        "prévention santé",
        "dérives sectaires",
        "complotisme",
        "marginalité",
        "forces de sécurité",
    ):
        assert subject in titles["reseau-peps"], subject
    for subject in ("selon l'âge", "place et le rôle des parents", "durée des parcours"):
        assert subject in titles["referents-pre"], subject
    assert "obligation de formation" in titles["forum-vrl-occitanie"]
    assert "kit 1 jour" in titles["forum-vrl-occitanie"]


def test_post_and_document_authors_resolve_to_members_of_the_space(people_by_space):
    for spec in content.SPACES:
        people = people_by_space[spec.slug]
        authors = [post.author for topic in spec.topics for post in topic.posts]
        authors += [document.uploader for document in spec.documents]
        for author in authors:
            if isinstance(author, int):
                assert 0 <= author < len(people), (spec.slug, author)
            elif author == "demo":
                assert spec.slug in content.DEMO_MEMBER_SPACES, spec.slug
            else:
                assert author == "animator"


def test_every_space_has_an_animator_and_an_upcoming_meeting_with_an_agenda():
    keys = {a.key for a in content.ANIMATORS}
    for spec in content.SPACES:
        assert spec.animator in keys
        assert spec.meetings, spec.slug
        for meeting in spec.meetings:
            assert meeting.agenda and (meeting.online or meeting.place), meeting.title
        # "Upcoming" stays upcoming: dates are offsets from the day the demo is loaded.
        assert any(m.offset_days > 0 for m in spec.meetings), spec.slug


def test_meeting_participants_fit_in_the_space():
    for spec in content.SPACES:
        for meeting in spec.meetings:
            assert 0 <= meeting.participants <= content.member_count(spec)


def test_documents_have_allowed_file_names_and_text():
    for spec in content.SPACES:
        names = [d.filename for d in spec.documents]
        assert len(names) == len(set(names))
        for document in spec.documents:
            assert re.fullmatch(r"[a-z0-9-]+\.(pdf|txt)", document.filename), document.filename
            assert document.paragraphs


def test_the_demo_member_belongs_to_two_or_three_spaces():
    assert 2 <= len(content.DEMO_MEMBER_SPACES) <= 3
    assert set(content.DEMO_MEMBER_SPACES) <= {s.slug for s in content.SPACES}
    assert content.DEMO_MEMBER.email == "demo.membre@example.org"
    assert content.DEMO_MEMBER_PASSWORD


def test_every_email_is_on_an_example_domain(everyone):
    for person in everyone:
        domain = person.email.rsplit("@", 1)[1]
        assert EXAMPLE_DOMAIN_RE.search(domain), person.email
    bodies = " ".join(
        post.body for spec in content.SPACES for topic in spec.topics for post in topic.posts
    )
    for email in EMAIL_RE.findall(bodies):
        assert EXAMPLE_DOMAIN_RE.search(email.rsplit("@", 1)[1]), email


def test_no_email_address_of_the_seeds_is_used(everyone):
    seed_emails = {email.lower() for email in EMAIL_RE.findall(seeds_text())}
    assert seed_emails
    assert not seed_emails & {person.email.lower() for person in everyone}


def test_invented_surnames_never_appear_in_the_seeds():
    text = seeds_text()
    for last_name in (
        members.LAST_NAMES
        + tuple(a.last_name for a in content.ANIMATORS)
        + (content.DEMO_MEMBER.last_name,)
    ):
        assert not re.search(rf"\b{re.escape(last_name)}\b", text, re.IGNORECASE), last_name


def test_no_invented_full_name_is_a_person_of_the_seeds(everyone):
    text = re.sub(r"\s+", " ", seeds_text()).lower()
    for person in everyone:
        first, last = person.first_name.lower(), person.last_name.lower()
        assert f"{first} {last}" not in text, person.full_name
        assert f"{last} {first}" not in text, person.full_name


def test_invented_members_get_jobs_and_organisations(people_by_space):
    for group in people_by_space.values():
        for person in group:
            assert person.organisation and person.job_title and person.first_name
            assert "{" not in person.organisation
