"""Preview tokens: signed, expiring, and bound to one snapshot of one revision.

Why not the token of wagtail-headless-preview as is: it signs ``id=<page id>`` with a
timestamp but never checks its age (``unsign`` without ``max_age``), so a leaked link reads
drafts until the row is garbage-collected, a day or more later. Here:

- the token is a ``TimestampSigner`` (salt ``cms.preview.token``) signature of
  ``{"ct": content type id, "page": page id or null, "rev": revision id or null,
  "nonce": random}``, checked with ``max_age`` = ``PREVIEW_TOKEN_MAX_AGE`` (≤ 3600 s);
- each token gets its own ``PagePreview`` row holding the serialised page at the moment the
  preview was asked for (the revision, plus the editor's unsaved changes when previewing from
  the editor); the row is found by the exact token, and the nonce makes every token unique,
  so a token for revision A can only ever return revision A's content;
- a forged, altered or unknown token, or one used with another content type, is
  ``InvalidPreviewToken`` (404); a genuine token past its age is ``ExpiredPreviewToken``
  (403, so the front can tell the editor to preview again).
"""

import secrets

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from wagtail_headless_preview.models import PagePreview

from .conf import token_max_age

SALT = "cms.preview.token"


class PreviewTokenError(Exception):
    pass


class InvalidPreviewToken(PreviewTokenError):
    pass


class ExpiredPreviewToken(PreviewTokenError):
    pass


def signer():
    return signing.TimestampSigner(salt=SALT)


def issue_preview(page, revision=None):
    """Snapshot ``page`` (as given: a revision's object or the editor's unsaved state) and
    return its ``PagePreview`` row, whose ``token`` opens it for ``token_max_age()`` seconds."""
    PagePreview.garbage_collect()
    content_type = ContentType.objects.get_for_model(type(page))
    revision_id = revision.pk if revision is not None else getattr(page, "latest_revision_id", None)
    token = signer().sign_object(
        {
            "ct": content_type.pk,
            "page": page.pk,
            "rev": revision_id,
            "nonce": secrets.token_urlsafe(9),
        }
    )
    return PagePreview.objects.create(
        token=token, content_type=content_type, content_json=page.to_json()
    )


def read_token(token):
    """The payload of a genuine, unexpired token."""
    try:
        return signer().unsign_object(token, max_age=token_max_age())
    except signing.SignatureExpired as error:
        raise ExpiredPreviewToken("Lien d'aperçu expiré.") from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidPreviewToken("Lien d'aperçu non valide.") from error


def resolve_preview(token, content_type_label):
    """The previewed page for ``token``, given as ``app_label.modelname`` (``cms.newspage``)."""
    payload = read_token(token)
    app_label, _, model = (content_type_label or "").partition(".")
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
    except ContentType.DoesNotExist as error:
        raise InvalidPreviewToken("Type de contenu inconnu.") from error
    if not isinstance(payload, dict) or payload.get("ct") != content_type.pk:
        raise InvalidPreviewToken("Lien d'aperçu non valide pour ce type de contenu.")
    preview = PagePreview.objects.filter(token=token, content_type=content_type).first()
    if preview is None:
        raise InvalidPreviewToken("Aperçu introuvable.")
    return preview.as_page()
