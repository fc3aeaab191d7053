"""CSV and JSON exports of the action tracker. Field names are a public contract:
documented in docs/open-data.md, never renamed."""

import csv
import io
import json

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from home.absolute_urls import full_url

CSV_FIELDS = [
    "code",
    "title",
    "url",
    "axis_number",
    "axis_title",
    "status",
    "status_label",
    "pilot",
    "target_publics",
    "whole_territory",
    "communes",
    "start_date",
    "end_date",
    "indicators_total",
    "indicators_reached",
    "last_published_at",
    "is_example",
]
LIST_SEPARATOR = "|"  # inside one CSV cell: target publics, INSEE codes
# A cell starting with one of these is run as a formula by spreadsheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def isoformat(value):
    return value.isoformat() if value else None


def action_record(row, request):
    """One action as plain data, lists kept as lists (JSON); see `csv_cell` for CSV."""
    action, axis = row.page, row.axis
    return {
        "code": action.code,
        "title": action.title,
        "url": full_url(request, action),
        "axis_number": axis.number,
        "axis_title": axis.title,
        "status": action.status,
        "status_label": str(action.get_status_display()),
        "pilot": action.pilot.name if action.pilot else "",
        "target_publics": [public.code for public in action.target_publics.all()],
        "whole_territory": action.whole_territory,
        "communes": [commune.insee_code for commune in action.communes.all()],
        "start_date": isoformat(action.start_date),
        "end_date": isoformat(action.end_date),
        "indicators_total": len(row.indicators),
        "indicators_reached": row.indicators_reached,
        "last_published_at": isoformat(action.last_published_at),
        "is_example": action.is_example,
        "indicators": [
            {
                "label": progress.indicator.label,
                "kind": progress.indicator.kind,
                "target": progress.indicator.target,
                "value": progress.indicator.value,
                "measured_on": isoformat(progress.indicator.measured_on),
                "reached": progress.reached,
            }
            for progress in row.indicators
        ],
    }


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def filename(contract, extension):
    # Slugs may hold accents: content_disposition_header then writes an RFC 5987 filename*.
    return f"suivi-actions-{contract.slug}.{extension}"


def csv_response(contract, rows, request):
    """UTF-8 with a byte order mark, so that Excel reads the accents right."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for row in rows:
        record = action_record(row, request)
        writer.writerow([csv_cell(record[name]) for name in CSV_FIELDS])
    response = HttpResponse("\ufeff" + output.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename(contract, "csv"))
    return response


def json_response(contract, rows, filters, request):
    data = {
        "contract": {"title": contract.title, "url": full_url(request, contract)},
        "filters": filters,
        "count": len(rows),
        "actions": [action_record(row, request) for row in rows],
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(False, filename(contract, "json"))
    response["Access-Control-Allow-Origin"] = "*"  # open data: reusable from any web page
    return response
