"""The content blocks editors pick from: previews in the admin, accessible markup, videos
that load nothing from their host before the visitor asks."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import TypedTableBlockValidationError

from cls.models import AxisPage
from config.middleware import public_content_security_policy
from home.blocks import BodyStreamBlock
from home.blocks.table import TableBlock
from home.blocks.video import VideoBlock
from home.demo.blocks_example import TITLE
from home.models import ContentPage
from home.videos import video_from_url
from tests.factories import make_image
from tests.test_queries import BUDGET, query_counts

pytestmark = pytest.mark.django_db

BODY = BodyStreamBlock()
# Each new block and what its preview shows.
NEW_BLOCKS = {
    "accordion": "<summary>Comment proposer une action ?</summary>",
    "callout": '<div class="callout callout--warning" role="note">',
    "cards": '<a href="https://example.org/ars">Agence régionale de santé</a>',
    "image_text": '<div class="image-text image-text--left">',
    "table": "<caption>Participants aux ateliers par commune</caption>",
    "video": "Voir la vidéo « Présentation du contrat local de santé (exemple) » sur YouTube",
    "button": '<a class="button" href="https://example.org/">',
    "key_figures": '<span class="key-figure__value">137</span>',
    "quote": "<blockquote><p>Agir ensemble pour la santé de tous les habitants.</p></blockquote>",
}
PROVIDER_HOSTS = ("youtube", "vimeo", "dailymotion")


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("blocs", "b@example.org", "x"))
    return client


@pytest.fixture
def example_page():
    return ContentPage.objects.get(title=TITLE, locale__language_code="fr")


def help_text(block):
    """A block's help: field blocks keep it on their form field."""
    return getattr(block.meta, "help_text", None) or block.field.help_text


def block_preview(admin_client, name):
    block = BODY.child_blocks[name]
    return admin_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})


@pytest.mark.parametrize("name, shown", NEW_BLOCKS.items())
def test_each_new_block_has_french_help_and_a_preview_with_the_site_css(admin_client, name, shown):
    make_image("Illustration")  # the image and text block previews the latest image
    block = BODY.child_blocks[name]
    assert block.meta.description and block.meta.preview_value
    assert block.is_previewable
    response = block_preview(admin_client, name)
    assert response.status_code == 200
    html = response.content.decode()
    assert "css/site.css" in html
    assert 'class="container site-main block-preview"' in html
    assert shown in html
    assert all(help_text(child) for child in block.child_blocks.values())


def test_the_table_has_a_caption_and_headers_scoped_to_columns_and_rows(admin_client):
    html = block_preview(admin_client, "table").content.decode()
    assert "<caption>Participants aux ateliers par commune</caption>" in html
    assert html.count('<th scope="col">') == 3
    assert '<th scope="row">Quillan</th>' in html
    assert 'role="region" aria-label="Participants aux ateliers par commune" tabindex="0"' in html


def table_value(caption="Ateliers", headings=("Commune", "Ateliers")):
    return TableBlock().to_python(
        {
            "first_column_is_header": False,
            "table": {
                "caption": caption,
                "columns": [{"type": "text", "heading": heading} for heading in headings],
                "rows": [{"values": ["Ruffec", "5"]}],
            },
        }
    )


@pytest.mark.parametrize(
    "value, message",
    [
        (table_value(caption=" "), "Donnez un titre (légende) au tableau."),
        (table_value(headings=("Commune", "")), "Donnez un en-tête à chaque colonne."),
    ],
)
def test_a_table_without_caption_or_column_heading_is_refused_in_french(value, message):
    with pytest.raises(StructBlockValidationError) as refused:
        TableBlock().clean(value)
    table_error = refused.value.block_errors["table"]
    assert isinstance(table_error, TypedTableBlockValidationError)
    assert message in list(table_error.non_block_errors)


