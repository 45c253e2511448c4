"""Demo countries, the 72 real health districts of Benin and Guinea, and demo accounts."""

import csv
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group

from districts.models import Country, District, Membership
from districts.roles import Role
from districts.services import district_code
from districts.zone_names import COUNTRY_ZONES

DISTRICTS_CSV = (
    Path(apps.get_app_config("districts").path) / "fixtures" / "districts.csv"
)
COUNTRY_NAMES = {"BJ": "Bénin", "GN": "Guinée"}
COUNTRY_NAMES_EN = {"BJ": "Benin", "GN": "Guinea"}


def load_districts(path: Path = DISTRICTS_CSV) -> list[District]:
    districts = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            country, _ = Country.objects.update_or_create(
                code=row["country_code"],
                defaults={
                    "name": COUNTRY_NAMES.get(row["country_code"], row["country"]),
                    "name_en": COUNTRY_NAMES_EN.get(row["country_code"], ""),
                    "time_zone": COUNTRY_ZONES.get(row["country_code"], ""),
                },
            )
            district, _ = District.objects.update_or_create(
                code=district_code(country.code, row["district"]),
                defaults={
                    "name": row["district"],
                    "region": row["region"],
                    "country": country,
                },
            )
            districts.append(district)
    return districts


def _demo_user(username: str, password_hash: str, role: Role | None, **fields):
    User = get_user_model()
    user, _ = User.objects.update_or_create(
        username=username,
        defaults={
            "password": password_hash,
            "email": f"{username}@demo.district.team",
            **fields,
        },
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def seed() -> str:
    districts = load_districts()
    # Hash the shared demo password once: hashing it for 147 accounts would take a minute.
    password_hash = make_password(settings.DEMO_PASSWORD)
    _demo_user(
        "admin",
        password_hash,
        Role.ADMIN,
        is_staff=True,
        is_superuser=True,
        first_name="Admin",
        last_name="District.Team",
    )
    _demo_user(
        "facilitator",
        password_hash,
        Role.FACILITATOR,
        first_name="Aïssatou",
        last_name="Diallo",
    )
    _demo_user(
        "policymaker",
        password_hash,
        Role.POLICYMAKER,
        first_name="Koffi",
        last_name="Houngbédji",
    )
    for district in districts:
        for number in (1, 2):
            user = _demo_user(
                f"hdmt-{district.code}-{number}",
                password_hash,
                Role.HDMT_MEMBER,
                first_name=f"ECZ {number}",
                last_name=district.name,
            )
            Membership.objects.update_or_create(
                user=user, defaults={"district": district}
            )
    return f"{Country.objects.count()} countries, {len(districts)} districts, {get_user_model().objects.count()} accounts"
