"""The composer's live preview: the text being written, rendered by the server code that will
render the post (``extranet.forum.writing.render_body``), so the preview cannot differ from the
published post.

Members of the space only (``space_view``: 404 for anyone else), by POST with the CSRF token
(it is an action of the page, and it keeps the text out of URLs and logs). The answer is the
cleaned HTML fragment, never cached.
"""

from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from extranet.forum.models import BodyFormat
from extranet.forum.writing import render_body

from ..access import space_view
from ..forms import PreviewForm


@never_cache
@require_POST
@space_view
def post_preview(request, space, access):
    form = PreviewForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    html = render_body(
        form.cleaned_data["body"], form.cleaned_data["format"] or BodyFormat.MARKDOWN
    )
    return HttpResponse(html, content_type="text/html; charset=utf-8")
