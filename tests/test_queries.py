"""Query budgets per page type: fixed, whatever the number of children listed.

The budgets are today's measured counts (warm, second request, page cache off); the
speed issue's target is 12. Routing costs two queries whatever the depth (HomePage.route).
"""

import pytest

from cls.models import ActionPage, AxisPage, ContractPage, DocumentCollectionPage
from contacts.models import ContactPage
from home.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


BUDGETS = [
    (HomePage, 17),
    (ContractPage, 31),
    (AxisPage, 23),
    (ActionPage, 29),
    (DocumentCollectionPage, 21),
    (ContactPage, 19),
    (ContentPage, 17),
]


def queries_for(client, url, django_assert_max_num_queries, budget):
    client.get(url)  # warm: image renditions, site settings
    with django_assert_max_num_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(("page_class", "budget"), BUDGETS, ids=lambda value: str(value))
def test_each_page_type_stays_within_its_query_budget(
    client, aude_site, ruffecois_site, django_assert_max_num_queries, page_class, budget
):
    page = page_class.objects.live().filter(locale__language_code="fr").first()
    site = page.get_site()
    client.defaults["HTTP_HOST"] = site.hostname
    queries_for(client, page.url, django_assert_max_num_queries, budget)


def test_axis_page_queries_do_not_grow_with_its_actions(aude_client, django_assert_max_num_queries):
    axis = AxisPage.objects.get(title="Santé environnement")
    baseline = queries_for(aude_client, axis.url, django_assert_max_num_queries, 23)
    for number in range(1, 21):
        axis.add_child(instance=ActionPage(title=f"Action {number}", code=f"4.{number}"))
    with_actions = queries_for(aude_client, axis.url, django_assert_max_num_queries, 23)
    assert with_actions == baseline
    assert "Action 20" in aude_client.get(axis.url).content.decode()
