"""Every page of the UI: one h1, a breadcrumb, labelled form fields, CSRF on every form, French."""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from extranet.forum import services as forum_services
from tests.factories.extranet import RegistrationFactory, make_reply

from .conftest import space_url


class PageStructure(HTMLParser):
    """Collects what the checks need: headings, labels, fields, forms and their tokens."""

    def __init__(self):
        super().__init__()
        self.h1 = 0
        self.labels = set()
        self.fields = []  # (id, name) of fields a person fills in
        self.forms = []  # [method, has_csrf_token]
        self.html_lang = None
        self.breadcrumb = False
        self.current_page_marked = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])
        elif tag == "nav" and attrs.get("aria-label") == "Fil d'Ariane":
            self.breadcrumb = True
        elif attrs.get("aria-current") == "page":
            self.current_page_marked = True
        elif tag == "form":
            self.forms.append([attrs.get("method", "get").lower(), False])
        elif tag in ("input", "select", "textarea"):
            kind = attrs.get("type", "text")
            if tag == "input" and attrs.get("name") == "csrfmiddlewaretoken" and self.forms:
                self.forms[-1][1] = True
            if tag != "input" or kind not in ("hidden", "submit", "button"):
                self.fields.append((attrs.get("id"), attrs.get("name")))


def _world(owner, furnished):
    space, topic = furnished.space, furnished.topic
    own = make_reply(topic, author=owner, body="Mon message")
    forum_services.edit_post(own, owner, "Mon message corrigé")
    RegistrationFactory(meeting=furnished.meeting, user=owner)
    membership = furnished.target
    return {
        "my_spaces": reverse("extranet:my_spaces"),
        "space_home": space_url("space_home", space),
        "space_settings": space_url("space_settings", space),
        "topic_detail": space_url("topic_detail", space, pk=topic.pk),
        "topic_create": space_url("topic_create", space),
        "topic_rename": space_url("topic_rename", space, pk=topic.pk),
        "post_edit": space_url("post_edit", space, pk=own.pk),
        "post_delete": space_url("post_delete", space, pk=own.pk),
        "post_hide": space_url("post_hide", space, pk=furnished.others_post.pk),
        "post_history": space_url("post_history", space, pk=own.pk),
        "document_list": space_url("document_list", space),
        "document_upload": space_url("document_upload", space),
        "document_detail": space_url("document_detail", space, pk=furnished.document.pk),
        "document_replace": space_url("document_replace", space, pk=furnished.document.pk),
        "document_delete": space_url("document_delete", space, pk=furnished.document.pk),
        "meeting_list": space_url("meeting_list", space),
        "meeting_detail": space_url("meeting_detail", space, pk=furnished.meeting.pk),
        "meeting_create": space_url("meeting_create", space),
        "meeting_edit": space_url("meeting_edit", space, pk=furnished.meeting.pk),
        "meeting_delete": space_url("meeting_delete", space, pk=furnished.meeting.pk),
        "member_list": space_url("member_list", space),
        "member_invite": space_url("member_invite", space),
        "member_remove": space_url("member_remove", space, pk=membership.pk),
        "notification_settings": space_url("notification_settings", space),
        "not_found": "/extranet/espace-inconnu/",
    }


PAGES = [
    "my_spaces",
    "space_home",
    "space_settings",
    "topic_detail",
    "topic_create",
    "topic_rename",
    "post_edit",
    "post_delete",
    "post_hide",
    "post_history",
    "document_list",
    "document_upload",
    "document_detail",
    "document_replace",
    "document_delete",
    "meeting_list",
    "meeting_detail",
    "meeting_create",
    "meeting_edit",
    "meeting_delete",
    "member_list",
    "member_invite",
    "member_remove",
    "notification_settings",
    "not_found",
]


@pytest.mark.parametrize("page_name", PAGES)
def test_page_has_one_h1_a_breadcrumb_labelled_fields_and_csrf_tokens(
    client, owner, furnished, page_name
):
    url = _world(owner, furnished)[page_name]
    client.force_login(owner)

    response = client.get(url)

    assert response.status_code == (404 if page_name == "not_found" else 200)
    page = PageStructure()
    page.feed(response.content.decode())
    assert page.html_lang == "fr"
    assert page.h1 == 1
    if page_name != "not_found":
        assert page.breadcrumb and page.current_page_marked
    unlabelled = [field for field in page.fields if field[0] not in page.labels]
    assert unlabelled == []
    assert all(has_token for method, has_token in page.forms if method == "post")


def test_forbidden_action_shows_a_french_page_with_the_reason(client, member, furnished):
    client.force_login(member)
    response = client.get(space_url("post_hide", furnished.space, pk=furnished.others_post.pk))
    assert response.status_code == 403
    page = response.content.decode()
    assert "Action non autorisée" in page
    assert "Seul·e·s les animateur·rice·s de l&#x27;espace peuvent modérer." in page
    structure = PageStructure()
    structure.feed(page)
    assert structure.h1 == 1


def test_post_forms_refuse_requests_without_csrf_token(member, furnished):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(member)
    url = space_url("topic_detail", furnished.space, pk=furnished.topic.pk)

    refused = browser.post(url, {"body": "Sans jeton"})
    page = browser.get(url)
    token = page.cookies["csrftoken"].value
    accepted = browser.post(url, {"body": "Avec jeton", "csrfmiddlewaretoken": token})

    assert refused.status_code == 403
    assert accepted.status_code == 302
