"""The page tree guides editors: each page type can only be created where it makes sense."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cls.models import ActionPage, AxisPage, ContractPage, DocumentCollectionPage
from contacts.models import ContactPage
from home.models import ContentPage, HomePage


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_of_the_tree(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(ContractPage, HomePage)

    def test_contract_lives_under_a_home_page_only(self):
        self.assertAllowedParentPageTypes(ContractPage, {HomePage})
        self.assertCanCreateAt(HomePage, ContractPage)
        self.assertCanNotCreateAt(ContentPage, ContractPage)
        self.assertCanNotCreateAt(Page, ContractPage)

    def test_contract_children_are_axes_document_lists_and_content(self):
        self.assertAllowedSubpageTypes(
            ContractPage, {AxisPage, DocumentCollectionPage, ContentPage}
        )

    def test_axis_lives_under_a_contract_only(self):
        self.assertAllowedParentPageTypes(AxisPage, {ContractPage})
        self.assertCanNotCreateAt(HomePage, AxisPage)
        self.assertCanNotCreateAt(AxisPage, AxisPage)

    def test_action_lives_under_an_axis_only(self):
        self.assertAllowedParentPageTypes(ActionPage, {AxisPage})
        self.assertCanCreateAt(AxisPage, ActionPage)
        self.assertCanNotCreateAt(ContractPage, ActionPage)
        self.assertCanNotCreateAt(HomePage, ActionPage)
        self.assertAllowedSubpageTypes(ActionPage, set())

    def test_document_list_lives_under_a_contract_and_has_no_children(self):
        self.assertAllowedParentPageTypes(DocumentCollectionPage, {ContractPage})
        self.assertAllowedSubpageTypes(DocumentCollectionPage, set())

    def test_contact_page_lives_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})
        self.assertCanNotCreateAt(ContractPage, ContactPage)

    def test_content_pages_nest_under_home_contract_and_content(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage, ContractPage})
        self.assertCanNotCreateAt(AxisPage, ContentPage)
