"""`invoke bench` compares like with like: the project's build without its search is the project's build."""

import json

from pelican.settings import read_settings

from measure.bench import SEARCH_PLUGIN, without_search
from tools.build import SETTINGS


def test_the_build_without_search_runs_every_plugin_of_the_project_but_the_search():
    plugins = read_settings(SETTINGS)["PLUGINS"]
    name, _, value = without_search().partition("=")
    assert name == "PLUGINS" and SEARCH_PLUGIN in plugins
    assert json.loads(value) == [plugin for plugin in plugins if plugin != SEARCH_PLUGIN]
    assert len(json.loads(value)) == len(plugins) - 1
