"""A contract's « fiches action » to and from a spreadsheet (XLSX, ODS or CSV).

The way through, one module each:
- columns: the template's sheets and columns, in French, with their help;
- reader: an uploaded file → rows of text, refusing what is not a plain spreadsheet;
- current: the contract's actions as they stand (latest revisions), in the template's terms;
- validation: rows of text + the current actions → a plan (create, update, unchanged)
  and the errors, each with its row and column; nothing is written;
- apply: a plan without errors → pages saved through Wagtail revisions, all or nothing;
- writer: the template, empty or filled with the current actions (export);
- views: upload → preview (kept in the session) → confirm, in the admin.
"""
