"""Navigation of the public site: the header menu, the breadcrumbs, the footer and its legal
pages, and the site plan (« Plan du site »)."""
