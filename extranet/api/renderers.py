"""A renderer that lets a download view answer whatever the client's Accept header says.

A file response (``FileResponse``) is sent as built by ``extranet.documents.downloads``; DRF
only needs a renderer matching the Accept header to get that far. Should an error happen
after negotiation chose this renderer, the error body is still JSON.
"""

import json

from rest_framework.renderers import BaseRenderer


class AnyMediaTypeRenderer(BaseRenderer):
    media_type = "*/*"
    format = "bin"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        response = (renderer_context or {}).get("response")
        if response is not None:
            response["Content-Type"] = "application/json"
        return json.dumps(data, ensure_ascii=False).encode("utf-8")
