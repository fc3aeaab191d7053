"""Pages are sent without the templates' indentation and blank lines."""

import pytest

from home.html_whitespace import collapse_whitespace

pytestmark = pytest.mark.django_db


def test_pages_carry_no_indentation_or_blank_lines(aude_client):
    html = aude_client.get("/").content.decode()
    outside_scripts = html.split("<script")[0]
    assert "\n " not in outside_scripts
    assert "\n\n" not in outside_scripts
    assert "<main" in html and "</html>" in html


def test_words_keep_their_space_and_preformatted_text_its_layout():
    html = "<p>Axe\n      <a href='/'>santé</a>\n\n</p>\n  <pre>a\n   b</pre>"
    assert collapse_whitespace(html) == "<p>Axe\n<a href='/'>santé</a>\n</p>\n<pre>a\n   b</pre>"
