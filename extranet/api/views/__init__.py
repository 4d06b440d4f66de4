"""Views of the extranet API, one module per part of a space (see ``extranet.api.urls``)."""
