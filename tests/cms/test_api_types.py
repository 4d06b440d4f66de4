"""`manage.py api_types`: the committed TypeScript types (docs/api-types.ts) are those the page
types and blocks give today; a changed API field without regenerating fails here."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.api import APIField

from cms.api import typescript
from cms.models import NewsPage


def test_the_committed_types_are_those_the_page_types_and_blocks_give():
    committed = typescript.TYPES_PATH.read_text(encoding="utf-8")
    assert committed == typescript.render(), (
        "docs/api-types.ts is out of date: run `python manage.py api_types` and commit it."
    )


def test_an_api_field_added_to_a_page_type_changes_the_types(monkeypatch):
    before = typescript.render()
    monkeypatch.setattr(NewsPage, "api_fields", [*NewsPage.api_fields, APIField("seo_title")])
    after = typescript.render()
    assert after != before
    assert "seo_title: string;" in after.split("export interface NewsPage")[1].split("}\n")[0]


def test_every_page_type_is_typed_and_indexed_by_its_api_type():
    text = typescript.render()
    assert '"cms.NewsPage": NewsPage;' in text
    assert "export type BodyBlock = BodyParagraph | BodyHeading" in text
    assert 'type: "call_to_action";' in text


def test_nullable_and_optional_fields_are_typed_so():
    text = typescript.render()
    news = text.split("export interface NewsPage ")[1].split("\n}\n")[0]
    assert "  image: ApiImage | null;" in news
    assert "  body: BodyBlock[];" in news
    assert "  themes: Term[];" in news


def test_the_check_option_fails_when_the_file_is_out_of_date(monkeypatch, tmp_path):
    stale = tmp_path / "api-types.ts"
    stale.write_text("// old\n", encoding="utf-8")
    monkeypatch.setattr(typescript, "TYPES_PATH", stale)
    with pytest.raises(CommandError, match="api_types"):
        call_command("api_types", "--check")
    call_command("api_types")
    assert stale.read_text(encoding="utf-8") == typescript.render()
    call_command("api_types", "--check")


def test_a_schema_without_a_typescript_translation_is_refused():
    with pytest.raises(typescript.UntranslatableSchema):
        typescript.type_of({"type": "object", "patternProperties": {}} | {"type": "set"})
