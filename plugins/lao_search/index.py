"""One language's search data, split into small files that a query loads only as it needs them.

Pure functions: documents in (documents.Document, in article-number order), {file name: script} out, each file a
classic script handing its payload to the page (``as_script``). The Pelican glue (``__init__.py``) writes them
into the language's ``search-data/``:

  index.js           the entry: how many articles, each one's kind (in runs), year (the first article of each),
                     length (roughly) and parts (a long one's), and where the shards of the dictionary, the words,
                     the toned spellings and a Latin word's close spellings begin
  d-<hash>/<i>.js    shard i of the dictionary: keys in order, each with its record (or the file holding it); one
                     folder named by all their contents, so that the entry names each by its number
  l/<hash>.js        the record of a key too big to sit in its shard
  w-<hash>/<i>.js    shard i of the archive's Lao words (terms) alone, in order: what splitting a query into words
                     asks of many strings at once (the dictionary's shards, with every key and record, are ten
                     times as many)
  c-<hash>/<i>.js    the record of the i-th of the archive's commonest words (Layout.common) or Lao letters that
                     are words of their own, named in the entry as well as in its shard, so that the page can ask
                     for it beside the shard, not after it
  f-<hash>/<n>.js    what a result shows of article n: title, URL, kind, date, the text snippets come from (and,
                     when its PDF's text is part of that text, the PDF's URL and where each of its pages begins);
                     of a long article (documents.PART_UNITS), the first part of its text and how many it has
  f-<hash>/<n>-<k>.js  part k (from 1) of the text of long article n, and the page of its PDF it is on
  n-<hash>/index.js  close spellings (near.py): where each of their shards begins, asked for beside a query's
                     first files when it has Lao (js/src/search.js); the entry says where those begin that a
                     Latin word's variants fall in
  n-<hash>/<i>.js    shard i of the close spellings: a run of variants in order, with the spellings each leads to;
                     asked for by a query found nowhere as typed, and by a Latin word that is not among the
                     commonest beside its own shard, in case it is misspelt
  t-<hash>/<i>.js    shard i of the spellings with tone marks under their skeleton (near.toned), where each begins
                     said by the entry: what a query typed without tone marks may mean, a file away from the entry

A key is a term (an English stem, a Latin word, a Lao word: lunr's pipeline output) or another Lao string of
substrings.py. Its record holds, as codec.py writes them: the articles where it is a term with its BM25 weight
there, then the articles whose folded text contains it (a Lao key) beyond those, then (when some long article
has it) the parts of long articles that hold it, numbered across the long articles in order. A Lao key that is
no term also carries its words (segment.segment against the archive's Lao terms), by which its articles are ranked.

Articles are numbered oldest first (then by URL), so that a new article, the newest, does not renumber the others.
The plugin writes the articles' files (``article_files``) first, under their numbered names, into a folder that
``articles_folder`` names once all are written, then the others; ``search_files`` makes every file at once.

Nothing here grows with one article's length but its own parts: a long text costs more files, not bigger ones.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, pairwise
from typing import TYPE_CHECKING, Any, TypeVar

import orjson

from . import codec
from .bm25 import weights
from .near import neighbourhood, toned
from .pipeline import STEMMER
from .segment import segment
from .substrings import containing
from .text import has_lao

if TYPE_CHECKING:
    from .documents import Document

FORMAT = 6
RECEIVER = "LaoArchive.receive"  # the bundle's one global; see js/src/search-page.js
T = TypeVar("T")
LOOSE = "~"  # before a piece of a key's words that is no word of the archive
LAO_FIRST = "\u0e80"  # the first code point of the Lao block: a Latin word's variants all sort before it


@dataclass(frozen=True)
class Layout:
    shard_bytes: int = 8192  # a dictionary shard holds about this many bytes of keys, records and words
    inline_bytes: int = 192  # a longer record gets a file of its own
    common: int = 256  # the words with the longest records (most articles), named in the entry (0: none)
    near_bytes: int = 16384  # a shard of close (or toned) spellings holds about this many (they compress twice as well)


def order_key(document: Document) -> tuple[str, str]:
    """Articles are numbered oldest first, then by URL."""
    return document.date, document.url


def order(documents: Iterable[Document]) -> list[Document]:
    """Documents in article-number order (``order_key``)."""
    return sorted(documents, key=order_key)


def search_files(
    lang: str, documents: Sequence[Document], pieces: Mapping[str, list[tuple[int, str]]], layout: Layout = Layout()
) -> dict[str, str]:
    """{file name: script} of one language, every file; ``documents`` in order (see ``order``), ``pieces`` the
    words of each of their chunks (documents.Analyzer.pieces)."""
    scripts = [article_files(d) for d in documents]
    folder = articles_folder([digest(script) for each in scripts for script in each])
    files = dictionary_files(lang, documents, pieces, layout, folder)
    for ref, each in enumerate(scripts):
        for name, script in zip(part_names(ref, len(each)), each, strict=True):
            files[f"{folder}/{name}"] = script
    return files


def article_files(document: Document) -> list[str]:
    """The scripts of what a result shows of ``document``, its first then each further part of a long one, named
    by its number (``part_names``): they depend on no other article."""
    head = as_script({"doc": _shown(document)})
    return [head, *(as_script({"part": {"text": text, "page": page}}) for text, page in document.parts[1:])]


def part_names(ref: int, count: int) -> list[str]:
    """The file names of article ``ref``'s ``count`` scripts (article_files), in its articles' folder."""
    return [f"{ref}.js", *(f"{ref}-{k}.js" for k in range(1, count))]


def articles_folder(digests: Iterable[str]) -> str:
    """The name of the folder of the articles' files, from the digests of those files in article order."""
    return "f-" + digest("".join(digests))


