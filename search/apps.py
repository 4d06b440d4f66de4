from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "search"
    verbose_name = "Recherche"

    def ready(self):
        from search.documents import builders, load_builders

        load_builders()
        for builder in builders():
            try:
                builder.model  # noqa: B018
            except LookupError:  # the source app is not installed
                continue
            builder.connect()
