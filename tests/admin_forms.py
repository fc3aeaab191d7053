"""The admin's forms as a browser posts them, for tests that go through the admin's views."""

from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html


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
