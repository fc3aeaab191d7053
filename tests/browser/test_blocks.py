"""The content blocks in a real browser: the demo's example page (checked with every other
page by axe, the Nu checker, the 320 px and no-JavaScript tests) and the video that asks
nothing of its host before the visitor clicks."""

from .pages import all_demo_urls
from .test_accessibility import axe_violations

EXAMPLE_PATH = "/exemple-blocs/"
BLOCK_MARKUP = {
    "accordion": "details.accordion__item",
    "callout": ".callout--info, .callout--warning",
    "cards": ".link-cards .link-card",
    "image and text": ".image-text",
    "table": "table.data-table caption",
    "video": ".video [data-video-player]",
    "button": "a.button",
    "key figures": ".key-figures .key-figure",
    "quote with photo": ".quote--photo .quote__photo",
}
PROVIDER_HOSTS = ("youtube", "ytimg", "googlevideo", "google", "vimeo", "dailymotion")


def example_url(demo_server):
    return demo_server["ruffecois"] + EXAMPLE_PATH


def from_a_provider(url):
    return any(host in url.split("/")[2] for host in PROVIDER_HOSTS)


def test_the_page_holding_every_block_is_among_the_checked_pages(demo_server, page):
    assert example_url(demo_server) in all_demo_urls(demo_server)
    page.goto(example_url(demo_server))
    missing = [
        name for name, selector in BLOCK_MARKUP.items() if not page.locator(selector).count()
    ]
    assert not missing


def test_opened_accordions_and_transcript_pass_axe(demo_server, page):
    page.goto(example_url(demo_server))
    for summary in page.locator("main details summary").all():  # not the header's menu
        summary.click()
    assert page.locator("main details[open]").count() == page.locator("main details").count()
    assert axe_violations(page) == []


def test_the_video_loads_nothing_from_its_host_until_the_visitor_clicks(demo_server, page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    # The player's host is not reachable from here: the browser gets an empty player.
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(content_type="text/html", body="<!DOCTYPE html><title>x"),
    )
    page.goto(example_url(demo_server))
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if from_a_provider(url)]
    assert page.locator("iframe").count() == 0

    play = page.get_by_role("button", name="Lire la vidéo « Big Buck Bunny (vidéo d’exemple) » ici")
    play.click()
    frame = page.locator("iframe.video__frame")
    frame.wait_for()
    assert frame.get_attribute("title") == "Big Buck Bunny (vidéo d'exemple)"
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"
    assert [url for url in requested if from_a_provider(url)] == [
        "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"
    ]


def test_without_javascript_the_video_is_a_link_and_its_transcript_is_there(demo_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example_url(demo_server))
    assert not page.locator(".video__play").is_visible()
    link = page.get_by_role(
        "link", name="Voir la vidéo « Big Buck Bunny (vidéo d’exemple) » sur YouTube"
    )
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    page.get_by_text("Transcription de la vidéo").click()
    assert page.get_by_text("Blender Foundation").is_visible()
    context.close()
