"""Model fields whose *searchable content* is our French analysis of their value.

modelsearch reads ``field.get_searchable_content(value)`` when it indexes a field (Wagtail's
StreamField uses the same hook), so the database backends index analysed terms while the
column keeps the original text for display and snippets. The Elasticsearch backend does not
use this hook: it sends the readable rewrite and analyses it itself (see
``search.backends.elasticsearch``).
"""

from django.db import models

from search.analysis import index_text


class AnalysedCharField(models.CharField):
    def get_searchable_content(self, value):
        return index_text(value)


class AnalysedTextField(models.TextField):
    def get_searchable_content(self, value):
        return index_text(value)
