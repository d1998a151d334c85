"""Issue 24's acceptance, checked as an outside checker would: publish a site, read every page's JSON-LD with
extruct (what crawlers' pipelines use, not this project's parser), and hold it to what Google's documentation
asks of each type (Article/NewsArticle, Event, BreadcrumbList, the WebSite's search box) and to the page itself:
the facts a reader sees, the canonical link, the page's language. Nothing here imports the code under test.

Two published builds: the test fixture (with a PDF given to its journal issue and an English edition of a
newspaper, so that every kind is met in both languages) and the sample site in content/.
"""

import datetime
import json
import os
import re
import shutil
from urllib.parse import quote, unquote, urlsplit

import bibtexparser
import extruct
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from bs4 import BeautifulSoup

from tests.fixture_site import FIXTURE, reader_pages
from tests.test_publish import environment
from tools.build import PUBLISH_SETTINGS, ROOT, build

SITE_URL = "https://archive.example.la"
KINDS = {"news": "NewsArticle", "reports": "Report", "magazine": "PublicationIssue", "newspaper": "PublicationIssue"}
ARTICLES = {"Article", "NewsArticle", "Report", "BlogPosting"}  # what Google's Article documentation covers
PERIODICALS = {"magazine": {"lo": "ວາລະສານ ໄອຊີທີ", "en": "ICT Journal"}}
EVENT_STATUS = {f"https://schema.org/Event{s}" for s in ("Scheduled", "Cancelled", "MovedOnline", "Postponed")}
EVENT_STATUS.add("https://schema.org/EventRescheduled")
ATTENDANCE = {f"https://schema.org/{m}EventAttendanceMode" for m in ("Offline", "Online", "Mixed")}
URL_KEYS = {"url", "@id", "item", "image", "contentUrl", "urlTemplate", "sameAs", "logo"}
DATE_KEYS = {"datePublished", "dateModified", "startDate", "endDate", "validThrough", "validFrom"}
MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}


def _publish(content, output):
    with environment(SITEURL=SITE_URL):
        return build(str(content), str(output), settings_file=PUBLISH_SETTINGS)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("acceptance") / "content"
    shutil.copytree(FIXTURE, content)
    for name in ("ict-journal-7.lo.md", "ict-journal-7.en.md"):
        path = content / "magazine" / name
        path.write_text(path.read_text(encoding="utf-8").replace("Cover:", "PDF: files/edition-211.pdf\nCover:", 1))
    # a report with a cover whose file name a URL must encode (Lao and a space)
    shutil.copy(content / "images" / "fibre-map.png", content / "images" / "ແຜນທີ່ forum.png")
    for name in ("open-data-forum.lo.md", "open-data-forum.en.md"):
        path = content / "reports" / name
        path.write_text(path.read_text(encoding="utf-8").replace("Venue:", "Cover: images/ແຜນທີ່ forum.png\nVenue:", 1))
    (content / "newspaper" / "edition-210.en.md").write_text(
        "Title: Technology and Communications, edition 210\nDate: 2024-03-05\nLang: en\nSlug: edition-210\n"
        "Category: newspaper\nTranslation: true\nEdition: 210\nPages: images/edition-210-1.svg\n\nThe front page.\n",
        encoding="utf-8",
    )
    return _publish(content, content.parent / "output")


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory):
    return _publish(os.path.join(ROOT, "content"), tmp_path_factory.mktemp("acceptance-sample") / "output")


@pytest.fixture(scope="module", params=["fixture", "sample"])
def site(request):
    return request.getfixturevalue(f"{request.param}_site")


# --- reading a published page as a crawler does -------------------------------------------------------------------


class Page:
    def __init__(self, site, path):
        self.site, self.path = site, path
        with open(os.path.join(site, path), encoding="utf-8") as f:
            self.html = f.read()
        self.soup = BeautifulSoup(self.html, "html.parser")
        self.url = f"{SITE_URL}/{quote(path)}"  # as a browser asks for it
        self.lang = self.soup.html["lang"]
        link = self.soup.select_one('link[rel="canonical"]')
        self.canonical = link["href"] if link else None
        self.data = extruct.extract(self.html, base_url=self.url, syntaxes=["json-ld"])["json-ld"]

    def of_type(self, kind):
        """The top-level nodes of ``kind`` (a crawler reads each data block as an item)."""
        return [node for node in self.data if node.get("@type") == kind]

    def one(self, kind):
        found = self.of_type(kind)
        assert len(found) == 1, (self.path, kind, [n.get("@type") for n in self.data])
        return found[0]

    def meta(self, name):
        return [tag["content"] for tag in self.soup.select(f'meta[name="{name}"]')]

    def kind(self):
        """The kind of item this page is, from its folder (news/, en/news/...), or None for a list."""
        if not self.soup.select_one("article.article"):
            return None
        parts = self.path.split("/")
        return parts[1] if parts[0] == self.lang and len(parts) > 2 else parts[0]


