from .cards import ContactCard
from .page import ContactPage, FormField
from .submission import ContactSubmission, DeliveryState

__all__ = ["ContactCard", "ContactPage", "ContactSubmission", "DeliveryState", "FormField"]
