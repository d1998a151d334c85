"""The interface in both languages: one table (theme/strings.json), one lookup."""

import json


class Strings:
    def __init__(self, table):
        self._table = table
        languages = list(table)
        for lang in languages[1:]:
            if table[lang].keys() != table[languages[0]].keys():
                missing = table[languages[0]].keys() ^ table[lang].keys()
                raise ValueError(f"strings: {lang!r} and {languages[0]!r} differ in keys {sorted(missing)}")

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8") as f:
            return cls(json.load(f))

    def get(self, lang, key, **values):
        """The interface text ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``."""
        try:
            text = self._table[lang][key]
        except KeyError:
            raise KeyError(f"strings: no {key!r} for language {lang!r}") from None
        return text.format(**values) if values else text

    def with_prefix(self, lang, prefix):
        """The strings of ``lang`` whose key starts with ``prefix``, without it (for the browser's data island)."""
        return {k[len(prefix) :]: v for k, v in self._table[lang].items() if k.startswith(prefix)}
