"""The agenda of a site: the dated events of its actions ("rendez-vous").

It lives in cls because its content, ActionEvent, belongs to the action sheets; the
page itself only gathers the events of the actions of its site.
"""

from urllib.parse import urlsplit

from django.core.paginator import Paginator
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.absolute_urls import full_url
from home.feeds import PageFeed, feed_title
from home.models.example import marked_title
from home.sections import site_section
from home.visibility import exclude_private

from ..events import json_ld, location_text, to_ical
from .action import ActionEvent, ActionPage

EVENTS_PER_PAGE = 20


class AgendaPage(RoutablePageMixin, Page):
    """Upcoming events first, past ones in the archives; iCalendar, RSS and Atom exports."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Une ou deux phrases au-dessus de la liste. Les rendez-vous se saisissent dans "
            "les fiches action (section « Rendez-vous »)."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    # Events

    def events(self, request):
        """The events of the live, public actions of this agenda's site and language."""
        site_root_path = self.path[: -self.steplen]
        actions = exclude_private(
            ActionPage.objects.live().filter(path__startswith=site_root_path), request
        )
        return (
            ActionEvent.objects.filter(page__in=actions.values("pk"))
            .select_related("page", "commune")
            .annotate(finish=Coalesce("end", "start"))
        )

    def upcoming_events(self, request):
        """Events not yet over, soonest first (an event under way is still upcoming)."""
        return self.events(request).filter(finish__gte=timezone.now()).order_by("start", "pk")

    def past_events(self, request):
        return self.events(request).filter(finish__lt=timezone.now()).order_by("-start", "-pk")

    def with_urls(self, events, request):
        """Give each event its page's URL, `detail_url` for links and `full_url` for exports,
        without a query per event."""
        base_url, base_full_url = self.get_url(request), full_url(request, self)
        for event in events:
            subpage = self.reverse_subpage("event", args=[event.pk])
            event.detail_url, event.full_url = base_url + subpage, base_full_url + subpage
        return events

    def paginated(self, events, request):
        page_obj = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
        page_obj.object_list = self.with_urls(list(page_obj.object_list), request)
        return page_obj

    @classmethod
    def next_events(cls, home, request, count=3):
        """A site's agenda and its next events, for the home page (one query at most)."""
        agenda = site_section(home, cls, request)
        if agenda is None:
            return None, []
        return agenda, agenda.with_urls(list(agenda.upcoming_events(request)[:count]), request)

    def subroute_in_translation(self, subroute, translation):
        """An event's sub-route in the agenda's translation (for the language switcher):
        each language's action page has its own events, matched by translation key. An
        event not translated leads to the agenda itself."""
        event_id, _slash, rest = subroute.partition("/")
        if not event_id.isdigit():
            return subroute
        same_event = ActionEvent.objects.filter(pk=event_id).values("translation_key")
        translated = (
            ActionEvent.objects.filter(
                translation_key__in=same_event, locale_id=translation.locale_id
            )
            .values_list("pk", flat=True)
            .first()
        )
        return f"{translated}/{rest}" if translated else ""

    # Routes

    @path("")
    def upcoming(self, request):
        return self.render(
            request,
            context_overrides={"page_obj": self.paginated(self.upcoming_events(request), request)},
        )

    @path("archives/")
    def archives(self, request):
        return self.render(
            request,
            context_overrides={
                "page_obj": self.paginated(self.past_events(request), request),
                "archives": True,
            },
        )

    @path("<int:event_id>/", name="event")
    def event(self, request, event_id):
        event = get_object_or_404(self.events(request), pk=event_id)
        self.with_urls([event], request)
        return self.render(
            request,
            template="cls/agenda_event.html",
            context_overrides={
                "event": event,
                "is_past": event.finish < timezone.now(),
                # An invented event is not announced to search engines.
                "json_ld": None if event.page.is_example else json_ld(event),
                "location": location_text(event),
            },
        )

    @path("ics/")
    def calendar(self, request):
        return self.ical_response(request, self.events(request).order_by("start", "pk"), "agenda")

    @path("<int:event_id>/ics/", name="event_ics")
    def event_calendar(self, request, event_id):
        events = self.events(request).filter(pk=event_id)
        if not events:
            raise Http404
        return self.ical_response(request, events, f"rendez-vous-{event_id}")

    @path("rss/")
    def rss(self, request):
        return AgendaFeed(self, "rss")(request)

    @path("atom/")
    def atom(self, request):
        return AgendaFeed(self, "atom")(request)

    def ical_response(self, request, events, filename):
        # The site's configured name in the UIDs: the request's Host may carry any port.
        host = urlsplit(full_url(request, self)).hostname
        body = to_ical(self.with_urls(list(events), request), feed_title(request, self), host)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
        return response


class AgendaFeed(PageFeed):
    """The upcoming events, soonest first."""

    def items(self, page):
        return page.with_urls(list(page.upcoming_events(self.request)[:50]), self.request)

    def item_title(self, event):
        return marked_title(event.title, event.page)

    def item_link(self, event):
        return event.full_url

    def item_description(self, event):
        when = date_format(timezone.localtime(event.start), "DATETIME_FORMAT")
        return " – ".join(part for part in (when, location_text(event), event.description) if part)

    def item_pubdate(self, event):
        return event.page.last_published_at

    def item_categories(self, event):
        return [event.page.title]
