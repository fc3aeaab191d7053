"""The README and docs/ tell the truth: the commands they show exist, the files they link
to or name are there, the screenshots are the ones they show, and the README stays short."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands
from PIL import Image

from tests.browser.guide_screenshots import IMAGES, WIDTH

ROOT = Path(settings.BASE_DIR)
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
README_LIMIT = 6000  # bytes: what the kit is, two commands, where to go next
IMAGES_LIMIT = 1_500_000  # bytes for every screenshot together

FENCED_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
SHELL_LANGUAGES = {"sh", "bash", "shell", "console"}
INLINE_CODE = re.compile(r"`([^`\n]+)`")
MANAGE_COMMAND = re.compile(r"manage\.py\s+([a-z][a-z0-9_]*)")
# `make run`, `DATABASE_URL=… make test`, `make PYTHON=… run`, `make backup BACKUP_DIR=…`
MAKE_TARGET = re.compile(r"\bmake\s+(?:[A-Z_]+=\S+\s+)*([a-z][\w-]*)")
MAKEFILE_RULE = re.compile(r"^([A-Za-z][\w-]*)\s*:(?!=)", re.MULTILINE)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
# A path of the repository named in inline code, e.g. `home/content_version.py`.
TOP_LEVEL = "|".join(
    sorted(p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith("."))
)
REPOSITORY_PATH = re.compile(rf"^(?:{TOP_LEVEL})/[\w./-]*$")


def read(doc):
    return doc.read_text(encoding="utf-8")


def shell_blocks(text):
    return [body for language, body in FENCED_BLOCK.findall(text) if language in SHELL_LANGUAGES]


def prose(text):
    """The text outside fenced blocks (whose `# comments` are not headings)."""
    return FENCED_BLOCK.sub("", text)


def code_shown(text):
    """What a reader may copy: shell blocks and inline code."""
    return [*shell_blocks(text), *INLINE_CODE.findall(prose(text))]


def heading_anchors(text):
    """GitHub's anchors: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#+\s+(.+?)\s*$", prose(text), re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


def makefile_targets():
    return set(MAKEFILE_RULE.findall((ROOT / "Makefile").read_text()))


def unknown_manage_commands(text):
    commands = get_commands()
    found = {name for code in code_shown(text) for name in MANAGE_COMMAND.findall(code)}
    return sorted(found - commands.keys())


def unknown_make_targets(text):
    found = {name for code in code_shown(text) for name in MAKE_TARGET.findall(code)}
    return sorted(found - makefile_targets())


def broken_links(doc):
    """Relative links and images of `doc` whose file, or heading, is missing."""
    broken = []
    for target in LINK.findall(prose(read(doc))):
        if re.match(r"[a-z]+:", target):  # http:, https:, mailto:
            continue
        path, _, anchor = target.partition("#")
        linked = (doc.parent / path).resolve() if path else doc
        if not linked.exists():
            broken.append(target)
        elif anchor and anchor not in heading_anchors(read(linked)):
            broken.append(target)
    return broken


def missing_paths(text):
    named = {code for code in INLINE_CODE.findall(prose(text)) if REPOSITORY_PATH.match(code)}
    return sorted(path for path in named if not (ROOT / path).exists())


def linked_images():
    return {
        (doc.parent / target).resolve()
        for doc in DOCS
        for target in LINK.findall(prose(read(doc)))
        if target.endswith(".png")
    }


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_every_manage_command_shown_exists(doc):
    assert unknown_manage_commands(read(doc)) == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_every_make_target_shown_exists(doc):
    assert unknown_make_targets(read(doc)) == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_every_relative_link_and_image_leads_somewhere(doc):
    assert broken_links(doc) == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_every_file_of_the_repository_named_exists(doc):
    assert missing_paths(read(doc)) == []


def test_the_readme_stays_short_and_links_every_page_of_the_docs():
    readme = read(ROOT / "README.md")
    assert len(readme.encode()) < README_LIMIT
    linked = {target.partition("#")[0] for target in LINK.findall(readme)}
    assert {f"docs/{doc.name}" for doc in DOCS[1:]} <= linked


def test_every_screenshot_is_shown_small_and_1024_pixels_wide():
    screenshots = set(IMAGES.glob("*.png"))
    assert screenshots  # made by `make guide-screenshots`
    assert {path.resolve() for path in screenshots} == linked_images()
    assert sum(path.stat().st_size for path in screenshots) < IMAGES_LIMIT
    for path in screenshots:
        with Image.open(path) as image:
            assert image.width == WIDTH, path.name


def test_the_checks_report_what_is_wrong(tmp_path):
    """A broken link, heading, path, command and target are each caught, with their name."""
    (tmp_path / "other.md").write_text("# Une section\n", encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text(
        "[ok](other.md#une-section) [missing](missing.md) [bad anchor](other.md#autre)\n"
        "![image](images/absent.png) [site](https://example.org/)\n"
        "`home/nowhere.py` `home/routing.py`\n\n"
        "```sh\n.venv/bin/python manage.py migrate\n.venv/bin/python manage.py no_such_command\n"
        "make run\nDATABASE_URL=x make no-such-target\n```\n",
        encoding="utf-8",
    )
    text = read(doc)
    assert broken_links(doc) == ["missing.md", "other.md#autre", "images/absent.png"]
    assert missing_paths(text) == ["home/nowhere.py"]
    assert unknown_manage_commands(text) == ["no_such_command"]
    assert unknown_make_targets(text) == ["no-such-target"]