@pytest.mark.parametrize(
    "url, player",
    [
        (
            "https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=10",
            "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1",
        ),
        ("https://youtu.be/aqz-KE-bpKQ", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://www.dailymotion.com/video/x8abcd1", "https://www.dailymotion.com/embed/video/x8"),
    ],
)
def test_videos_of_known_providers_play_from_their_privacy_friendly_player(url, player):
    assert video_from_url(url).player_url.startswith(player)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/video.mp4",
        "http://www.youtube.com/watch?v=aqz-KE-bpKQ",  # not https
        "https://vimeo.com/channels/staffpicks",
        "https://tube.example.org/w/9c9de5e8",  # a PeerTube instance the site does not trust
    ],
)
def test_a_video_from_an_unknown_host_is_refused_in_french(url):
    value = VideoBlock().to_python({"url": url, "title": "Vidéo", "transcript": "<p>Texte</p>"})
    with pytest.raises(StructBlockValidationError) as refused:
        VideoBlock().clean(value)
    assert "n'est pas celle d'une vidéo YouTube" in refused.value.block_errors["url"].message


def test_a_trusted_peertube_instance_is_played_and_framed(settings):
    settings.PEERTUBE_HOSTS = ["tube.example.org"]
    video = video_from_url("https://tube.example.org/w/9c9de5e8")
    assert video.player_url == "https://tube.example.org/videos/embed/9c9de5e8?autoplay=1"
    policy = public_content_security_policy()
    assert "frame-src 'self' https://www.youtube-nocookie.com" in policy
    assert "https://tube.example.org" in policy
    assert "youtube.com " not in policy  # the tracking domain is never framed


def test_a_video_requests_nothing_from_its_host_until_clicked_and_links_it_without_js(
    ruffecois_client, example_page
):
    html = ruffecois_client.get(example_page.url).content.decode()
    video = html[
        html.index('<figure class="video">') : html.index("</figure>", html.index("video"))
    ]
    assert "<iframe" not in html
    # Addresses the browser would load (src, srcset, poster) never name a provider.
    loaded = re.findall(r'(?:src|srcset|poster)="([^"]+)"', html)
    assert not [url for url in loaded if any(host in url for host in PROVIDER_HOSTS)]
    assert '<a href="https://www.youtube.com/watch?v=aqz-KE-bpKQ" rel="noopener">' in video
    assert '<button type="button" class="video__play" hidden>' in video  # shown by the script
    assert '<script type="module" src="/static/js/video.js"></script>' in html
    assert "<summary>Transcription de la vidéo</summary>" in video
    assert "Blender Foundation" in video


def test_the_example_page_shows_every_block_and_says_it_is_an_example(
    ruffecois_client, example_page
):
    assert {block.block_type for block in example_page.body} == set(BODY.child_blocks) - {
        "figure",
        "document",
        "contact",
        "link",
    }
    html = ruffecois_client.get(example_page.url).content.decode()
    assert '<span class="tag tag--example">Exemple</span>' in html
    assert html.count('<details class="accordion__item">') == 2
    assert "<summary>Qui peut participer aux actions du contrat\u202f?</summary>" in html
    assert '<div class="callout callout--warning" role="note">' in html
    assert 'alt="Un cabinet médical et un bus santé garé à côté"' in html
    assert '<a class="button" href="/cls/">Découvrir le contrat</a>' in html
    assert 'class="quote__photo"' in html


@pytest.mark.usefixtures("page_cache_off")
def test_the_example_page_renders_within_the_query_budget(ruffecois_client, example_page):
    counts = query_counts(ruffecois_client, {"blocks": example_page})
    assert counts["blocks"] <= BUDGET, counts


def test_an_axis_body_takes_the_same_blocks(aude_client):
    axis = AxisPage.objects.filter(locale__language_code="fr").first()
    axis.body = [("callout", {"kind": "info", "title": "", "text": "<p>Réunion annuelle.</p>"})]
    axis.save_revision().publish()
    html = aude_client.get(axis.url).content.decode()
    assert '<div class="callout callout--info" role="note">' in html
    assert "<p>Réunion annuelle.</p>" in html


@pytest.mark.parametrize("url", ["", "https://example.org/"])
def test_a_button_needs_either_a_page_or_an_address(url, example_page):
    block = BODY.child_blocks["button"]
    page = example_page if url else None
    value = block.to_python({"label": "Lire", "page": page and page.pk, "url": url})
    value["page"] = page if url else None
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)
    assert "pas les deux" in refused.value.block_errors["url"].message
