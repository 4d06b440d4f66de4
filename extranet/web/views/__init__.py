"""Views of the extranet UI, one module per part of a space."""
