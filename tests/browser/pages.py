"""The demo pages to check: every URL of both sites' sitemaps, both languages."""

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
    return [url for base_url in demo_server.values() for url in sitemap_urls(base_url)]
