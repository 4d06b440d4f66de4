"""What search engines read: ``/sitemap.xml`` (live public pages) and ``/robots.txt``."""
