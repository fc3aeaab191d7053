"""Input formats of the English admin: the same day-first dates as in French.

Editors of French territories type 04/07/2023 for the 4th of July whatever their admin
language; Django's English formats would read it as April 7th. Display formats are
Django's own. ISO dates (2023-07-04) are accepted as in every language.
"""

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M:%S.%f", "%d/%m/%Y %H:%M"]
