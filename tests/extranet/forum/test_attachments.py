"""Files attached while writing: documents of the space (the library's checks), in its
« Pièces jointes » folder, all or none, linked from the post."""

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.http import Http404

from extranet.documents.models import Document, Folder
from extranet.documents.services import StorageUnavailable
from extranet.forum import attachments
from extranet.forum.models import BodyFormat
from extranet.forum.services import reply
from tests.extranet.documents.disk_faults import full_disk, stored_files
from tests.extranet.documents.samples import upload
from tests.factories.extranet import make_document, make_topic

pytestmark = pytest.mark.django_db


def test_attached_files_become_documents_of_the_space_in_its_attachments_folder(space, member):
    documents = attachments.attach_files(
        space, member, [upload("Bilan.pdf"), upload("Affiche.png")]
    )
    folder = Folder.objects.get(space=space, parent=None, name="Pièces jointes")
    assert [d.current_version.original_name for d in documents] == ["Bilan.pdf", "Affiche.png"]
    assert all(d.folder == folder and d.uploader == member for d in documents)


def test_every_attachment_of_a_space_shares_one_attachments_folder(space, member, moderator):
    attachments.attach_files(space, member, [upload("Un.pdf")])
    attachments.attach_files(space, moderator, [upload("Deux.pdf")])
    assert Folder.objects.filter(space=space, name="Pièces jointes").count() == 1
    assert Document.objects.filter(folder__name="Pièces jointes").count() == 2


def test_a_refused_file_stores_none_of_the_files_and_names_the_refused_one(settings, space, member):
    with pytest.raises(ValidationError) as refused:
        attachments.attach_files(
            space, member, [upload("Bon.pdf"), upload("script.exe", b"MZ\x90")]
        )
    assert "« script.exe » :" in refused.value.message_dict["attachments"][0]
    assert Document.objects.filter(space=space).count() == 0
    assert stored_files(settings) == []


def test_more_files_than_the_limit_are_refused_before_anything_is_stored(space, member):
    files = [upload(f"f{n}.pdf") for n in range(attachments.MAX_FILES + 1)]
    with pytest.raises(ValidationError) as refused:
        attachments.attach_files(space, member, files)
    assert refused.value.message_dict == {"attachments": [attachments.TOO_MANY]}
    assert not Document.objects.exists()


def test_someone_outside_the_space_cannot_attach_there(space, outsider):
    with pytest.raises(Http404):
        attachments.attach_files(space, outsider, [upload("Bilan.pdf")])
    assert not Folder.objects.exists()


def test_a_full_disk_keeps_no_attachment(monkeypatch, settings, space, member):
    full_disk(monkeypatch, settings, room=10)
    with pytest.raises(StorageUnavailable):
        attachments.attach_files(space, member, [upload("Bilan.pdf")])
    assert not Document.objects.exists()
    assert stored_files(settings) == []


def test_a_post_links_its_attachments_at_the_end_of_its_text(space, member):
    topic = make_topic(space, member)

    def write(text):
        return reply(topic, member, text, format=BodyFormat.MARKDOWN)

    post = attachments.publish_with_attachments(
        space, member, [upload("Compte [rendu].pdf")], "Voici le bilan.", write
    )
    document = Document.objects.get(space=space)
    url = document.get_absolute_url()
    assert post.source.startswith("Voici le bilan.\n\n[📎 Compte \\[rendu\\].pdf (")
    assert f'<a href="{url}" rel="nofollow noopener">📎 Compte [rendu].pdf (' in post.body


def test_a_post_that_fails_discards_its_attachments_and_their_files(settings, space, member):
    def write(text):
        raise ValidationError({"body": "Le message est vide."})

    with pytest.raises(ValidationError):
        attachments.publish_with_attachments(space, member, [upload("Bilan.pdf")], "", write)
    assert not Document.objects.exists()
    assert stored_files(settings) == []


def test_an_html_post_links_its_attachments_in_html(space, member):
    document = make_document(space, member, name="Note.pdf")
    text = attachments.with_links("<p>Voir</p>", [document], BodyFormat.HTML)
    assert f'<p><a href="{document.get_absolute_url()}">📎 Note.pdf (' in text
    assert text.startswith("<p>Voir</p>")


def test_attachments_referred_to_must_be_documents_of_the_space_the_writer_sees(
    space, other_space, member
):
    mine = make_document(space, member)
    elsewhere = make_document(other_space)
    assert attachments.space_attachments(member, space, [mine.pk]) == [mine]
    with pytest.raises(ValidationError) as refused:
        attachments.space_attachments(member, space, [mine.pk, elsewhere.pk])
    assert refused.value.message_dict["attachments"] == [
        f"{attachments.NOT_IN_SPACE} (n° {elsewhere.pk})"
    ]


def test_a_post_failing_in_a_doomed_transaction_still_removes_the_files(settings, space, member):
    def write(text):
        transaction.set_rollback(True)  # as a database error inside the transaction does
        raise DatabaseError("canceling statement due to lock timeout")

    with pytest.raises(DatabaseError), transaction.atomic():
        attachments.publish_with_attachments(space, member, [upload("Bilan.pdf")], "x", write)
    assert not Document.objects.exists()
    assert stored_files(settings) == []


def test_refused_files_leave_no_empty_attachments_folder(space, member):
    with pytest.raises(ValidationError):
        attachments.attach_files(space, member, [upload("script.exe", b"MZ\x90")])
    assert not Folder.objects.filter(space=space).exists()


def test_a_post_that_fails_leaves_no_attachments_folder_made_for_it(space, member):
    def write(text):
        raise ValidationError({"body": "Le message est vide."})

    with pytest.raises(ValidationError):
        attachments.publish_with_attachments(space, member, [upload("Bilan.pdf")], "", write)
    assert not Folder.objects.filter(space=space).exists()


def test_a_refused_file_keeps_an_attachments_folder_that_existed_before(space, member):
    attachments.attach_files(space, member, [upload("Un.pdf")])
    Document.objects.filter(space=space).delete()  # the folder is now empty, but not ours
    with pytest.raises(ValidationError):
        attachments.attach_files(space, member, [upload("script.exe", b"MZ\x90")])
    assert Folder.objects.filter(space=space, name=attachments.FOLDER_NAME).exists()
