"""HEADLESS_PREVIEW_CLIENT_URLS is parsed into the package's CLIENT_URLS, or refused loudly."""

import pytest

from cms.preview.client_urls import ClientURLError, client_urls_from_env


def test_unset_means_no_external_front():
    assert client_urls_from_env([]) == {}


def test_bare_url_is_the_default_front():
    assert client_urls_from_env(["https://www.example.org/apercu"]) == {
        "default": "https://www.example.org/apercu"
    }


def test_host_entries_map_sites_to_their_front():
    urls = client_urls_from_env(
        ["https://www.example.org/apercu", "intra.example.org=https://intra.example.org/apercu"]
    )

    assert urls == {
        "default": "https://www.example.org/apercu",
        "intra.example.org": "https://intra.example.org/apercu",
    }


def test_only_host_entries_make_the_first_one_the_default():
    urls = client_urls_from_env(["a.example.org=https://front-a.example.org/"])

    assert urls["default"] == "https://front-a.example.org/"


def test_site_root_placeholder_is_accepted():
    assert client_urls_from_env(["{SITE_ROOT_URL}/apercu"]) == {"default": "{SITE_ROOT_URL}/apercu"}


@pytest.mark.parametrize(
    "entries",
    [
        ["pas-une-url"],
        ["ftp://example.org/"],
        ["https://a.example.org/", "https://b.example.org/"],
        ["=https://a.example.org/"],
        ["intra.example.org=ailleurs"],
    ],
)
def test_malformed_value_stops_the_start_up(entries):
    with pytest.raises(ClientURLError):
        client_urls_from_env(entries)