def dictionary_files(
    lang: str,
    documents: Sequence[Document],
    pieces: Mapping[str, list[tuple[int, str]]],
    layout: Layout,
    folder: str,
) -> dict[str, str]:
    """{file name: script} of the entry, the shards and the records; ``folder`` holds the articles' files."""
    weighed = weights([d.fields for d in documents])
    articles_of_chunk: dict[str, int] = {}
    for ref, document in enumerate(documents):
        bit = 1 << ref
        for chunk in document.chunks:
            articles_of_chunk[chunk] = articles_of_chunk.get(chunk, 0) | bit
    long, parts_of_chunk, parts_of_term = _long_parts(documents)
    lao_terms = {t for t in weighed.terms if has_lao(t)}
    kinds, contained, contained_parts = containing(
        {c: pieces[c] for c in sorted(articles_of_chunk)},
        articles_of_chunk.__getitem__,
        lao_terms,
        parts_of=lambda chunk: parts_of_chunk.get(chunk, 0),
    )
    longest = max(map(len, lao_terms), default=1)
    files: dict[str, str] = {}
    spellings = {key: contained[key].bit_count() for key in kinds}
    near = _near_files(spellings, Counter(chain.from_iterable(d.spellings for d in documents)), layout, files)
    tones = _tone_files(spellings, layout, files)
    records: dict[str, str] = {}
    words: dict[str, list[str]] = {}
    set_text = codec.SetTexts()
    for key in weighed.number.keys() | kinds.keys():
        refs = weighed.refs_of(key)
        extra = contained.get(key, 0)
        if refs and extra and extra.bit_count() != len(refs):  # else the term's articles are all there are
            extra &= ~codec.int_of_refs(refs)
        elif refs:
            extra = 0
        records[key] = codec.postings(refs, weighed.weights_of(key)) + "." + set_text[extra]
        parts = contained_parts.get(key, 0) | parts_of_term.get(key, 0)
        if parts:
            records[key] += "." + set_text[parts]
        if key in kinds and not refs:
            words[key] = [p if p in lao_terms else LOOSE + p for p in segment(key, lao_terms.__contains__, longest)]
    common = _common(weighed.terms, records, layout, files)
    dictionary, shards = _shards(sorted(records, key=_utf16), records, words, common, layout, files)
    files["index.js"] = as_script(
        {
            "format": FORMAT,
            "lang": lang,
            "count": len(documents),
            "pipeline": [STEMMER],
            "kinds": _kind_table(documents),
            "years": _years(documents),
            "lengths": _lengths(documents),
            "longest": longest,
            "longestKey": max(map(len, records), default=1),
            "shards": shards,
            "dictionary": dictionary,
            "common": common,
            "words": _word_shards(lao_terms, layout, files),
            "fragments": folder,
            "long": long,
            "near": near,
            "tones": tones,
        }
    )
    return files


