from django.utils.text import slugify


def district_code(country_code: str, district_name: str) -> str:
    """The stable, language-neutral code of a district, e.g. ``gn-boke``."""
    return f"{country_code.lower()}-{slugify(district_name)}"
