"""The admin's forms as a browser posts them, for tests that go through the admin's views."""

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html, rich_text


def admin_form(client, url, form_id="w-editor-form", **fields):
    """The form's page, and its data with `fields` typed in."""
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id=form_id)
    for name, value in fields.items():
        data[name] = value  # replaces the value, where QueryDict.update() would add one
    return response, data


def page_form(client, url, model, **fields):
    """The page editor's form; StreamFields are posted empty, as their widget is written
    by a script and holds nothing in the HTML."""
    streams = {
        f"{field.name}-count": "0"
        for field in model._meta.get_fields()
        if isinstance(field, StreamField)
    }
    return admin_form(client, url, "page-edit-form", **streams, **fields)


def stream_post_data(page, *names):
    """What the StreamField widgets' script posts for the page's current `names` streams."""
    data = {}
    for name in names:
        field = page._meta.get_field(name)
        data.update(block_post_data(field.stream_block, getattr(page, name), name))
    return data


def block_post_data(block, value, prefix):
    """The form fields of a block's value, named as Wagtail's block widgets name them."""
    if isinstance(block, blocks.StreamBlock):
        return sequence_post_data(
            prefix, [(child.block, child.value, child.id, child.block_type) for child in value]
        )
    if isinstance(block, blocks.ListBlock):
        return sequence_post_data(
            prefix,
            [(block.child_block, child.value, child.id, None) for child in value.bound_blocks],
        )
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child_block in block.child_blocks.items():
            data.update(block_post_data(child_block, value[name], f"{prefix}-{name}"))
        return data
    if isinstance(block, blocks.RichTextBlock):
        return {prefix: rich_text(value.source)}
    if isinstance(block, blocks.ChooserBlock):
        return {prefix: str(value.pk) if value else ""}
    return {prefix: "" if value is None else str(value)}


def sequence_post_data(prefix, children):
    data = {f"{prefix}-count": str(len(children))}
    for index, (child_block, child_value, child_id, block_type) in enumerate(children):
        item = f"{prefix}-{index}"
        data.update({f"{item}-order": str(index), f"{item}-deleted": "", f"{item}-id": child_id})
        if block_type:
            data[f"{item}-type"] = block_type
        data.update(block_post_data(child_block, child_value, f"{item}-value"))
    return data
