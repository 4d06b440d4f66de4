"""Generations read by a page's own statement (``cms.generation.latest_token_sql``, then
``remember``): the request then reads none of its own, and the rules of a read hold — the
latest token of each scope, the initial token before any row, an earlier read kept, nothing
kept outside a request."""

import pytest
from django.db import connection

from cms import generation
from cms.generation import CONTENT, INITIAL_TOKEN, PAGES, bump_generation, current_generations

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_memo():
    """A request's memo, as ``GenerationPerRequestMiddleware`` gives it."""
    token = generation._request_tokens.set({})
    yield generation._request_tokens.get()
    generation._request_tokens.reset(token)


def _read_in_a_statement(*scopes):
    columns = ", ".join(generation.latest_token_sql() for _ in scopes)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}", list(scopes))
        return cursor.fetchone()


def test_the_statement_reads_the_latest_token_of_each_scope():
    bump_generation(CONTENT)
    latest = bump_generation(CONTENT)
    assert _read_in_a_statement(CONTENT)[0] == latest.token
    assert _read_in_a_statement(CONTENT, "type:jamais.lue") == (latest.token, None)


def test_remembered_tokens_serve_the_request_without_a_query(
    request_memo, django_assert_num_queries
):
    bump_generation(PAGES)
    tokens = _read_in_a_statement(CONTENT, PAGES)
    generation.remember((CONTENT, PAGES), tokens)
    with django_assert_num_queries(0):
        assert current_generations(CONTENT, PAGES) == (INITIAL_TOKEN, tokens[1])


def test_a_scope_the_request_has_read_keeps_its_token(request_memo):
    read = current_generations(CONTENT)[0]
    generation.remember((CONTENT,), ("un-autre-jeton",))
    assert current_generations(CONTENT) == (read,)


def test_outside_a_request_nothing_is_remembered(django_assert_num_queries):
    generation.remember((CONTENT,), ("un-autre-jeton",))
    with django_assert_num_queries(1):
        assert current_generations(CONTENT) == (INITIAL_TOKEN,)
