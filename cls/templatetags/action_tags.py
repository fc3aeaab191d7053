from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from home.templatetags.example_tags import example_badge

register = template.Library()


@register.simple_tag
def action_card(card, show_territory=False):
    """The card of an action sheet in a list, from an ActionCard (cls/models/action.py);
    with `show_territory`, a tag says when the action covers the whole territory.

    A tag rather than template markup: an axis page's 40 cards took about 2 ms to render
    as a loop of template nodes, close to a quarter of the page.
    """
    code = format_html('<span class="action-code">{}</span> ', card.code) if card.code else ""
    summary = format_html("<p>{}</p>", card.summary) if card.summary else ""
    pilot = (
        format_html('<p class="card__pilot">{} {}</p>', _("Pilote :"), card.pilot_name)
        if card.pilot_name
        else ""
    )
    territory = (
        format_html(' <span class="tag">{}</span>', _("tout le territoire"))
        if show_territory and card.whole_territory
        else ""
    )
    example = format_html(" {}", example_badge()) if card.is_example else ""
    return format_html(
        '<article class="card action-card">'
        '<h3 class="card__title"><a href="{}">{}{}</a></h3>'
        '<p class="card__meta"><span class="status status--{}">{}</span>{}{}</p>'
        "{}{}"
        "</article>",
        card.url,
        code,
        card.title,
        card.status,
        card.status_label,
        territory,
        example,
        summary,
        pilot,
    )
