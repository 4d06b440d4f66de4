"""The documents library of a space (pending the documents models)."""


def recent_documents(user, space, limit=5):
    """Latest documents of the space for its home page."""
    return []