@pytest.fixture(scope="module")
def pages_of():
    read = {}

    def pages(site):
        if site not in read:
            read[site] = [Page(site, path) for path in reader_pages(site)]
        return read[site]

    return pages


def nodes_in(value, path=()):
    """(path of keys, node) of every node (a dict) in ``value``, nested ones too."""
    if isinstance(value, dict):
        yield path, value
        for key, inner in value.items():
            yield from nodes_in(inner, (*path, key))
    elif isinstance(value, list):
        for inner in value:
            yield from nodes_in(inner, path)


def values_of(node, key):
    value = node.get(key)
    return value if isinstance(value, list) else [] if value is None else [value]


def local_file(site, url):
    """The file of the site an absolute URL of the site names, as a web server finds it (percent-decoded; a folder's
    index.html)."""
    path = unquote(urlsplit(url).path).lstrip("/")
    return os.path.join(site, path + "index.html" if path.endswith("/") or not path else path)


def moment(text):
    """An ISO 8601 date-time with its offset, as Google asks for startDate, datePublished...; None otherwise."""
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)", text):
        return None
    return datetime.datetime.fromisoformat(text)


def text(element):
    return " ".join(element.get_text().split())


# --- every page -----------------------------------------------------------------------------------------------------


def test_every_page_has_json_ld_that_is_strict_json(site, pages_of):
    pages = pages_of(site)
    assert len(pages) > 30
    for page in pages:
        blocks = page.soup.select('script[type="application/ld+json"]')
        assert blocks and len(blocks) == len(page.data), page.path  # extruct read every block
        for block in blocks:
            assert json.loads(block.string)["@context"] in ("https://schema.org", "https://schema.org/"), page.path


def test_the_page_node_is_the_canonical_page_in_the_page_language(site, pages_of):
    for page in pages_of(site):
        assert page.canonical, page.path
        assert page.canonical == page.url, page.path
        # the node the page is about (not its publisher, whose address is the home page, nor a report's Event)
        own = [n for n in page.data if n.get("url") == page.canonical and n["@type"] not in ("Organization", "Event")]
        assert len(own) == 1, (page.path, page.canonical, [n.get("url") for n in page.data])
        assert own[0]["@id"].split("#")[0] == page.canonical, page.path
        assert own[0]["inLanguage"] == page.lang, page.path
        og = page.soup.select_one('meta[property="og:url"]')
        assert og["content"] == page.canonical, page.path


def test_every_url_is_absolute_percent_encoded_and_leads_to_a_file(site, pages_of):
    checked = 0
    for page in pages_of(site):
        for _path, node in nodes_in(page.data):
            for key in URL_KEYS & node.keys():
                for url in values_of(node, key):
                    if isinstance(url, dict):
                        continue  # a node (an ImageObject, a ListItem's item): checked as a node
                    url = url.replace("{search_term_string}", "")
                    assert re.fullmatch(r"https?://[\x21-\x7e]+", url), (page.path, key, url)
                    if url.startswith(SITE_URL + "/"):
                        assert os.path.isfile(local_file(site, url.split("#")[0].split("?")[0])), (page.path, url)
                        checked += 1
    assert checked > 100


def test_dates_have_a_time_and_an_offset(site, pages_of):
    for page in pages_of(site):
        for _path, node in nodes_in(page.data):
            for key in DATE_KEYS & node.keys():
                assert moment(node[key]) is not None and moment(node[key]).tzinfo, (page.path, key, node[key])


def test_every_event_is_complete_wherever_it_is(site, pages_of):
    """Google reads every node typed Event, nested or not: each must have what its documentation requires (name,
    startDate, location a Place with an address) and what it recommends in the forms it asks for."""
    events = 0
    for page in pages_of(site):
        for path, node in nodes_in(page.data):
            if node.get("@type") != "Event":
                continue
            events += 1
            where = (page.path, path)
            assert node.get("name") and moment(node["startDate"]), where
            place = node["location"]
            assert place["@type"] == "Place" and place.get("name") and place.get("address"), where
            if "endDate" in node:
                assert moment(node["endDate"]) >= moment(node["startDate"]), where
            assert node["eventStatus"] in EVENT_STATUS and node["eventAttendanceMode"] in ATTENDANCE, where
            for organizer in values_of(node, "organizer"):
                assert organizer["@type"] in ("Organization", "Person") and organizer["name"], where
            for offer in values_of(node, "offers"):
                assert offer["@type"] == "Offer" and re.fullmatch(r"https?://\S+", offer["url"]), where
                if "availability" in offer:
                    assert offer["availability"].startswith("https://schema.org/"), where
            for image in values_of(node, "image"):
                assert image.startswith(SITE_URL + "/"), where
    assert events


