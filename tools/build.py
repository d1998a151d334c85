"""Build a content folder with the project's Pelican settings, in this process."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGINS = os.path.join(ROOT, "plugins")
if PLUGINS not in sys.path:
    sys.path.insert(0, PLUGINS)  # so that tools can use the plugins' pure modules (archive.model...)
SETTINGS = os.path.join(ROOT, "pelicanconf.py")
PUBLISH_SETTINGS = os.path.join(ROOT, "publishconf.py")


def build(content, output, settings_file=SETTINGS, **overrides):
    """Build ``content`` into ``output`` as `invoke build` does (``overrides``: Pelican settings); returns output."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(settings_file, override={"PATH": content, "OUTPUT_PATH": output, **overrides})
    Pelican(settings).run()
    return output
