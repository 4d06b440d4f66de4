"""A topic through the UI: replies (sanitised), hidden posts, editing, deleting, moderation,
reading state, starting a topic."""

import re

from django.urls import reverse

from extranet.forum import services as forum_services
from extranet.forum.models import Post, PostRevision, Topic
from tests.factories.extranet import make_reply, make_topic

from .conftest import space_url

HOSTILE_REPLY = (
    '<p onclick="alert(1)">Bonjour à toutes et tous</p><script>alert("xss")</script>'
    '<a href="javascript:alert(2)">un lien piégé</a> <a href="https://www.exemple.org">le site</a>'
    '<img src=x onerror="alert(3)"><svg onload="alert(4)"><circle/></svg>'
)


def test_posting_a_reply_shows_it_sanitised_on_the_topic_page(client, member, furnished):
    space, topic = furnished.space, furnished.topic
    client.force_login(member)

    response = client.post(
        space_url("topic_detail", space, pk=topic.pk), {"body": HOSTILE_REPLY}, follow=True
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Votre réponse a été publiée." in page
    assert "Bonjour à toutes et tous" in page
    assert '<a href="https://www.exemple.org" rel="nofollow noopener">le site</a>' in page
    # The page's own scripts are in its head: look at the thread only.
    thread = page[page.index('aria-labelledby="posts-title"') :]
    for executable in ("alert(", "onclick", "onerror", "onload", "javascript:", "<script", "<svg"):
        assert executable not in thread
    post = topic.posts.order_by("-pk").first()
    assert f'id="message-{post.pk}"' in page
    assert response.redirect_chain[-1][0].endswith(f"#message-{post.pk}")


def test_reply_redirects_to_the_page_holding_it(client, member, furnished):
    space, topic = furnished.space, furnished.topic
    for number in range(21):
        make_reply(topic, body=f"Réponse {number}")
    client.force_login(member)

    response = client.post(space_url("topic_detail", space, pk=topic.pk), {"body": "La 23e"})

    post = topic.posts.order_by("-pk").first()
    assert response["Location"].endswith(f"?page=2#message-{post.pk}")
    assert "La 23e" in client.get(response["Location"]).content.decode()


def test_empty_reply_shows_an_error_tied_to_the_field(client, member, furnished):
    space, topic = furnished.space, furnished.topic
    client.force_login(member)
    posts_before = Post.objects.count()

    response = client.post(
        space_url("topic_detail", space, pk=topic.pk), {"body": "<script>rien</script>"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Le message est vide." in page
    assert '<a href="#id_body">' in page  # the error summary links to the field
    assert 'id="id_body_error"' in page
    assert re.search(r'<textarea[^>]*aria-describedby="id_body_helptext id_body_error"', page)
    assert re.search(r'<textarea[^>]*aria-invalid="true"', page)
    assert Post.objects.count() == posts_before


def test_editor_help_text_lists_the_markdown_formatting(client, member, furnished):
    client.force_login(member)
    page = client.get(space_url("topic_detail", furnished.space, pk=furnished.topic.pk))
    help_text = re.search(r'id="id_body_helptext">(.*?)</p>', page.content.decode(), re.S)
    for syntax in ("**gras**", "*italique*", "[texte du lien](https://…)", "« - »", "« &gt; »"):
        assert syntax in help_text.group(1)


def test_hidden_post_is_a_placeholder_for_members_and_full_for_moderators(
    client, member, moderator, furnished
):
    space, topic = furnished.space, furnished.topic
    hidden = make_reply(topic, body="Propos déplacés")
    forum_services.hide_post(hidden, moderator, "Attaque personnelle")
    url = space_url("topic_detail", space, pk=topic.pk)

    client.force_login(member)
    as_member = client.get(url).content.decode()
    client.force_login(moderator)
    as_moderator = client.get(url).content.decode()

    assert "Message masqué par la modération." in as_member
    assert "Propos déplacés" not in as_member
    assert "Attaque personnelle" not in as_member
    assert "Propos déplacés" in as_moderator
    assert "Motif : Attaque personnelle" in as_moderator
    assert space_url("post_restore", space, pk=hidden.pk) in as_moderator


def test_moderator_hides_then_restores_a_post_through_the_forms(client, moderator, furnished):
    space, post = furnished.space, furnished.others_post
    make_reply(furnished.topic)  # the topic keeps a visible post
    client.force_login(moderator)

    hide_form = client.get(space_url("post_hide", space, pk=post.pk))
    assert 'name="reason"' in hide_form.content.decode()
    empty = client.post(space_url("post_hide", space, pk=post.pk), {"reason": ""})
    assert "Indiquez le motif du masquage." in empty.content.decode()
    client.post(space_url("post_hide", space, pk=post.pk), {"reason": "Hors sujet"})
    post.refresh_from_db()
    assert post.is_hidden and post.hidden_reason == "Hors sujet"

    response = client.post(space_url("post_restore", space, pk=post.pk), follow=True)
    post.refresh_from_db()
    assert not post.is_hidden
    assert "Le message est à nouveau visible des membres." in response.content.decode()


def test_member_edits_own_post_and_history_is_kept(client, member, furnished):
    space = furnished.space
    post = make_reply(furnished.topic, author=member, body="Première version")
    client.force_login(member)

    form = client.get(space_url("post_edit", space, pk=post.pk)).content.decode()
    assert "Première version" in form
    response = client.post(
        space_url("post_edit", space, pk=post.pk), {"body": "Version corrigée"}, follow=True
    )

    assert "Le message a été modifié." in response.content.decode()
    assert "Version corrigée" in response.content.decode()
    revision = PostRevision.objects.get(post=post)
    assert "Première version" in revision.body
    history = client.get(space_url("post_history", space, pk=post.pk)).content.decode()
    assert "Première version" in history and "Version corrigée" in history


def test_member_cannot_see_the_history_of_someone_elses_post(client, member, moderator, furnished):
    post = furnished.others_post
    forum_services.edit_post(post, moderator, "Texte revu par l'animatrice")
    client.force_login(member)
    response = client.get(space_url("post_history", furnished.space, pk=post.pk))
    assert response.status_code == 403


def test_member_deletes_own_post_after_confirming(client, member, furnished):
    space = furnished.space
    post = make_reply(furnished.topic, author=member, body="Message à retirer")
    client.force_login(member)

    confirm = client.get(space_url("post_delete", space, pk=post.pk))
    assert "Supprimer votre message ?" in confirm.content.decode()
    response = client.post(space_url("post_delete", space, pk=post.pk), follow=True)

    assert "Votre message a été supprimé." in response.content.decode()
    assert "Message à retirer" not in response.content.decode()
    post.refresh_from_db()
    assert post.is_deleted


def test_member_cannot_delete_someone_elses_post(client, member, furnished):
    client.force_login(member)
    response = client.post(space_url("post_delete", furnished.space, pk=furnished.others_post.pk))
    assert response.status_code == 403
    assert not Post.objects.get(pk=furnished.others_post.pk).is_deleted


def test_locked_topic_has_no_reply_form_and_refuses_replies(client, member, moderator, furnished):
    space, topic = furnished.space, furnished.topic
    client.force_login(moderator)
    locked = client.post(space_url("topic_lock", space, pk=topic.pk), {"locked": "1"}, follow=True)
    assert "Le sujet est verrouillé" in locked.content.decode()

    client.force_login(member)
    page = client.get(space_url("topic_detail", space, pk=topic.pk)).content.decode()
    assert 'name="body"' not in page
    assert "Ce sujet est verrouillé : il n'accepte plus de réponse." in page
    refused = client.post(space_url("topic_detail", space, pk=topic.pk), {"body": "Et pourtant"})
    assert refused.status_code == 403
    assert "verrouillé" in refused.content.decode()
    assert not Post.objects.filter(body__contains="Et pourtant").exists()


def test_pinned_topic_comes_first_on_the_space_home(client, moderator, furnished):
    space = furnished.space
    older = furnished.topic
    make_topic(space, title="Sujet plus récent")
    client.force_login(moderator)

    client.post(space_url("topic_pin", space, pk=older.pk), {"pinned": "1"})

    page = client.get(space_url("space_home", space)).content.decode()
    assert page.index(older.title) < page.index("Sujet plus récent")
    assert "Épinglé" in page


def test_moderation_actions_are_get_proof(client, moderator, furnished):
    client.force_login(moderator)
    response = client.get(space_url("topic_pin", furnished.space, pk=furnished.topic.pk))
    assert response.status_code == 405
    assert not Topic.objects.get(pk=furnished.topic.pk).is_pinned


def test_opening_a_topic_marks_it_read(client, member, furnished):
    space, topic = furnished.space, furnished.topic
    make_reply(topic, body="Du nouveau")
    client.force_login(member)
    my_spaces = reverse("extranet:my_spaces")

    assert "1 sujet non lu" in client.get(my_spaces).content.decode()
    home = client.get(space_url("space_home", space)).content.decode()
    assert "Non lu" in home
    client.get(space_url("topic_detail", space, pk=topic.pk))

    assert "Aucun sujet non lu." in client.get(my_spaces).content.decode()
    assert "Non lu" not in client.get(space_url("space_home", space)).content.decode()


def test_member_starts_a_topic(client, member, space):
    client.force_login(member)
    invalid = client.post(space_url("topic_create", space), {"title": "", "body": ""})
    assert "Le titre est obligatoire." in invalid.content.decode()
    assert "Le message est vide." in invalid.content.decode()

    response = client.post(
        space_url("topic_create", space),
        {"title": "Complotisme : ressources", "body": "Quels outils utilisez-vous ?"},
        follow=True,
    )

    topic = Topic.objects.get(space=space)
    assert response.redirect_chain[-1][0] == space_url("topic_detail", space, pk=topic.pk)
    assert "Votre sujet a été publié." in response.content.decode()
    assert topic.author == member and topic.post_count == 1


def test_author_renames_own_topic(client, member, space):
    topic = make_topic(space, author=member, title="Titre provisoire")
    client.force_login(member)
    client.post(space_url("topic_rename", space, pk=topic.pk), {"title": "Titre définitif"})
    topic.refresh_from_db()
    assert topic.title == "Titre définitif"


def test_topic_of_another_space_is_404_under_this_space(client, member, space, other_space):
    foreign = make_topic(other_space, title="Sujet ailleurs")
    client.force_login(member)
    assert client.get(space_url("topic_detail", space, pk=foreign.pk)).status_code == 404