def test_articles_have_what_google_reads(site, pages_of):
    for page in pages_of(site):
        for node in page.data:
            if node.get("@type") not in ARTICLES:
                continue
            assert node["headline"] and moment(node["datePublished"]), page.path
            for author in values_of(node, "author"):
                assert author["@type"] in ("Person", "Organization") and author["name"], page.path
            for image in values_of(node, "image"):
                assert image.startswith(SITE_URL + "/"), page.path
            publisher = node["publisher"]
            assert publisher["@type"] == "Organization" and publisher["name"], page.path
            assert publisher["logo"]["url"].startswith(SITE_URL + "/"), page.path


def test_breadcrumbs_are_well_formed_and_as_shown(site, pages_of):
    for page in pages_of(site):
        shown = page.soup.select(".breadcrumb li")
        lists = page.of_type("BreadcrumbList")
        assert len(lists) == (1 if shown else 0), page.path
        if not shown:
            continue
        items = lists[0]["itemListElement"]
        assert [i["position"] for i in items] == list(range(1, len(items) + 1)), page.path
        assert [(i["name"], i.get("item")) for i in items] == [
            (text(li), li.a["href"] if li.a else None) for li in shown
        ], page.path
        assert all("item" in i for i in items[:-1]), page.path  # only the last may be the page itself


# --- the home page --------------------------------------------------------------------------------------------------


def test_each_home_page_is_a_website_with_a_search_box(site):
    for root in ("", "en/"):
        page = Page(site, f"{root}index.html")
        website = page.one("WebSite")
        assert website["url"] == page.canonical and website.get("inLanguage", page.lang) == page.lang
        action = website["potentialAction"]
        assert action["@type"] == "SearchAction"
        template = action["target"]["urlTemplate"] if isinstance(action["target"], dict) else action["target"]
        assert template == f"{SITE_URL}/{root}search.html?q={{search_term_string}}"
        assert action["query-input"] == "required name=search_term_string"
        search = Page(site, f"{root}search.html")
        assert search.soup.select_one('form input[name="q"]')  # the search page answers ?q=
        publisher = page.one("Organization")
        assert publisher["name"] and publisher["logo"]["url"].startswith(SITE_URL + "/")


# --- each kind, in each language, against its page ----------------------------------------------------------------


def items(pages):
    return [page for page in pages if page.kind()]


def test_an_item_of_each_kind_in_each_language(fixture_site, pages_of):
    met = {(page.kind(), page.lang) for page in items(pages_of(fixture_site))}
    assert met == {(kind, lang) for kind in KINDS for lang in ("lo", "en")}


def english_days(shown):
    """(first, last) day of a span an English page shows: "10–11 February 2025", "3 March – 2 April 2025"."""
    found = re.fullmatch(r"(\d+)(?: ([A-Z][a-z]+))?(?: (\d{4}))?(?:\s*–\s*(\d+)(?: ([A-Z][a-z]+))?)? (\d{4})", shown)
    first_day, first_month, first_year, last_day, last_month, year = found.groups()
    month = MONTHS[last_month or first_month] if last_month or first_month else None
    start_month = MONTHS[first_month] if first_month else month
    start = datetime.date(int(first_year or year), start_month or month, int(first_day))
    end = datetime.date(int(year), month or start_month, int(last_day or first_day))
    return start, end


