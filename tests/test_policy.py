"""The Content-Security-Policy (plugins/archive/policy.py): declared once, on every page before anything it
governs, strict outside the editor; the editor's adds its backend's host."""

import glob
import os
import re

import pytest

from archive.policy import PAGES, editor_policy, render
from tests.fixture_site import FIXTURE, build

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(FIXTURE, str(tmp_path_factory.mktemp("policy") / "output"))


def directives(policy):
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_every_page_has_the_policy_before_anything_it_governs(site):
    pages = glob.glob(os.path.join(site, "**", "*.html"), recursive=True)
    assert len(pages) > 40
    for path in pages:
        with open(path, encoding="utf-8") as f:
            html = f.read()
        found = META.search(html)
        assert found, path
        head = html[: found.start()]
        assert "<script" not in head and "<link" not in head and "<style" not in head, path
        script = directives(found.group(1))["script-src"]
        if not path.startswith(os.path.join(site, "admin", "")):
            assert found.group(1) == render(PAGES), path
            assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script


def test_the_pages_policy_refuses_all_but_the_sites_own_files():
    policy = directives(render(PAGES))
    assert policy["default-src"] == ["'none'"] and policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert "frame-ancestors" not in policy  # ignored in a <meta>: docs/development.md says which header to set


@pytest.mark.parametrize(
    "backend, connect, images",
    [
        (
            {"name": "proxy", "proxy_url": "http://127.0.0.1:8081/api/v1"},
            ["'self'", "blob:", "http://127.0.0.1:8081"],
            ["'self'", "blob:"],
        ),
        (
            {"name": "github", "repo": "lao/archive"},
            ["'self'", "blob:", "https://api.github.com"],
            ["'self'", "blob:", "https://avatars.githubusercontent.com"],
        ),
        (
            {"name": "github", "repo": "lao/archive", "api_root": "https://git.example.la/api/v3"},
            ["'self'", "blob:", "https://git.example.la"],
            ["'self'", "blob:", "https://avatars.githubusercontent.com"],
        ),
    ],
)
def test_the_editors_policy_allows_its_backends_host(backend, connect, images):
    policy = directives(render(editor_policy(backend)))
    assert policy["connect-src"] == connect and policy["img-src"] == images
    assert policy["script-src"] == ["'self'", "'unsafe-eval'"]  # Decap's AJV; still no inline script
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]


def test_a_source_that_would_break_out_of_the_attribute_is_refused():
    with pytest.raises(ValueError, match="connect-src cannot allow"):
        render(editor_policy({"name": "proxy", "proxy_url": 'http://x"><script>/'}))
