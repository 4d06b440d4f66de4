"""Bad input answers JSON field errors in French (`{"field": ["message"]}`), never a 500:
malformed JSON, wrong types, missing or empty fields, out-of-range pages, unknown ids."""

import json

import pytest

from extranet.forum.models import Post, Topic
from extranet.meetings.models import Meeting
from extranet.spaces.models import Invitation
from tests.factories.extranet import MeetingFactory, RegistrationFactory, make_member

from .conftest import api_url


@pytest.fixture
def client(member, as_user):
    return as_user(member)


@pytest.fixture
def moderator_client(moderator, as_user):
    return as_user(moderator)


def test_malformed_json_is_a_400_with_a_message(client, space):
    response = client.generic(
        "POST", api_url("topic-list", space), '{"title": "Sans fin', "application/json"
    )
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]


def test_missing_fields_are_listed_in_french(client, space):
    response = client.post(api_url("topic-list", space), {}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "title": ["Champ requis."],
        "body": ["Champ requis."],
    }
    assert not Topic.objects.filter(space=space).exists()


def test_blank_title_gets_the_forum_service_message(client, space):
    response = client.post(
        api_url("topic-list", space), {"title": "   ", "body": "Bonjour"}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"title": ["Le titre est obligatoire."]}


def test_too_long_title_is_refused_with_its_limit(client, space):
    response = client.post(
        api_url("topic-list", space), {"title": "x" * 201, "body": "Bonjour"}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"title": ["Le titre ne doit pas dépasser 200 caractères."]}


def test_body_reduced_to_nothing_by_sanitising_is_empty(client, space, furnished):
    url = api_url("topic-post-list", space, topic_pk=furnished.topic.pk)
    response = client.post(url, {"body": "<script>alert(1)</script>"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"body": ["Le message est vide."]}


@pytest.mark.parametrize("body", [["liste"], {"objet": 1}, True, None])
def test_wrong_types_are_field_errors(client, space, furnished, body):
    url = api_url("topic-post-list", space, topic_pk=furnished.topic.pk)
    response = client.post(url, {"body": body}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["body"]
    assert furnished.topic.posts.count() == 2


def test_a_json_list_instead_of_an_object_is_a_400(client, space):
    response = client.post(api_url("topic-list", space), ["titre", "message"], format="json")
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


@pytest.mark.parametrize("text", ["nul\x00caractère", "surrogate \ud800 seul"])
def test_characters_no_database_stores_are_refused(client, space, text):
    body = json.dumps({"title": text, "body": "ok"})  # \u0000 and \ud800 escapes
    response = client.generic("POST", api_url("topic-list", space), body, "application/json")
    assert response.status_code == 400
    assert list(response.json()) == ["title"]
    assert not Topic.objects.filter(space=space).exists()


@pytest.mark.parametrize("page", ["999999", "abc", "0", "-1", "99999999999999999999999999"])
def test_out_of_range_pages_are_404_not_500(client, space, furnished, page):
    response = client.get(api_url("topic-list", space), {"page": page})
    assert response.status_code == 404
    assert response.json() == {"detail": "Page non valide."}


@pytest.mark.parametrize("page_size", ["abc", "-3", "0", "100000"])
def test_odd_page_sizes_fall_back_or_are_capped(client, space, furnished, page_size):
    response = client.get(api_url("topic-list", space), {"page_size": page_size})
    assert response.status_code == 200
    assert len(response.json()["results"]) == 1


@pytest.mark.parametrize("pk", [987654, 2**63, 10**30])
def test_unknown_or_huge_ids_are_404(client, space, pk):
    for name in ("topic-detail", "post-detail", "document-detail", "meeting-detail"):
        response = client.get(api_url(name, space, pk=pk))
        assert response.status_code == 404, name
        assert response.json()["detail"].endswith("introuvable.")


def test_unknown_paths_under_the_api_are_json_404(client):
    response = client.get("/api/extranet/nimporte/quoi/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Adresse introuvable dans l'API de l'extranet."}


def test_a_wrong_method_is_405_in_json(client, space):
    response = client.delete(api_url("topic-list", space))
    assert response.status_code == 405
    assert "detail" in response.json()


def test_options_describes_without_error(client, space, furnished):
    assert client.options(api_url("topic-list", space)).status_code == 200
    url = api_url("post-detail", space, pk=furnished.others_post.pk)
    assert client.options(url).status_code == 200


def test_unknown_scope_and_filters_are_field_errors(client, space):
    assert client.get(api_url("space-list"), {"scope": "tout"}).json() == {
        "scope": ["Valeurs possibles : « mine » ou « visible »."]
    }
    response = client.get(api_url("meeting-list", space), {"when": "demain"})
    assert response.status_code == 400
    assert list(response.json()) == ["when"]
    response = client.get(api_url("document-list", space), {"folder": "dossier"})
    assert response.status_code == 400
    assert list(response.json()) == ["folder"]


def test_hiding_without_a_reason_is_a_field_error(moderator_client, space, furnished):
    url = api_url("post-hide", space, pk=furnished.others_post.pk)
    response = moderator_client.post(url, {"reason": " "}, format="json")
    assert response.status_code == 400
    assert response.json() == {"reason": ["Indiquez le motif du masquage."]}
    assert not Post.objects.get(pk=furnished.others_post.pk).is_hidden


def test_meeting_ending_before_it_starts_is_refused(moderator_client, space):
    response = moderator_client.post(
        api_url("meeting-list", space),
        {
            "title": "Rencontre à l'envers",
            "starts_at": "2031-03-04T12:00:00+01:00",
            "ends_at": "2031-03-04T09:00:00+01:00",
            "place": "Toulouse",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["ends_at"] == ["La fin doit être postérieure au début."]
    assert not Meeting.objects.filter(space=space).exists()


def test_meeting_without_place_or_link_and_with_bad_values(moderator_client, space):
    response = moderator_client.post(
        api_url("meeting-list", space),
        {
            "title": "Rencontre",
            "starts_at": "pas une date",
            "ends_at": "2031-03-04T09:00:00+01:00",
            "capacity": 0,
            "documents": [123456],
        },
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"starts_at", "capacity", "documents"}
    response = moderator_client.post(
        api_url("meeting-list", space),
        {
            "title": "Rencontre",
            "starts_at": "2031-03-04T09:00:00+01:00",
            "ends_at": "2031-03-04T12:00:00+01:00",
            "online_url": "javascript:alert(1)",
        },
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"online_url"}


def test_documents_of_another_space_cannot_be_attached(moderator_client, space, furnished_other):
    response = moderator_client.post(
        api_url("meeting-list", space),
        {
            "title": "Rencontre",
            "starts_at": "2031-03-04T09:00:00+01:00",
            "ends_at": "2031-03-04T12:00:00+01:00",
            "place": "Albi",
            "documents": [furnished_other.document.pk],
        },
        format="json",
    )
    assert response.status_code == 400
    # The same message as for an id that does not exist: nothing leaks about other spaces.
    assert "n'existe pas" in response.json()["documents"][0]


def test_full_meeting_refuses_sign_up_in_french(client, space):
    meeting = MeetingFactory(space=space, capacity=1)
    RegistrationFactory(meeting=meeting, user=make_member(space))
    response = client.post(api_url("meeting-registration", space, pk=meeting.pk))
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": ["Cette rencontre est complète : il n'y a plus de place disponible."]
    }


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"email": "pas-une-adresse"}, "email"),
        ({"email": "a@exemple.org", "role": "admin"}, "role"),
        ({"email": "membre@exemple.org"}, "email"),  # already a member
    ],
)
def test_invitation_field_errors(moderator_client, member, space, data, field):
    response = moderator_client.post(api_url("invitation-list", space), data, format="json")
    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert not Invitation.objects.filter(space=space).exists()


