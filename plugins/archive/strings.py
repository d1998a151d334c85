"""The interface in both languages: one table (theme/strings.json, with the schema's names of kinds and fields
merged in), one lookup."""

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
    def load(cls, path, merged=None):
        """The table in ``path`` with ``merged`` ({lang: {key: text}}) added; a key in both is an error."""
        with open(path, encoding="utf-8") as f:
            table = json.load(f)
        for lang, extra in (merged or {}).items():
            twice = sorted(extra.keys() & table.get(lang, {}).keys())
            if twice:
                raise ValueError(f"strings: {path} repeats {', '.join(twice)}, which the content schema names")
            table.setdefault(lang, {}).update(extra)
        return cls(table)

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
