"""Admin view behind "Aperçu sur le site public": a fresh preview link for the latest
revision of a page, opened in the external front end."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from wagtail.models import Page

from . import tokens
from .conf import external_front_configured


def can_preview_externally(page, user):
    perms = page.permissions_for_user(user)
    return perms.can_edit() or perms.can_publish()


def external_preview(request, page_id):
    if not external_front_configured():
        raise Http404("Aucun site public externe n'est configuré.")
    page = get_object_or_404(Page, id=page_id).specific
    if not can_preview_externally(page, request.user):
        raise PermissionDenied
    revision = page.latest_revision
    draft = revision.as_object() if revision is not None else page
    preview = tokens.issue_preview(draft, revision=revision)
    return redirect(draft.get_preview_url(request, preview.token))
