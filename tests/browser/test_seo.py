"""Lighthouse's SEO and best-practice audits that apply to this site, checked in Chromium on
every demo page (Lighthouse itself is not installed: it would fetch a browser of its own).

SEO: document title, meta description, http status, lang, valid hreflang, descriptive
and crawlable links, not blocked from indexing, a valid robots.txt. Best practices:
doctype, declared charset, no error in the console, images shown at their own ratio.
The favicon (a console error when missing) belongs to the site identity work: the
console check leaves /favicon.ico out.
"""

import re
import urllib.parse

from .pages import all_demo_urls, fetch

# Lighthouse's list of vague link texts (link-text audit), in both languages.
VAGUE_LINK_TEXTS = {
    "click here", "click this", "go", "here", "this", "start", "right here", "more",
    "learn more", "read more", "cliquez ici", "ici", "en savoir plus", "lire la suite",
    "plus", "suite", "voir", "lien",
}  # fmt: skip
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$|^x-default$")
ROBOTS_DIRECTIVES = {"user-agent", "allow", "disallow", "sitemap", "crawl-delay"}

PAGE_FACTS = """() => ({
    title: document.title.trim(),
    lang: document.documentElement.lang,
    doctype: document.doctype && document.doctype.name,
    charset: document.characterSet,
    description: document.querySelector('meta[name="description"]')?.content.trim() || "",
    robots: document.querySelector('meta[name="robots"]')?.content || "",
    alternates: [...document.querySelectorAll('link[rel="alternate"][hreflang]')]
        .map(link => [link.hreflang, link.getAttribute("href")]),
    links: [...document.querySelectorAll("a[href]")].map(link => [
        link.getAttribute("href"),
        (link.innerText || link.getAttribute("aria-label") || link.querySelector("img")?.alt
            || "").replace(/\\s+/g, " ").trim(),
    ]),
    stretched: [...document.images].filter(img => img.naturalWidth && img.width).filter(img => {
        const style = getComputedStyle(img);
        if (style.objectFit === "cover" || style.objectFit === "contain") return false;
        const shown = img.width / img.height, natural = img.naturalWidth / img.naturalHeight;
        return Math.abs(shown - natural) / natural > 0.05;
    }).map(img => img.currentSrc),
})"""


def seo_problems(url, response, facts, console_errors):
    problems = []
    if response.status != 200:
        problems.append(f"status {response.status}")
    if "noindex" in (response.headers.get("x-robots-tag", "") + facts["robots"]):
        problems.append("blocked from indexing")
    for name in ("title", "description"):
        if not facts[name]:
            problems.append(f"no {name}")
    if not LANGUAGE_CODE.match(facts["lang"]):
        problems.append(f"lang {facts['lang']!r}")
    for language, href in facts["alternates"]:
        if not LANGUAGE_CODE.match(language) or not href.startswith(("http://", "https://")):
            problems.append(f"hreflang {language} {href}")
    for href, text in facts["links"]:
        if href.startswith("javascript:") or not href.strip():
            problems.append(f"link not crawlable: {href!r}")
        if not text:
            problems.append(f"link without text: {href}")
        elif text.lower().strip(" .…»›→") in VAGUE_LINK_TEXTS:
            problems.append(f"vague link text {text!r}: {href}")
    if facts["doctype"] != "html":
        problems.append("no doctype")
    if facts["charset"] != "UTF-8":
        problems.append(f"charset {facts['charset']}")
    problems += [f"console: {message}" for message in console_errors]
    problems += [f"image shown out of ratio: {src}" for src in facts["stretched"]]
    return problems


def test_every_demo_page_passes_the_seo_and_best_practice_audits(demo_server, page):
    console_errors = []

    def record(message):
        if message.type == "error" and "/favicon.ico" not in (message.location or {}).get(
            "url", ""
        ):
            console_errors.append(message.text)

    page.on("console", record)
    failures = {}
    urls = all_demo_urls(demo_server)
    for url in urls:
        console_errors.clear()
        response = page.goto(url)
        page.wait_for_load_state("load")
        problems = seo_problems(url, response, page.evaluate(PAGE_FACTS), console_errors)
        if problems:
            failures[url] = problems
    assert not failures, failures
    assert len(urls) > 40


def test_the_alternate_language_versions_exist(demo_server, page):
    page.goto(demo_server["aude"] + "/")
    alternates = dict(page.evaluate(PAGE_FACTS)["alternates"])
    assert set(alternates) == {"fr", "en"}
    for href in alternates.values():
        path = urllib.parse.urlsplit(href).path
        assert page.goto(demo_server["aude"] + path).status == 200


def test_robots_txt_is_valid_and_names_the_site_s_sitemap(demo_server):
    for base_url in demo_server.values():
        lines = [line for line in fetch(base_url + "/robots.txt").splitlines() if line.strip()]
        for line in lines:
            directive, _, value = line.partition(":")
            assert directive.strip().lower() in ROBOTS_DIRECTIVES, line
        host = urllib.parse.urlsplit(base_url).netloc
        assert f"Sitemap: http://{host}/sitemap.xml" in lines
        assert "User-agent: *" in lines