def test_every_item_agrees_with_its_page(site, pages_of):
    events = {}
    for page in items(pages_of(site)):
        kind = page.kind()
        item = page.one(KINDS[kind])
        assert item["url"] == item["@id"] == page.canonical, page.path
        assert item["headline"] == text(page.soup.h1), page.path
        assert item["inLanguage"] == page.lang, page.path
        assert item["datePublished"][:10] == page.soup.select_one(".article-meta time")["datetime"], page.path
        og_image = page.soup.select_one('meta[property="og:image"]')
        if og_image:
            assert og_image["content"] in values_of(item, "image"), page.path
        if kind in ("magazine", "newspaper"):
            assert item["isPartOf"]["@type"] == "Periodical" and item["isPartOf"]["name"], page.path
            number = item["issueNumber"]
            shown = page.soup.select_one(".edition-number")
            assert re.search(rf"(^|\D){number}(\D|$)", text(shown) if shown else text(page.soup.h1)), page.path
        if kind == "magazine":
            assert item["isPartOf"]["name"] == PERIODICALS["magazine"][page.lang], page.path
            contents = [a["href"] for a in page.soup.select(".contents .card-title")]
            assert [part["url"] for part in values_of(item, "hasPart")] == contents, page.path
        issue_link = page.soup.select_one(".in-issue a")
        if issue_link:  # an article in a journal issue is part of it, and so of the journal
            assert item["isPartOf"]["url"] == issue_link["href"], page.path
            assert item["isPartOf"]["isPartOf"]["@type"] == "Periodical", page.path
        if kind == "reports":
            events[page.path] = check_report(page, item)
    assert events
    # a report and its translation are about one event: the same dates
    for path, dates in events.items():
        if path.startswith("en/") and path[3:] in events:
            assert events[path[3:]] == dates, path


def check_report(page, report):
    event = page.one("Event")  # top-level: found by a crawler that reads items, not references
    assert report["about"]["@id"] == event["@id"], page.path
    assert event["name"] == text(page.soup.h1) and event["description"], page.path
    og_image = page.soup.select_one('meta[property="og:image"]')
    if og_image:  # Google recommends an Event's image: the report's cover
        assert values_of(event, "image") == [og_image["content"]], page.path
    facts = {text(dt): dd for dt, dd in zip(page.soup.select(".facts dt"), page.soup.select(".facts dd"), strict=True)}
    venue, organisers, dates = (
        {"lo": lo, "en": en}[page.lang] for lo, en in (("ສະຖານທີ່", "Venue"), ("ຜູ້ຈັດ", "Organisers"), ("ວັນທີ", "Dates"))
    )
    assert event["location"]["name"] == text(facts[venue]), page.path
    assert ", ".join(o["name"] for o in values_of(event, "organizer")) == text(facts[organisers]), page.path
    start, end = moment(event["startDate"]), moment(event.get("endDate", event["startDate"]))
    if page.lang == "en" and dates in facts:
        assert english_days(text(facts[dates])) == (start.date(), end.date()), page.path
    register = page.soup.select_one('.facts a[rel="external"]')
    if register:
        offer = event["offers"]
        assert offer["url"] == register["href"], page.path
        assert moment(offer["validThrough"]) <= end, page.path
    else:
        assert "offers" not in event, page.path
    return start, end


def test_highwire_tags_on_a_journal_issue_with_a_pdf(site, pages_of):
    issues = [p for p in items(pages_of(site)) if p.kind() == "magazine" and p.soup.select('a[type="application/pdf"]')]
    assert issues
    for page in issues:
        issue = page.one("PublicationIssue")
        assert page.meta("citation_title") == [text(page.soup.h1)], page.path
        assert page.meta("citation_journal_title") == [issue["isPartOf"]["name"]], page.path
        assert page.meta("citation_issue") == [issue["issueNumber"]], page.path
        assert page.meta("citation_language") == [page.lang], page.path
        assert page.meta("citation_publication_date") == [issue["datePublished"][:10].replace("-", "/")], page.path
        (pdf,) = page.meta("citation_pdf_url")
        assert pdf == page.soup.select_one('a[type="application/pdf"]')["href"] and pdf.startswith(SITE_URL + "/")
        assert os.path.isfile(local_file(site, pdf)), page.path


def test_every_item_links_ris_and_bibtex_that_parse_with_its_title_and_url(site, pages_of):
    for page in items(pages_of(site)):
        links = [a["href"] for a in page.soup.select("a[href]")]
        (ris_url,) = [u for u in links if u.endswith(".ris")]
        (bib_url,) = [u for u in links if u.endswith(".bib")]
        title = text(page.soup.h1)
        with open(local_file(site, ris_url), encoding="utf-8") as f:
            (entry,) = rispy.load(f)
        assert entry["title"] == title and entry["urls"] == [page.canonical], page.path
        with open(local_file(site, bib_url), encoding="utf-8") as f:
            library = bibtexparser.parse_string(f.read(), append_middleware=[LatexDecodingMiddleware()])
        assert not library.failed_blocks, page.path
        (bib,) = library.entries
        assert bib.fields_dict["title"].value == title and bib.fields_dict["url"].value == page.canonical, page.path
