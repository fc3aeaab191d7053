"""Admin views: template, export, and import as upload → preview → confirm.

Between the upload and the confirmation the file's rows wait in the editor's session
(compressed, for this contract only); the confirmation checks them again against the
contract as it then stands, and writes only if the editor saw exactly that plan.
"""

import base64
import json
import secrets
import zlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cls.models import ContractPage

from .apply import DRAFT, PUBLISH, SUBMIT, apply_plan
from .current import ContractData, current_actions
from .example import example_workbook
from .forms import ConfirmForm, UploadForm
from .reader import SpreadsheetRefused, Table, read_table
from .validation import CREATE, UNCHANGED, UPDATE, build_plan
from .writer import workbook_bytes

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SESSION_KEY = "actions-import:%s"
MAX_SESSION_BYTES = 2 * 1024 * 1024


def contract_for(request, page_id):
    """The contract, if the user may add or edit its pages (their own site's)."""
    contract = get_object_or_404(ContractPage, pk=page_id)
    permissions = contract.permissions_for_user(request.user)
    if not (permissions.can_edit() or permissions.can_add_subpage()):
        raise PermissionDenied
    return contract


def spreadsheet_response(content, filename):
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def template_view(request):
    return spreadsheet_response(workbook_bytes(), "modele-fiches-action.xlsx")


def export_view(request, page_id):
    contract = contract_for(request, page_id)
    data = ContractData(contract)
    content = workbook_bytes(data, current_actions(data))
    return spreadsheet_response(content, f"fiches-action-{contract.slug}.xlsx")


def example_view(request, page_id):
    contract = contract_for(request, page_id)
    return spreadsheet_response(
        example_workbook(contract), f"exemple-fiches-action-{contract.slug}.xlsx"
    )


@require_http_methods(["GET", "POST"])
def upload_view(request, page_id):
    contract = contract_for(request, page_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        try:
            table = read_table(form.cleaned_data["file"])
            keep_upload(request, contract, table, form.cleaned_data)
        except SpreadsheetRefused as refusal:
            form.add_error("file", str(refusal))
        else:
            return redirect("cls_actions_import:preview", page_id=contract.pk)
    return TemplateResponse(
        request, "cls/actions_import/upload.html", {"contract": contract, "form": form}
    )


def keep_upload(request, contract, table, options):
    packed = base64.b64encode(zlib.compress(json.dumps(table.to_json()).encode())).decode()
    if len(packed) > MAX_SESSION_BYTES:
        raise SpreadsheetRefused(
            _(
                "Ce tableur contient trop de texte pour un seul import : partagez-le en "
                "plusieurs fichiers."
            )
        )
    request.session[SESSION_KEY % contract.pk] = {
        "token": secrets.token_urlsafe(16),
        "table": packed,
        "filename": options["file"].name[:200],
        "create_axes": options["create_axes"],
        "create_organisations": options["create_organisations"],
    }


def kept_upload(request, contract):
    upload = request.session.get(SESSION_KEY % contract.pk)
    if not upload:
        return None, None
    table = Table.from_json(json.loads(zlib.decompress(base64.b64decode(upload["table"]))))
    return upload, table


def modes_for(user, contract):
    modes = [DRAFT]
    if contract.get_workflow():
        modes.append(SUBMIT)
    if contract.permissions_for_user(user).can_publish_subpage():
        modes.append(PUBLISH)
    return modes


@require_http_methods(["GET", "POST"])
def preview_view(request, page_id):
    contract = contract_for(request, page_id)
    upload, table = kept_upload(request, contract)
    if upload is None:
        messages.warning(request, _("Aucun fichier en attente : téléversez le tableur."))
        return redirect("cls_actions_import:upload", page_id=contract.pk)
    plan = build_plan(
        table,
        contract,
        request.user,
        create_axes=upload["create_axes"],
        create_organisations=upload["create_organisations"],
    )
    modes = modes_for(request.user, contract)
    initial = {"token": upload["token"], "fingerprint": plan.fingerprint()}
    form = ConfirmForm(request.POST or None, initial=initial, modes=modes)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["token"] != upload["token"]:
            messages.error(
                request, _("Cet aperçu a été remplacé par un autre fichier : vérifiez-le.")
            )
        elif form.cleaned_data["fingerprint"] != plan.fingerprint() or plan.errors:
            messages.error(
                request,
                _(
                    "Le contrat a changé depuis l'aperçu : vérifiez ce nouvel aperçu avant de "
                    "confirmer."
                ),
            )
        else:
            outcome = apply_plan(plan, request.user, form.cleaned_data["mode"])
            del request.session[SESSION_KEY % contract.pk]
            messages.success(
                request,
                _("Import terminé : %(created)s fiche(s) créée(s), %(updated)s modifiée(s).")
                % {"created": outcome.created, "updated": outcome.updated},
            )
            return redirect("wagtailadmin_explore", contract.pk)
        form = ConfirmForm(initial=initial, modes=modes)
    return TemplateResponse(
        request,
        "cls/actions_import/preview.html",
        {
            "contract": contract,
            "plan": plan,
            "form": form,
            "filename": upload["filename"],
            "counts": {
                "create": plan.count(CREATE),
                "update": plan.count(UPDATE),
                "unchanged": plan.count(UNCHANGED),
            },
        },
    )


urlpatterns = [
    path("modele/", template_view, name="template"),
    path("<int:page_id>/", upload_view, name="upload"),
    path("<int:page_id>/apercu/", preview_view, name="preview"),
    path("<int:page_id>/export/", export_view, name="export"),
    path("<int:page_id>/exemple/", example_view, name="example"),
]
