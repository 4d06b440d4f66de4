"""Search engine backends: modelsearch's, with French analysis added for Elasticsearch and
OpenSearch (``elasticsearch``, ``opensearch``); the database backends are used as they are,
fed with our analysed text (see ``search.fields``)."""
