"""What the composer asks the server while a member writes (``static/js/composer.js``).

- the live preview: the text being written, rendered by the server code that will render the
  post (``extranet.forum.writing.render_body``, then the mentions made links), so the preview
  cannot differ from the published post; by POST with the CSRF token (it keeps the text out of
  URLs and logs);
- the ``@`` suggestions: active members of the space matching what follows the ``@``
  (``extranet.forum.mentions.suggest_members``), the people a mention can reach;
- a quotation of a post, to start a reply with (``extranet.forum.writing.quote_for_reply``),
  only of a post the member may quote (``can_quote_post``: 404 otherwise, whatever the reason);
- a file attached while writing (« Joindre un fichier »): deposited at once as a document of the
  space (``extranet.forum.attachments``, the library's checks), answered with the link the
  script inserts into the text. Refusals are JSON in French: 400 ``{"errors": {"attachments":
  [...]}}``, 403 ``{"detail"}`` for who may not deposit, 413 with ``Retry-After`` for a full
  or unwritable disk.

Members of the space only (``space_view``: 404 for anyone else, the same decision as every
page of the space). Answers are never cached.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from extranet.forum import attachments as forum_attachments
from extranet.forum import permissions as forum_permissions
from extranet.forum.mentions import handle_to_write, suggest_members
from extranet.forum.models import BodyFormat
from extranet.forum.writing import quote_for_reply, render_with_mentions
from portal.storage import StorageUnavailable

from ..access import space_view
from ..forms import PreviewForm
from .topics import post_url, quotable_post


@never_cache
@require_POST
@space_view
def post_preview(request, space, access):
    form = PreviewForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    html = render_with_mentions(
        form.cleaned_data["body"], form.cleaned_data["format"] or BodyFormat.MARKDOWN, space
    )
    return HttpResponse(html, content_type="text/html; charset=utf-8")


@never_cache
@require_GET
@space_view
def mention_suggestions(request, space, access):
    """``{"members": [{"handle", "name", "organisation"}]}`` for ``?q=``, the writer excluded
    (one does not mention oneself)."""
    members = suggest_members(space, request.GET.get("q", "")[:100], request.user.pk)
    return JsonResponse(
        {
            "members": [
                {
                    "handle": handle_to_write(member),
                    "name": str(member),
                    "organisation": member.organisation,
                }
                for member in members
            ]
        }
    )


@never_cache
@require_GET
@space_view
def post_quote(request, space, access, pk):
    """``{"markdown": …}``: the quotation the composer inserts into the reply."""
    post = quotable_post(request.user, space, pk)
    if post is None:
        return JsonResponse({"detail": forum_permissions.POST_NOT_FOUND}, status=404)
    url = post_url(space, post.topic, post, access)
    return JsonResponse({"markdown": quote_for_reply(post, url)})


@never_cache
@require_POST
@space_view
def attachment_upload(request, space, access):
    """One file (``file``) deposited as an attachment: 201 ``{"markdown", "url", "name"}``."""
    files = request.FILES.getlist("file")
    if len(files) != 1:
        return JsonResponse(
            {"errors": {"attachments": ["Choisissez un fichier à joindre."]}}, status=400
        )
    try:
        (document,) = forum_attachments.attach_files(space, request.user, files)
    except ValidationError as error:
        return JsonResponse({"errors": error.message_dict}, status=400)
    except PermissionDenied as error:
        return JsonResponse({"detail": str(error)}, status=403)
    except StorageUnavailable as error:
        # 413 with Retry-After, as everywhere a program uploads (``portal.storage``).
        response = JsonResponse(error.as_json(), status=error.status_code)
        response["Retry-After"] = str(error.retry_after)
        return response
    return JsonResponse(
        {
            "markdown": forum_attachments.link(document),
            "url": document.get_absolute_url(),
            "name": document.current_version.original_name,
        },
        status=201,
    )
