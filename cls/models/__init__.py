from .action import (
    ActionDocument,
    ActionEvent,
    ActionFunder,
    ActionIndicator,
    ActionPage,
    ActionPartner,
    ActionStatus,
)
from .agenda import AgendaPage
from .axis import AxisColour, AxisDocument, AxisPage
from .contract import Amendment, ContractPage, ContractPartner, ContractStatus
from .documents import DocumentCollectionPage, DocumentType, GoverningBody, SiteDocument
from .finder import CommuneFinderPage
from .generations import in_generation_order
from .snippets import Commune, Organisation, TargetPublic

__all__ = [
    "ActionDocument",
    "ActionEvent",
    "ActionFunder",
    "ActionIndicator",
    "ActionPage",
    "ActionPartner",
    "ActionStatus",
    "AgendaPage",
    "Amendment",
    "AxisColour",
    "AxisDocument",
    "AxisPage",
    "Commune",
    "CommuneFinderPage",
    "ContractPage",
    "ContractPartner",
    "ContractStatus",
    "SiteDocument",
    "DocumentCollectionPage",
    "DocumentType",
    "GoverningBody",
    "in_generation_order",
    "Organisation",
    "TargetPublic",
]