def test_unknown_role_and_notification_choices_are_field_errors(
    moderator_client, owner, as_user, space, furnished
):
    url = api_url("membership-detail", space, pk=furnished.target.pk)
    response = as_user(owner).patch(url, {"role": "chef"}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["role"]
    response = moderator_client.patch(
        api_url("notification-settings", space), {"level": "parfois"}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["level"]
    response = moderator_client.put(api_url("notification-settings", space), {}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"level", "digest_frequency"}


def test_blank_space_name_is_refused(owner, as_user, space):
    response = as_user(owner).patch(api_url("space-detail", space), {"name": " "}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["name"]


def test_a_browser_gets_json(member, space):
    from rest_framework.test import APIClient

    browser = APIClient()
    browser.force_login(member)
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = browser.get(api_url("topic-list", space), HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_a_body_over_django_s_limit_is_a_json_413_naming_the_limit(client, space, furnished):
    """3 MB of JSON: over DATA_UPLOAD_MAX_MEMORY_SIZE, which Django refuses before any
    serializer sees it (its HTML 400 page until the API's error handler took it)."""
    url = api_url("topic-post-list", space, topic_pk=furnished.topic.pk)
    body = json.dumps({"body": "x" * 3_000_000})
    response = client.generic("POST", url, body, "application/json")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "detail": "Requête trop volumineuse : son contenu (hors fichiers joints) ne doit pas "
        "dépasser 2,5\xa0Mio. Un message compte au plus 50000 caractères.",
        "limit_bytes": 2_621_440,
    }
    assert furnished.topic.posts.count() == 2


def test_a_form_body_over_the_limit_is_a_json_413_too(client, space, furnished):
    url = api_url("topic-post-list", space, topic_pk=furnished.topic.pk)
    response = client.post(url, {"body": "x" * 3_000_000})  # multipart, no file
    assert response.status_code == 413
    assert response.json()["limit_bytes"] == 2_621_440
    assert furnished.topic.posts.count() == 2


def test_too_many_fields_is_a_json_413(client, space, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    data = {f"champ{number}": "x" for number in range(10)}
    response = client.post(api_url("topic-list", space), data)
    assert response.status_code == 413
    assert response.json()["limit_fields"] == 5


def test_a_body_of_one_megabyte_stays_a_field_error(client, space, furnished):
    url = api_url("topic-post-list", space, topic_pk=furnished.topic.pk)
    response = client.post(url, {"body": "x" * 1_000_000}, format="json")
    assert response.status_code == 400
    assert response.json() == {"body": ["Le message ne doit pas dépasser 50000 caractères."]}
