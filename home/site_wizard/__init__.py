"""« Nouveau site CLS »: an administrator creates a whole new CLS site from the admin.

forms.py asks what only they know (names, host, territory, contact address, logo);
creation.py builds the site in one transaction from the same functions the demo and the
commands use; views.py is the admin view, for administrators only.
"""