def _near_files(
    lao: Mapping[str, int], latin: Mapping[str, int], layout: Layout, files: dict[str, str]
) -> dict[str, Any] | None:
    """{"folder", "before"} of the close spellings of ``lao`` and ``latin`` ({spelling: articles}, near.py), whose
    files it adds to ``files``: cut into shards of about ``layout.near_bytes`` in one folder named by their content,
    each named by its number, with their entry (``index.js``: where each shard begins); None when there is no
    spelling. ``before`` is where each shard that begins before the Lao block begins (all of them in English): the
    shards a Latin word's variants fall in, which a query asks for beside its own first files (a Lao part's need
    the entry of the close spellings, ten times as large in Lao)."""
    found: dict[str, list[Any]] = neighbourhood(lao, latin)  # [spelling, articles, spelling, ...]
    if not found:
        return None
    bytes_of = {s: len(s.encode("utf-8")) + len(str(n)) + 4 for s, n in lao.items()}
    bytes_of.update((s, len(s) + len(str(n)) + 4) for s, n in latin.items())  # Latin letters, a byte or so each
    groups = _cut(
        sorted(found, key=_utf16),
        lambda variant: len(variant.encode("utf-8")) + sum(map(bytes_of.__getitem__, found[variant][::2])),
        layout.near_bytes,
    )
    scripts = [as_script({"keys": group, "near": [found[variant] for variant in group]}) for group in groups]
    folder = _numbered("n-", scripts, files)
    starts = _starts(groups)
    files[f"{folder}/index.js"] = as_script({"starts": starts})
    return {"folder": folder, "before": [start for start in starts if _utf16(start) < _utf16(LAO_FIRST)]}


def _tone_files(lao: Mapping[str, int], layout: Layout, files: dict[str, str]) -> dict[str, Any] | None:
    """{"folder", "starts"} of the spellings with tone marks of ``lao`` ({spelling: articles}) under their skeletons
    (near.toned), cut into shards of about ``layout.near_bytes`` in one folder named by their content, each named by
    its number; None when there is none. The entry says where each shard begins: a query typed without tone marks
    asks for its skeleton's shard at once, beside its own."""
    found = toned(lao)
    groups = _cut(
        sorted(found, key=_utf16),
        lambda bare: len(bare.encode("utf-8")) + sum(len(str(s).encode("utf-8")) + 3 for s in found[bare]),
        layout.near_bytes,
    )
    if not groups:
        return None
    scripts = [as_script({"keys": group, "toned": [found[bare] for bare in group]}) for group in groups]
    return {"folder": _numbered("t-", scripts, files), "starts": _starts(groups)}


def _long_parts(documents: Iterable[Document]) -> tuple[str, dict[str, int], dict[str, int]]:
    """(how many parts each document's text has, 0 for one not long, as codec numbers; {chunk: parts}, {term:
    parts}): which parts of long documents hold each Lao chunk and each term without Lao letters, as the bits of an
    integer, a part's bit its number across the long documents in ref order (the first part of the first long
    document is 0). A Lao term's parts are those of the chunks that hold it (substrings.containing)."""
    counts: list[int] = []
    # each chunk's and term's parts, listed (rising) and made sets at the end: an integer as large as the parts
    # are many, made anew for each part that holds a chunk, would cost as much as all those parts' bits
    chunk_parts: defaultdict[str, list[int]] = defaultdict(list)
    term_parts: defaultdict[str, list[int]] = defaultdict(list)
    part = 0
    for document in documents:
        counts.append(len(document.part_ends))
        for lao_chunks, terms in document.part_keys:
            for chunk in lao_chunks:
                chunk_parts[chunk].append(part)
            for term in terms:
                term_parts[term].append(part)
            part += 1
    return codec.numbers(counts), _sets(chunk_parts), _sets(term_parts)


def _sets(listed: Mapping[str, list[int]]) -> dict[str, int]:
    """{key: the set of its numbers as the bits of an integer} of ``listed`` ({key: rising numbers})."""
    return {key: codec.int_of_refs(refs) for key, refs in listed.items()}


def _word_shards(lao_terms: Iterable[str], layout: Layout, files: dict[str, str]) -> dict[str, Any] | None:
    """{"folder", "starts"} of the Lao words cut into shards of about ``layout.shard_bytes`` in one folder named by
    their content, each shard named by its number; None when there is none."""
    groups = _cut(sorted(lao_terms, key=_utf16), lambda word: len(word.encode("utf-8")), layout.shard_bytes)
    if not groups:
        return None
    scripts = [as_script({"words": group}) for group in groups]
    return {"folder": _numbered("w-", scripts, files), "starts": _starts(groups)}


