"""Found, shared and cited (issue 24): the published site tells search engines what each page is (schema.org
JSON-LD), tells Google Scholar and Zotero what the journal's pages are (Highwire tags), and gives every item a
citation to import (RIS, BibTeX) and to copy (one formatted line). Each page's data are checked against the page's
own facts, as a reader sees them, in both languages."""

import json
import os
import shutil

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from bs4 import BeautifulSoup
from pyld import jsonld

from archive import processes
from archive.linkeddata import to_json
from tests.fixture_site import FIXTURE, reader_pages
from tests.test_publish import environment
from tools.build import PUBLISH_SETTINGS, ROOT, build

SITE_URL = "https://archive.example.la"
ISSN = "2049-3630"
HOSTILE = '</script><script>alert("x")</script><!-- & --> </SCRIPT >'
PDF_OF_ISSUE = "files/edition-211.pdf"  # the fixture's one PDF, given to its journal issue too
ITEMS = {  # an item of each kind, in each language it is written in
    "news": ("news/fibre-backbone.html", "en/news/fibre-backbone.html"),
    "reports": ("reports/open-data-forum.html", "en/reports/open-data-forum.html"),
    "magazine": ("magazine/ict-journal-7.html", "en/magazine/ict-journal-7.html"),
    "newspaper": ("newspaper/edition-210.html", "newspaper/edition-211.html"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture site, published with an ISSN, its journal issue with a PDF, and a news item whose title tries
    to end the data block and run a script."""
    content = tmp_path_factory.mktemp("cited") / "content"
    shutil.copytree(FIXTURE, content)
    for name in ("ict-journal-7.lo.md", "ict-journal-7.en.md"):
        path = content / "magazine" / name
        path.write_text(path.read_text(encoding="utf-8").replace("Cover:", f"PDF: {PDF_OF_ISSUE}\nCover:", 1))
    (content / "news" / "hostile.en.md").write_text(
        f"Title: {HOSTILE}\nDate: 2024-01-02\nLang: en\nSlug: hostile\nCategory: news\n\nA body.\n", encoding="utf-8"
    )
    with environment(SITEURL=SITE_URL):
        return build(str(content), str(content.parent / "output"), settings_file=PUBLISH_SETTINGS, ARCHIVE_ISSN=ISSN)


def read(site, path):
    with open(os.path.join(site, path), encoding="utf-8") as f:
        return f.read()


def page(site, path):
    return BeautifulSoup(read(site, path), "html.parser")


def schema_org_loader(url, options=None):
    """schema.org's context, as far as these tests need it (no network here): every term is in its vocabulary."""
    assert url.rstrip("/") == "https://schema.org", url
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": "https://schema.org/"}}}


def data_blocks(soup):
    """Each JSON-LD block of a page: parsed strictly as JSON, and expanded as JSON-LD (which fails on what is not)."""
    blocks = []
    for script in soup.select('script[type="application/ld+json"]'):
        block = json.loads(script.string)
        assert block["@context"] == "https://schema.org"
        assert jsonld.expand(block, {"documentLoader": schema_org_loader}), script.string
        blocks.append(block)
    return blocks


def of_type(soup, kind):
    found = [block for block in data_blocks(soup) if block["@type"] == kind]
    assert len(found) == 1, (kind, [block["@type"] for block in data_blocks(soup)])
    return found[0]


def canonical(soup):
    return soup.select_one('link[rel="canonical"]')["href"]


def meta(soup, name):
    return [tag["content"] for tag in soup.select(f'meta[name="{name}"]')]


def test_every_page_carries_json_ld_that_parses(site):
    pages = reader_pages(site)
    assert len(pages) > 30
    for path in pages:
        assert data_blocks(page(site, path)), path


def test_the_home_page_is_a_website_with_a_search_box_and_its_publisher(site):
    for root, publisher in (("", "ກະຊວງ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ"), ("en/", "Ministry of Technology and Communications")):
        soup = page(site, f"{root}index.html")
        website = of_type(soup, "WebSite")
        assert website["url"] == canonical(soup) and website["inLanguage"] == soup.html["lang"]
        action = website["potentialAction"]
        assert action["@type"] == "SearchAction"
        assert action["target"]["urlTemplate"] == f"{SITE_URL}/{root}search.html?q={{search_term_string}}"
        assert action["query-input"] == "required name=search_term_string"
        form = soup.select_one('form[role="search"], form')
        assert form.select_one('input[name="q"]')  # the page's own search box asks the same question
        organization = of_type(soup, "Organization")
        assert organization["name"] == publisher and organization["logo"]["url"].startswith(SITE_URL + "/")
        assert website["publisher"]["@id"] == organization["@id"]


def check_item(soup, item):
    """What every item's node says, against the page."""
    assert item["url"] == item["@id"] == canonical(soup)
    assert item["inLanguage"] == soup.html["lang"]
    assert item["headline"] == soup.h1.get_text()
    assert item["datePublished"][:10] == soup.select_one(".article-meta time")["datetime"]
    assert item["publisher"]["@type"] == "Organization" and item["publisher"]["name"]
    og_image = soup.select_one('meta[property="og:image"]')
    if og_image:
        images = item["image"] if isinstance(item["image"], list) else [item["image"]]
        assert og_image["content"] in images
    translations = {a["hreflang"]: a["href"] for a in soup.select(".translation-link a")}
    linked = item.get("workTranslation") or item.get("translationOfWork")
    assert {ref["inLanguage"]: ref["url"] for ref in ([linked] if isinstance(linked, dict) else linked or [])} == (
        translations
    )


@pytest.mark.parametrize("path", ITEMS["news"])
def test_a_news_item_is_a_news_article_part_of_its_journal_issue(site, path):
    soup = page(site, path)
    item = of_type(soup, "NewsArticle")
    check_item(soup, item)
    assert item["author"]["name"] == soup.select_one(".article-meta .meta-value").get_text()
    assert item["image"] == soup.select_one('meta[property="og:image"]')["content"]
    issue_link = soup.select_one(".in-issue a")["href"]
    assert item["isPartOf"]["@type"] == "PublicationIssue" and item["isPartOf"]["url"] == issue_link
    assert item["isPartOf"]["issueNumber"] == "7" and item["isPartOf"]["isPartOf"]["@type"] == "Periodical"
    assert item["isPartOf"]["isPartOf"]["issn"] == ISSN
    assert ("translationOfWork" in item) == path.startswith("en/")  # the Lao is the original


@pytest.mark.parametrize("path", ITEMS["reports"])
def test_a_report_is_about_an_event_with_its_dates_place_organisers_and_registration(site, path):
    soup = page(site, path)
    report = of_type(soup, "Report")
    check_item(soup, report)
    event = of_type(soup, "Event")
    assert report["about"] == {"@id": event["@id"]}  # a reference: the Event is described once, whole
    assert event["subjectOf"]["@id"] == report["url"]
    assert event["name"] == soup.h1.get_text()
    assert event["startDate"] == "2025-02-10T00:00:00+07:00"  # the page: 10-11 February 2025, in Vientiane
    assert event["endDate"] == "2025-02-11T23:59:59+07:00"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    facts = {dt.get_text(): dd for dt, dd in zip(soup.select(".facts dt"), soup.select(".facts dd"), strict=True)}
    venue = facts[{"lo": "ສະຖານທີ່", "en": "Venue"}[soup.html["lang"]]].get_text()
    organisers = facts[{"lo": "ຜູ້ຈັດ", "en": "Organisers"}[soup.html["lang"]]].get_text()
    assert event["location"] == {"@type": "Place", "name": venue, "address": venue}
    assert ", ".join(o["name"] for o in event["organizer"]) == organisers
    assert all(o["@type"] == "Organization" for o in event["organizer"])
    register = soup.select_one('.facts a[rel="external"]')["href"]
    assert event["offers"] == {"@type": "Offer", "url": register, "validThrough": "2025-02-01T23:59:59+07:00"}


@pytest.mark.parametrize("path", ITEMS["magazine"])
def test_a_journal_issue_is_an_issue_of_the_periodical_with_its_contents_as_parts(site, path):
    soup = page(site, path)
    issue = of_type(soup, "PublicationIssue")
    check_item(soup, issue)
    assert issue["issueNumber"] == "7"
    journal = {"lo": "ວາລະສານ ໄອຊີທີ", "en": "ICT Journal"}[soup.html["lang"]]
    assert issue["isPartOf"] == {"@type": "Periodical", "name": journal, "issn": ISSN}
    assert issue["image"] == f"{SITE_URL}/images/issue-7.svg"
    contents = [a["href"] for a in soup.select(".contents .card-title")]
    assert contents and [part["url"] for part in issue["hasPart"]] == contents
    assert issue["encoding"]["contentUrl"] == f"{SITE_URL}/{PDF_OF_ISSUE}"


@pytest.mark.parametrize("path", ITEMS["newspaper"])
def test_a_newspaper_edition_is_an_issue_of_the_newspaper_with_its_pages_as_images(site, path):
    soup = page(site, path)
    edition = of_type(soup, "PublicationIssue")
    check_item(soup, edition)
    assert edition["issueNumber"] == soup.select_one(".edition-number").get_text().split()[-1]
    assert edition["isPartOf"] == {"@type": "Periodical", "name": "ໜັງສືພິມ ເຕັກໂນໂລຊີ ແລະ ການສື່ສານ"}
    pages = [a["href"] for a in soup.select(".page-images a")]
    if pages:
        assert edition["image"] == pages
    else:  # a PDF only: its first page, as the edition's picture
        assert edition["image"].startswith(f"{SITE_URL}/thumbs/")


def test_a_breadcrumb_is_given_to_search_engines_as_it_is_shown(site):
    checked = 0
    for path in reader_pages(site):
        soup = page(site, path)
        lists = [block for block in data_blocks(soup) if block["@type"] == "BreadcrumbList"]
        shown = soup.select(".breadcrumb li")
        assert len(lists) == (1 if shown else 0), path
        if shown:
            crumbs = [(item["name"], item.get("item")) for item in lists[0]["itemListElement"]]
            assert crumbs == [(li.get_text(), li.a["href"] if li.a else None) for li in shown], path
            assert [item["position"] for item in lists[0]["itemListElement"]] == list(range(1, len(shown) + 1))
            checked += 1
    assert checked > 20


def test_a_list_is_a_collection_page(site):
    soup = page(site, "en/magazine/index.html")
    collection = of_type(soup, "CollectionPage")
    assert collection["url"] == canonical(soup) and collection["name"] == soup.h1.get_text()


@pytest.mark.parametrize("path", ITEMS["magazine"])
def test_a_journal_issue_with_a_pdf_has_highwire_tags(site, path):
    soup = page(site, path)
    assert meta(soup, "citation_title") == [soup.h1.get_text()]
    assert meta(soup, "citation_journal_title") == [{"lo": "ວາລະສານ ໄອຊີທີ", "en": "ICT Journal"}[soup.html["lang"]]]
    assert meta(soup, "citation_issue") == ["7"] and meta(soup, "citation_issn") == [ISSN]
    assert meta(soup, "citation_publication_date") == ["2024/03/01"]
    assert meta(soup, "citation_language") == [soup.html["lang"]]
    download = soup.select_one('a[type="application/pdf"]')["href"]
    assert meta(soup, "citation_pdf_url") == [download] == [f"{SITE_URL}/{PDF_OF_ISSUE}"]


def test_an_article_in_an_issue_has_highwire_tags_and_others_have_none(site):
    soup = page(site, "en/news/fibre-backbone.html")
    assert meta(soup, "citation_title") == ["National fibre backbone now reaches every province"]
    assert meta(soup, "citation_author") == ["Lao Digital Government Centre"]
    assert meta(soup, "citation_issue") == ["7"] and meta(soup, "citation_journal_title") == ["ICT Journal"]
    assert meta(soup, "citation_pdf_url") == []  # the issue's PDF is the whole issue, not this article
    for path in ("news/cyber-drill.html", "reports/open-data-forum.html", "newspaper/edition-211.html"):
        assert not page(site, path).select('meta[name^="citation_"]'), path


def item_pages(site):
    return [p for p in reader_pages(site) if page(site, p).select_one("article.article")]


def test_every_item_page_links_its_ris_and_bibtex_which_carry_its_title_and_url(site):
    paths = item_pages(site)
    assert len(paths) == 11
    for path in paths:
        soup = page(site, path)
        links = {a["type"]: a["href"] for a in soup.select(".cite-files a")}
        ris_url, bib_url = links["application/x-research-info-systems"], links["application/x-bibtex"]
        assert ris_url == canonical(soup)[:-4] + "ris" and bib_url == canonical(soup)[:-4] + "bib"
        title = soup.h1.get_text()
        with open(os.path.join(site, ris_url[len(SITE_URL) + 1 :]), encoding="utf-8") as f:
            (entry,) = rispy.load(f)
        assert entry["title"] == title and entry["urls"] == [canonical(soup)], path
        assert entry["language"] == soup.html["lang"]
        library = bibtexparser.parse_string(
            read(site, bib_url[len(SITE_URL) + 1 :]), append_middleware=[LatexDecodingMiddleware()]
        )
        assert not library.failed_blocks, path
        (bib,) = library.entries
        assert bib.fields_dict["url"].value == canonical(soup), path
        if "hostile" not in path:  # LaTeX reads "--" as a dash and " as a closing quote: see the hostile test
            assert bib.fields_dict["title"].value == title, path
        line = soup.select_one(".cite-text").get_text()
        assert title in line and canonical(soup) in line, path


def test_citations_keep_lao_and_name_the_journal(site):
    with open(os.path.join(site, "news/fibre-backbone.ris"), encoding="utf-8") as f:
        (entry,) = rispy.load(f)
    assert entry["type_of_reference"] == "JOUR" and entry["authors"] == ["ສລດ"]
    assert entry["title"] == "ສາຍໄຟເບີແກນຫຼັກແຫ່ງຊາດ ເຊື່ອມຕໍ່ຮອດທຸກແຂວງແລ້ວ"
    assert entry["secondary_title"] == "ວາລະສານ ໄອຊີທີ" and entry["number"] == "7" and entry["issn"] == ISSN
    (bib,) = bibtexparser.parse_string(read(site, "reports/open-data-forum.bib")).entries
    assert bib.entry_type == "techreport" and bib.fields_dict["title"].value == "ເວທີປຶກສາຫາລື ວ່າດ້ວຍຂໍ້ມູນເປີດ ຂອງພາກລັດ"
    line = page(site, "news/fibre-backbone.html").select_one(".cite-text").get_text()
    assert line.startswith("ສລດ (2024). ສາຍໄຟເບີແກນຫຼັກແຫ່ງຊາດ") and "ວາລະສານ ໄອຊີທີ, 7." in line


def test_a_hostile_title_stays_data(site):
    html = read(site, "en/news/hostile.html")
    soup = BeautifulSoup(html, "html.parser")
    assert of_type(soup, "NewsArticle")["headline"] == HOSTILE  # the whole title, as data
    scripts = soup.find_all("script")
    assert all(s.get("src") or s.get("type") in ("application/ld+json", "application/json") for s in scripts)
    assert [s["src"].rsplit("/", 1)[-1].split(".")[0] for s in soup.select("script[src]")] == ["site"]
    assert 'alert("x")</script>' not in html.replace("&lt;", "<")[: html.find("</head>")]
    assert "<script>alert" not in html
    policy = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "script-src 'self';" in policy and "unsafe-inline" not in policy
    # the citation files keep it as text too: RIS as it is, BibTeX with LaTeX's special characters escaped
    with open(os.path.join(site, "en/news/hostile.ris"), encoding="utf-8") as f:
        assert rispy.load(f)[0]["title"] == HOSTILE
    raw = bibtexparser.parse_string(read(site, "en/news/hostile.bib"))
    assert not raw.failed_blocks and "\\&" in raw.entries[0].fields_dict["title"].value
    decoded = bibtexparser.parse_string(
        read(site, "en/news/hostile.bib"), append_middleware=[LatexDecodingMiddleware()]
    )
    assert decoded.entries[0].fields_dict["title"].value.startswith("</script><script>alert(")


@pytest.mark.parametrize("char", ["<", ">", "&", "\u2028"])
def test_a_data_block_escapes_what_could_end_it(char):
    text = to_json({"@type": "Thing", "name": f"a{char}b</script>"})
    assert char not in text and "</" not in text
    assert json.loads(text)["name"] == f"a{char}b</script>"


def test_the_local_build_links_citations_but_gives_no_json_ld(tmp_path):
    from tests.fixture_site import build as local_build

    output = local_build(FIXTURE, str(tmp_path / "output"))
    soup = page(output, "news/fibre-backbone.html")
    assert not soup.select('script[type="application/ld+json"], meta[name^="citation_"]')
    assert [a["href"] for a in soup.select(".cite-files a")] == [
        "../news/fibre-backbone.ris",
        "../news/fibre-backbone.bib",
    ]
    with open(os.path.join(output, "news/fibre-backbone.ris"), encoding="utf-8") as f:
        assert "urls" not in rispy.load(f)[0]  # no address to cite from a folder on disk


def test_citations_are_kept_between_builds_and_made_again_when_what_made_them_changes(tmp_path):
    """cache/citations.json: a warm build gives the same files without formatting again; a record that changed, or
    forms made by other libraries, code or style, are made again."""
    from tests.fixture_site import build as local_build

    cache = tmp_path / "cache"
    first = local_build(FIXTURE, str(tmp_path / "one"), CACHE_PATH=str(cache))
    kept = json.loads((cache / "citations.json").read_text(encoding="utf-8"))
    assert len(kept["forms"]) == len(item_pages(first))
    second = local_build(FIXTURE, str(tmp_path / "two"), CACHE_PATH=str(cache))
    for name in ("news/fibre-backbone.ris", "news/fibre-backbone.bib", "en/reports/open-data-forum.bib"):
        assert read(first, name) == read(second, name)
    # what is kept is what is used: a form planted under the record's key is shown...
    for form in kept["forms"].values():
        if "ສາຍໄຟເບີແກນຫຼັກແຫ່ງຊາດ" in form[0]:
            form[0] = "planted"
    (cache / "citations.json").write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    planted = local_build(FIXTURE, str(tmp_path / "three"), CACHE_PATH=str(cache))
    assert page(planted, "news/fibre-backbone.html").select_one(".cite-text").get_text() == "planted"
    # ...and forgotten when they were made with anything else
    kept["made_with"] = "another version of citeproc-py"
    (cache / "citations.json").write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    again = local_build(FIXTURE, str(tmp_path / "four"), CACHE_PATH=str(cache))
    assert page(again, "news/fibre-backbone.html").select_one(".cite-text").get_text().startswith("ສລດ (2024).")
    # a file cut short (a build stopped while writing it elsewhere) is no kept forms, not a failed build
    (cache / "citations.json").write_text('{"made_with": "', encoding="utf-8")
    local_build(FIXTURE, str(tmp_path / "five"), CACHE_PATH=str(cache))
    assert json.loads((cache / "citations.json").read_text(encoding="utf-8"))["forms"]


def test_citations_made_in_another_process_are_the_ones_made_here(tmp_path, monkeypatch):
    """A build with many forms to make has them made in another process while it writes the pages (cite.Citations.
    start): the same lines, RIS and BibTeX as made in the build's own, each on its own item's page."""
    from archive import cite
    from tests.fixture_site import build as local_build

    here = local_build(FIXTURE, str(tmp_path / "here"), CACHE_PATH=str(tmp_path / "cache-here"))
    started = []

    class Counted(cite.Beside):
        def __init__(self, *args, **kwargs):
            started.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(cite, "Beside", Counted)
    monkeypatch.setattr(cite, "BESIDE_FROM", 1)
    monkeypatch.setattr(cite, "BATCH", 3)  # several batches, so that an item takes its own place in its own
    beside = local_build(FIXTURE, str(tmp_path / "beside"), CACHE_PATH=str(tmp_path / "cache-beside"))
    assert len(started) == 1
    paths = item_pages(here)
    assert paths and paths == item_pages(beside)
    for path in paths:
        assert page(here, path).select_one(".cite-text") == page(beside, path).select_one(".cite-text")
        for suffix in ("ris", "bib"):
            assert read(here, path[: -len("html")] + suffix) == read(beside, path[: -len("html")] + suffix)


def test_forms_made_beside_are_those_made_here_and_none_once_the_process_is_gone(caplog):
    from archive import cite

    style = os.path.join(ROOT, "theme", "citation", "short.csl")
    records = [
        (
            {
                "id": f"item-{n}",
                "type": "report",
                "title": f"ກອງປະຊຸມ {n} & <co>",
                "publisher": "ກະຊວງ",
                "language": "lo",
                "issued": {"date-parts": [[2024, 5, n + 1]]},
            },
            ("report", "RPRT", "techreport"),
        )
        for n in range(5)
    ]
    beside = cite.Beside(style, [records[:2], records[2:]])
    try:
        assert beside.forms(1, 2) == cite.make_forms(*records[4], style)  # a later batch first: the earlier are kept
        assert beside.forms(0, 0) == cite.make_forms(*records[0], style)
        # it yields to the build, which waits for the search sooner than for citations
        with open(f"/proc/{beside.process.pid}/stat", encoding="ascii") as f:
            assert int(f.read().rpartition(")")[2].split()[16]) == min(19, os.nice(0) + processes.NICE)
    finally:
        beside.close()
    closed = cite.Beside(style, [records])
    closed.close()  # every form asked for: nothing more is read
    assert closed.forms(0, 0) is None
    died = cite.Beside(style, [records])
    died.process.kill()
    died.process.wait()
    with caplog.at_level("WARNING", logger="archive.cite"):
        assert died.forms(0, 0) is None  # no answer, no exception: the build makes the forms itself, and says so
    died.close()
    assert "stopped; made here instead" in caplog.text


def test_a_line_is_the_one_citeproc_makes_without_the_answers_kept():
    """cite.py keeps citeproc-py's answers about the style (cite._keep_lookups): lines of every kind of record,
    formatted in turn in one process, are those citeproc-py makes in a process without them."""
    import subprocess
    import sys

    from citeproc.model import CitationStylesElement

    from archive import cite

    style = os.path.join(ROOT, "theme", "citation", "short.csl")
    kinds = [("article-newspaper", "NEWS", "misc"), ("report", "RPRT", "techreport"), cite.IN_ISSUE]
    kinds += [("periodical", "JFULL", "misc"), ("periodical", "NEWS", "misc")]
    records = []
    for n in range(40):
        csl_type = kinds[n % len(kinds)][0]
        record = {
            "id": f"item-{n}",
            "type": csl_type,
            "title": ["ກອງປະຊຸມ ລັດຖະບານດິຈິຕອນ", "Fibre & <backbone>", "ວາລະສານ ໄອຊີທີ"][n % 3] + f" {n}",
            "issued": {"date-parts": [[2000 + n, n % 12 + 1, n % 28 + 1]]},
            "language": ["lo", "en"][n % 2],
            "publisher": ["ກະຊວງເຕັກໂນໂລຊີ ແລະ ການສື່ສານ", "Ministry of Technology"][n % 2],
        }
        if n % 4:
            record["author"] = [{"literal": ["ກົມໄອທີ", "J. Doe"][n % 2]}]
        if n % 3 == 0:
            record.update({"container-title": "ICT Journal", "issue": str(n), "ISSN": ISSN})
        if n % 5:
            record["URL"] = f"{SITE_URL}/items/{n}.html"
        records.append(record)
    program = (
        "import json, sys\n"
        "from archive import cite\n"
        "cite._keep_lookups = lambda: None\n"
        "records, style = json.load(sys.stdin)\n"
        "print(json.dumps([cite.formatted(record, style) for record in records]))\n"
    )
    plain = subprocess.run(
        [sys.executable, "-c", program],
        input=json.dumps([records, style]),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    lines = [cite.formatted(record, style) for record in records + records[::-1]]
    assert CitationStylesElement.xpath_search.__qualname__.startswith("_keep_lookups")  # kept in this process
    # kept by element and expression both: the same question of two elements has two answers
    root = cite._style(style).root
    for layout in (root.citation.layout, root.bibliography.layout):
        assert layout.xpath_search("./ancestor-or-self::cs:layout[1]")[0] is layout
    assert lines[: len(records)] == json.loads(plain.stdout)
    assert lines[len(records) :] == lines[: len(records)][::-1]
