"""Build a content folder with the project's Pelican settings, in this process."""

import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETTINGS = os.path.join(ROOT, "pelicanconf.py")
PUBLISH_SETTINGS = os.path.join(ROOT, "publishconf.py")


def build(content, output, settings_file=SETTINGS, **overrides):
    """Build ``content`` into ``output`` as `invoke build` does (``overrides``: Pelican settings); returns output."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(settings_file, override={"PATH": content, "OUTPUT_PATH": output, **overrides})
    Pelican(settings).run()
    return output