def _common(
    terms: Iterable[str], records: Mapping[str, str], layout: Layout, files: dict[str, str]
) -> dict[str, Any] | None:
    """{"folder", "keys"} of the terms whose records a query asks for beside their shards, of those too long for
    their shard: the ``layout.common`` with the longest records, and every Lao letter that is a term of its own (none
    when ``layout.common`` is 0); in order, their records added to ``files`` in one folder named by their content,
    each named by its number. None when there is none.

    A reader's slip (a letter doubled or dropped) often leaves a letter standing alone, which ICU makes a word of its
    own, and the query is ranked by it: named in the entry, its record comes with the query's first files, not after
    its shard (on a phone, a round trip each)."""
    if not layout.common:
        return None
    long = [term for term in terms if len(records[term]) > layout.inline_bytes]
    longest = sorted(long, key=lambda term: (-len(records[term]), term))[: layout.common]
    letters = [term for term in long if len(term) == 1 and has_lao(term)]
    keys = sorted({*longest, *letters}, key=_utf16)
    if not keys:
        return None
    scripts = [as_script({"record": records[key]}) for key in keys]
    return {"folder": _numbered("c-", scripts, files), "keys": keys}


def _shards(
    keys: Iterable[str],
    records: Mapping[str, str],
    words: Mapping[str, list[str]],
    common: Mapping[str, Any] | None,
    layout: Layout,
    files: dict[str, str],
) -> tuple[str, list[str]]:
    """Cut the sorted keys into shards of about ``layout.shard_bytes`` (UTF-8) in one folder named by their
    content, each shard named by its number; returns (the folder, [where each shard begins]) and adds the shards
    and the records too big for them to ``files``."""
    placed: list[tuple[str, str]] = []  # (key, its record or the file holding it)
    common_file = {key: f"/{common['folder']}/{i}.js" for i, key in enumerate(common["keys"])} if common else {}
    record_file: dict[str, str] = {}  # a record too big for its shard -> its file: keys share records (3 in 4)
    for key in keys:
        record = records[key]
        if key in common_file:
            record = common_file[key]
        elif len(record) > layout.inline_bytes:
            if record not in record_file:
                name, files[name] = _named("l", {"record": record})
                record_file[record] = "/" + name
            record = record_file[record]
        placed.append((key, record))

    def cost(item: tuple[str, str]) -> int:
        key, record = item
        return len(key.encode("utf-8")) + len(record) + sum(len(w.encode("utf-8")) + 3 for w in words.get(key, ()))

    groups = _cut(placed, cost, layout.shard_bytes)
    scripts = [
        as_script(
            {
                "keys": [key for key, _record in group],
                "records": [record for _key, record in group],
                "words": {str(i): words[key] for i, (key, _record) in enumerate(group) if key in words},
                "terms": "".join("0" if key in words else "1" for key, _record in group),
            }
        )
        for group in groups
    ]
    return _numbered("d-", scripts, files), _starts([[key for key, _record in group] for group in groups])


def _numbered(prefix: str, scripts: Sequence[str], files: dict[str, str]) -> str:
    """Adds ``scripts`` to ``files`` as ``<folder>/<i>.js``, in one folder named ``prefix`` and by all their contents
    (so that an entry names each by its number and a browser may keep them for ever); returns the folder."""
    folder = prefix + digest("".join(map(digest, scripts)))
    files.update({f"{folder}/{i}.js": script for i, script in enumerate(scripts)})
    return folder


def _starts(groups: Sequence[Sequence[str]]) -> list[str]:
    """Where each of ``groups`` (runs of keys in order) begins, as an entry says it: "" for the first, then the
    shortest beginning of each that sorts after the run before it (none for no group)."""
    return [""] + [_separator(before[-1], group[0]) for before, group in pairwise(groups)] if groups else []


def _cut(items: Iterable[T], cost: Callable[[T], int], limit: int) -> list[list[T]]:
    """``items`` in order, cut into runs of about ``limit`` bytes, ``cost(item)`` each and 8 more (quotes and
    commas)."""
    groups: list[list[T]] = []
    size = limit
    for item in items:
        spent = cost(item)
        if size + spent > limit:
            groups.append([])
            size = 0
        groups[-1].append(item)
        size += spent + 8
    return groups


