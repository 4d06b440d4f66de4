"""Staff manage spaces in the Django admin (CSV import, invitations) and in Wagtail."""

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from extranet.spaces.models import Invitation, Membership


def test_staff_imports_members_from_the_space_admin(client, staff, space):
    client.force_login(staff)
    url = f"/django-admin/spaces/space/{space.pk}/import-membres/"
    assert "Importer des membres" in client.get(url).text
    upload = SimpleUploadedFile(
        "membres.csv", b"e-mail;nom;organisation\nlea@exemple.org;Lea D;CCAS\n"
    )
    response = client.post(url, {"file": upload, "role": "member"})
    assert response.status_code == 200
    assert "1 ajouté·e·s, 0 déjà membres, 0 ignoré·e·s." in response.text
    assert Membership.objects.filter(space=space, user__email="lea@exemple.org").exists()


def test_space_change_page_links_to_the_import(client, staff, space):
    client.force_login(staff)
    response = client.get(f"/django-admin/spaces/space/{space.pk}/change/")
    assert "Importer des membres (CSV)" in response.text


def test_invitation_added_in_the_admin_goes_through_the_service(
    client, staff, space, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/django-admin/spaces/invitation/add/",
            {"space": space.pk, "email": "nouvelle@exemple.org", "role": "member"},
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.invited_by == staff and len(invitation.token_hash) == 64
    assert len(mail.outbox) == 1


def test_spaces_are_listed_in_the_wagtail_admin(client, staff, space, member):
    client.force_login(staff)
    response = client.get("/admin/snippets/spaces/space/")
    assert response.status_code == 200
    assert space.name in response.text.replace("&#x27;", "'")


def test_staff_imports_members_from_the_wagtail_admin(client, staff, space):
    client.force_login(staff)
    listing = client.get("/admin/snippets/spaces/space/")
    url = f"/admin/snippets/spaces/space/import/{space.pk}/"
    assert url in listing.text
    assert "Importer des membres" in client.get(url).text
    upload = SimpleUploadedFile("membres.csv", b"email,nom\nsam@exemple.org,Sam Durand\n")
    response = client.post(url, {"file": upload, "role": "member"})
    assert "1 ajouté·e·s, 0 déjà membres, 0 ignoré·e·s." in response.text
    assert Membership.objects.filter(space=space, user__email="sam@exemple.org").exists()


def test_members_cannot_open_the_wagtail_import(client, member, space):
    client.force_login(member)
    response = client.get(f"/admin/snippets/spaces/space/import/{space.pk}/")
    assert response.status_code in {302, 403}
    assert not Membership.objects.filter(space=space, user__email="sam@exemple.org").exists()
