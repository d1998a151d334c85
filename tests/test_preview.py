"""The preview (`make serve`) builds again and again in one process: a finished build's articles are let go, so
its memory does not grow with every save (`invoke bench` measures it over 100 rebuilds)."""

import gc
import shutil
import weakref

from pelican import signals

from archive import every_article
from tests.fixture_site import FIXTURE
from tools.preview import preview_settings, rebuilder


def test_a_finished_build_keeps_none_of_its_articles(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "content")
    settings = preview_settings(
        cache=str(tmp_path / "cache"), PATH=str(tmp_path / "content"), OUTPUT_PATH=str(tmp_path / "output")
    )
    rebuild = rebuilder(settings)
    built = []

    def remember(generator):
        built.append([weakref.ref(article) for article in every_article(generator)])

    signals.article_generator_finalized.connect(remember)
    try:
        assert rebuild() and rebuild() and rebuild()
    finally:
        signals.article_generator_finalized.disconnect(remember)
    gc.collect()
    assert len(built) == 3 and len(built[0]) > 5
    assert [ref for ref in built[0] + built[1] if ref() is not None] == []  # Pelican's memoized caches kept them
