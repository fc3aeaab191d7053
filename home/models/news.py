"""News ("actualités"): dated articles with tags, gathered by an index page with feeds."""

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from home.absolute_urls import full_url
from home.blocks import BodyStreamBlock
from home.feeds import PageFeed
from home.models.example import ExampleContent, marked_title
from home.routing import parent_of
from home.sections import site_section
from home.visibility import exclude_private

NEWS_PER_PAGE = 10


class NewsIndexPage(RoutablePageMixin, Page):
    """The list of news, newest first, filterable by tag, with RSS and Atom feeds."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Une ou deux phrases au-dessus de la liste des actualités."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("liste des actualités")
        verbose_name_plural = _("listes des actualités")

    def news(self, request):
        return exclude_private(NewsPage.objects.live().child_of(self), request).order_by(
            "-date", "-pk"
        )

    @path("")
    def index(self, request):
        news = self.news(request)
        tags = localized_tags(
            NewsTag.objects.filter(tagged_news__content_object__in=news.values("pk")).distinct(),
            self.locale_id,
        )
        current_tag = None
        if slug := request.GET.get("tag"):
            current_tag = next((tag for tag in tags if tag.slug == slug), None)
            # A translation's news keep their source's tags: filter on the tag in any language.
            news = news.filter(
                tags__translation_key=current_tag.translation_key if current_tag else None
            )
        page_obj = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "tags": sorted(tags, key=lambda tag: tag.name.lower()),
                "current_tag": current_tag,
                "unknown_tag": bool(request.GET.get("tag")) and current_tag is None,
            },
        )

    @path("rss/")
    def rss(self, request):
        return NewsFeed(self, "rss")(request)

    @path("atom/")
    def atom(self, request):
        return NewsFeed(self, "atom")(request)


class NewsTag(TranslatableMixin, index.Indexed, TagBase):
    """A keyword of the news (« prévention »), translated like other snippets (« Traduire »).

    A news page's translation keeps its source's tags (wagtail-localize synchronises
    them): visitors see each tag in the page's language (`localized_tags`).
    """

    translatable_fields = [TranslatableField("name")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        # The admin's listings and choosers show one language at a time.
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("mot-clé des actualités")
        verbose_name_plural = _("mots-clés des actualités")

    def copy_for_translation(self, locale, exclude_fields=None):
        translation = super().copy_for_translation(locale, exclude_fields)
        translation.slug = ""  # slugs are unique: made from the translated name (full_clean)
        return translation

    def full_clean(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.slugify(self.name)
        super().full_clean(*args, **kwargs)


def localized_tags(tags, locale_id):
    """The tags in the given language: their translations where they have one (one query,
    none when every tag is already in that language), else the tags themselves."""
    tags = list(tags)
    keys = [tag.translation_key for tag in tags if tag.locale_id != locale_id]
    if not keys:
        return tags
    translations = {
        tag.translation_key: tag
        for tag in NewsTag.objects.filter(translation_key__in=keys, locale_id=locale_id)
    }
    return [translations.get(tag.translation_key, tag) for tag in tags]


class NewsPageTag(ItemBase):
    tag = models.ForeignKey(NewsTag, on_delete=models.CASCADE, related_name="tagged_news")
    content_object = ParentalKey(
        "home.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(ExampleContent, Page):
    """One news article."""

    date = models.DateField(_("date"), default=datetime.date.today)
    lead = models.TextField(
        _("chapô"),
        max_length=500,
        help_text=_("L'essentiel en deux ou trois phrases ; affiché dans les listes."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("contenu"), blank=True)
    tags = ClusterTaggableManager(
        verbose_name=_("mots-clés"),
        through=NewsPageTag,
        blank=True,
        help_text=_(
            "Par exemple « prévention », « séniors » ; les visiteurs filtrent par mot-clé."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel(
            "related_pages",
            label=_("Action ou axe"),
            heading=_("Actions et axes liés"),
        ),
        ExampleContent.example_panel,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_page"] = parent_of(request, self)
        context["tags"] = localized_tags(self.tags.all(), self.locale_id)
        context["related_pages"] = self.localized_related_pages(request)
        return context

    def localized_related_pages(self, request):
        """The related pages in this page's language, live and public ones only (two queries).

        A translation's links are synchronised from the source and point to the source
        language's pages: follow them by translation key.
        """
        related = self.related_pages.values("page__translation_key", "sort_order")
        order = {row["page__translation_key"]: row["sort_order"] or 0 for row in related}
        pages = exclude_private(Page.objects.live(), request).filter(
            translation_key__in=related.values("page__translation_key"), locale_id=self.locale_id
        )
        return sorted(pages, key=lambda page: order[page.translation_key])


class NewsRelatedPage(Orderable):
    news = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page", page_type=["cls.ActionPage", "cls.AxisPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("action ou axe lié")
        verbose_name_plural = _("actions et axes liés")


def latest_news(home, request, count=3):
    """The site's news index and its newest live, public news (one query at most)."""
    index_page = site_section(home, NewsIndexPage, request)
    if index_page is None:
        return None, []
    return index_page, list(index_page.news(request)[:count])


class NewsFeed(PageFeed):
    def items(self, index_page):
        news = list(index_page.news(self.request).prefetch_related("tags")[:20])
        tags = localized_tags(
            {tag for item in news for tag in item.tags.all()}, index_page.locale_id
        )
        self.tag_names = {tag.translation_key: tag.name for tag in tags}
        return news

    def item_title(self, news):
        return marked_title(news.title, news)

    def item_link(self, news):
        return full_url(self.request, news)

    def item_description(self, news):
        return news.lead

    def item_pubdate(self, news):
        return timezone.make_aware(datetime.datetime.combine(news.date, datetime.time(9)))

    def item_categories(self, news):
        return [self.tag_names[tag.translation_key] for tag in news.tags.all()]
