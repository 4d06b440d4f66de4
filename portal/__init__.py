"""Project package: settings, URL root, WSGI/ASGI. The domain lives in cms/, extranet/, search/."""
