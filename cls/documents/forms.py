"""The admin form of documents (WAGTAILDOCS_DOCUMENT_FORM_BASE), single and bulk upload.

A new file is checked by its content here (the model checks its extension on every save).
"""

from wagtail.documents.forms import BaseDocumentForm

from .filename_dates import date_from_filename
from .validators import validate_document_content


class SiteDocumentForm(BaseDocumentForm):
    # The bulk uploader posts only a title and a file; these fields then keep their model
    # default and the editor completes them in the form shown after each upload.
    fields_with_defaults = ("document_type", "language")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields_with_defaults:
            if name in self.fields:
                self.fields[name].required = False

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file and "file" in self.changed_data:
            validate_document_content(file)
        return file

    def clean(self):
        cleaned_data = super().clean()
        file = cleaned_data.get("file")
        is_new_file = file and "file" in self.changed_data
        if is_new_file and "date" in self.fields and not cleaned_data.get("date"):
            # Propose the date written in the new file's name ("CR_2014-10-02.pdf") or in
            # its title; the editor sees it in the form and can correct it.
            cleaned_data["date"] = date_from_filename(file.name) or date_from_filename(
                cleaned_data.get("title", "")
            )
        return cleaned_data
