"""sitemap.xml with every language's pages and their `hreflang` alternates.

Wagtail's sitemap lists the descendants of the site's root page, which is the French
home: the English tree (a sibling root) was missing. This one lists the live public
pages under every translation of the root, and gives each URL the addresses of its
live translations as alternates (Django's sitemap template writes them as
`<xhtml:link rel="alternate" hreflang=…>`). Every address is on BASE_URL: the
alternates through portal/links.py, Wagtail's own `<loc>` through the Site, which
follows BASE_URL (`sync_sites_with_base_url`).
"""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal.links import page_url


class BilingualSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        trees = Q()
        for root in roots:
            trees |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        group = defaultdict(list)
        for item in self.items().filter(
            translation_key__in=[p.translation_key for p in pages]
        ):
            group[item.translation_key].append(
                {
                    "lang_code": item.locale.language_code,
                    "location": page_url(item),
                }
            )
        urls, last_mods = [], set()
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                alternates = group.get(item.translation_key, [])
                if len(alternates) > 1:
                    url_info["alternates"] = alternates
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
