"""Pages are sent without the templates' indentation and blank lines."""

import random
import re

import pytest

from home.html_whitespace import collapse_line_breaks, collapse_whitespace

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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", ""),
        ("no break", "no break"),
        ("  \nlead", "\nlead"),
        ("tail \t\n  \n\xa0 ", "tail\n"),
        ("a\xa0 \n\u2028\n b", "a\xa0\nb"),
    ],
)
def test_a_run_of_whitespace_holding_a_line_break_becomes_one_line_break(text, expected):
    assert collapse_line_breaks(text) == expected


def test_line_breaks_collapse_as_the_regular_expression_they_replace_would():
    reference = re.compile(r"[ \t\r\f\v]*\n\s*")
    alphabet = ["a", "<", " ", "\t", "\n", "\r", "\f", "\v", "\xa0", "\x85", "\u2028"]
    generator = random.Random(8)  # noqa: S311 (test data, not a secret)
    for _ in range(20_000):
        text = "".join(generator.choices(alphabet, k=generator.randint(0, 12)))
        assert collapse_line_breaks(text) == reference.sub("\n", text), repr(text)
