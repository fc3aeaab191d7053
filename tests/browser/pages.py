"""The demo pages to check: every URL of both sites' sitemaps, both languages, and the
sub-routes a sitemap does not list (tracker, search results, agenda archives, communes)."""

import re
import urllib.parse
import urllib.request


def fetch(url):
    """GET a page of the test server; *.localhost names are sent to the loopback address
    (browsers resolve them so, the system resolver may not)."""
    parts = urllib.parse.urlsplit(url)
    loopback = parts._replace(netloc=f"127.0.0.1:{parts.port}").geturl()
    request = urllib.request.Request(loopback, headers={"Host": parts.netloc})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback only
        return response.read().decode()


def sitemap_urls(base_url):
    """The site's sitemap locations, moved onto the test server's address."""
    locations = re.findall(r"<loc>([^<]+)</loc>", fetch(f"{base_url}/sitemap.xml"))
    return [base_url + urllib.parse.urlsplit(location).path for location in locations]


def all_demo_urls(demo_server):
    """Every URL of both sites' sitemaps, and the sub-routes they do not list."""
    return [
        url
        for base_url in demo_server.values()
        for url in sitemap_urls(base_url) + sub_route_urls(base_url)
    ]


def fetch_final(url):
    """(final URL, HTML) of a page of the test server, redirects followed."""
    parts = urllib.parse.urlsplit(url)
    loopback = parts._replace(netloc=f"127.0.0.1:{parts.port}").geturl()
    request = urllib.request.Request(loopback, headers={"Host": parts.netloc})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback only
        final = urllib.parse.urlsplit(response.geturl())
        return url.split("/")[0] + "//" + parts.netloc + final.path, response.read().decode()


def page_kind(url, html):
    """The page's type, from its body class; pages without one (legal and content pages)
    by the last segment of their path."""
    body_class = re.search(r'<body class="([^" ]*)', html)
    if body_class and body_class.group(1):
        return body_class.group(1)
    return urllib.parse.urlsplit(url).path.strip("/").split("/")[-1] or "home"


def french_pages_by_kind(base_url):
    """{page type: [URLs]} of the site's French pages, in sitemap order."""
    kinds = {}
    for url in sitemap_urls(base_url):
        if not urllib.parse.urlsplit(url).path.startswith("/en/"):
            kinds.setdefault(page_kind(url, fetch(url)), []).append(url)
    return kinds


# A commune of each demo territory: "Ma commune" redirects a single match to its page.
COMMUNE_QUERIES = {"localhost": "Quillan", "ruffecois.localhost": "Ruffec"}


def sub_route_urls(base_url, kinds=None):
    """Pages a sitemap does not list: each contract's tracker, search results, the agenda's
    archives and an event, a commune's page."""
    kinds = kinds or french_pages_by_kind(base_url)
    urls = [f"{base_url}/recherche/?q=sant%C3%A9"]
    urls += [contract + "suivi/" for contract in kinds.get("page-contract", [])]
    for agenda in kinds.get("page-agenda", []):
        urls.append(agenda + "archives/")
        path = urllib.parse.urlsplit(agenda).path
        urls += [
            base_url + event for event in re.findall(rf'href="({path}\d+/)"', fetch(agenda))[:1]
        ]
    host = urllib.parse.urlsplit(base_url).hostname
    for finder in kinds.get("page-commune-finder", []):
        urls.append(fetch_final(f"{finder}?q={COMMUNE_QUERIES[host]}")[0])
    return urls


def all_sub_route_urls(demo_server):
    return [url for base_url in demo_server.values() for url in sub_route_urls(base_url)]