def _separator(before: str, first: str) -> str:
    """The shortest beginning of ``first`` that sorts after ``before``: where a shard begins, as the entry says it
    (any key from there on, up to the next shard's, is in this one)."""
    for end in range(1, len(first) + 1):
        if _utf16(first[:end]) > _utf16(before):
            return first[:end]
    return first


def _shown(document: Document) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "url": document.url,
        "title": document.title,
        "kind": document.kind,
        "date": document.date,
        "dateText": document.date_text,
        "text": document.text,
    }
    if document.tags:
        shown["tags"] = document.tags  # the last lines of text
    # The printed pages whose text is in text: the PDF's (linked to as url#page=N) or the scans' (each its own url),
    # and those read by machine, whose snippets say so.
    printed: dict[str, Any] = {"url": document.pdf_url} if document.pdf_url else {"scans": list(document.scan_urls)}
    if document.machine_read:
        printed["read"] = list(document.machine_read)
    if document.part_ends:  # a long one: its first part, and its tags for the result (they are its last part)
        shown["text"] = document.first_part
        shown["parts"] = len(document.part_ends)
        if document.tags:
            shown["tagText"] = document.text.split("\n")[-document.tags :]
        if document.pdf_url or document.scan_urls:
            shown["print"] = printed  # each part says its page
    elif document.pdf_pages:
        shown["print"] = {**printed, "pages": list(document.pdf_pages)}  # a match's page: js/src/snippet.js
    return shown


def _kind_table(documents: Iterable[Document]) -> dict[str, list[Any]]:
    """{"names": [kind...], "runs": [[index in names, how many articles in a row]...]} in article order."""
    names = sorted({d.kind for d in documents})
    runs: list[list[int]] = []
    for document in documents:
        kind = names.index(document.kind)
        if runs and runs[-1][0] == kind:
            runs[-1][1] += 1
        else:
            runs.append([kind, 1])
    return {"names": names, "runs": runs}


def _lengths(documents: Iterable[Document]) -> str:
    """A character per article (its value 0-63, not a number of codec.numbers): how many terms it has, roughly (a
    step per eighth of a doubling), by which the page ranks the articles that hold a Lao query only inside longer
    words (js/src/rank.js)."""
    return "".join(codec.ALPHABET[codec.length_level(sum(length for _counts, length in d.fields))] for d in documents)


def _years(documents: Iterable[Document]) -> list[list[Any]]:
    """[[year, first article of that year]] in article order (articles are numbered by date)."""
    out: list[list[Any]] = []
    for ref, document in enumerate(documents):
        year = document.date[:4]
        if not out or out[-1][0] != year:
            out.append([year, ref])
    return out


def _utf16(key: str) -> bytes:
    return key.encode("utf-16-be")  # the browser compares strings by UTF-16 code units


def digest(text: str) -> str:
    """12 hexadecimal digits of the SHA-256 of ``text``: enough to name the files of one archive apart."""
    return digest_of(text.encode("utf-8"))


def digest_of(data: bytes) -> str:
    """``digest`` of the text whose UTF-8 is ``data``."""
    return hashlib.sha256(data).hexdigest()[:12]


def _named(folder: str, payload: object) -> tuple[str, str]:
    """(name, script) of a file named by its content, so that a server may let browsers keep it for ever."""
    script = as_script(payload)
    return f"{folder}/{digest(script)}.js", script


def compact_json(payload: object) -> str:
    """``payload`` as JSON, compact, keys sorted, characters as they are (``json.dumps(payload, ensure_ascii=False,
    sort_keys=True, separators=(",", ":"))``), written by orjson, which writes the same two to three times faster (the
    search data of 10,000 news are 100,000 scripts); by the standard library where orjson refuses (a lone surrogate,
    which no text of the archive holds: pdftext.whole_characters leaves a damaged PDF's out), so that it writes what
    ``json.dumps`` writes for any payload."""
    try:
        return orjson.dumps(payload, option=orjson.OPT_SORT_KEYS).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError is one
        return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def as_script(payload: object) -> str:
    """A classic script that hands ``payload`` to the search page: pages opened from disk cannot fetch JSON."""
    data = compact_json(payload)
    # "</" would end a script element if this were ever inlined; U+2028/9 are line ends to old JS parsers.
    data = data.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"{RECEIVER}({data});\n"
