"""The preview's builds (`make serve`): one Pelican kept for the whole session, its content cache on disk, so that a
rebuild reads again only the files that changed; a failed build is shown and the next save tries again."""

import os

from .build import ROOT, SETTINGS


def preview_settings(settings_file=SETTINGS, cache=None, **overrides):
    from pelican.settings import read_settings

    cache = cache or os.path.join(ROOT, "cache")
    override = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": cache, **overrides}
    return read_settings(settings_file, override=override)


def rebuilder(settings, out=print):
    """A function that builds the site again; a build error is reported with ``out`` and does not raise."""
    from pelican import Pelican

    pelican = Pelican(settings)

    def rebuild():
        try:
            pelican.run()
            return True
        except Exception as error:  # an editor's mistake must not stop the preview: show it, wait for a fix
            out(f"\nBuild failed: {error}\n")
            return False

    return rebuild
