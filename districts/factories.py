import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify

from districts.models import Country, District, Membership
from districts.roles import Role
from districts.zone_names import COUNTRY_ZONES


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}")
    name = factory.LazyAttribute(lambda o: f"Country {o.code}")
    time_zone = factory.LazyAttribute(
        lambda o: COUNTRY_ZONES.get(o.code, "Africa/Porto-Novo")
    )


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("code",)

    country = factory.SubFactory(CountryFactory)
    name = factory.Sequence(lambda n: f"District {n}")
    region = "Region"
    code = factory.LazyAttribute(
        lambda o: f"{o.country.code.lower()}-{slugify(o.name)}"
    )


def roles_declaration(*default_roles: Role) -> factory.PostGeneration:
    """Put the user in the role groups given (``roles=[...]``) or in the defaults."""

    def add_roles(user, create, extracted, **kwargs):
        if create:
            names = default_roles if extracted is None else extracted
            user.groups.add(*Group.objects.filter(name__in=names))

    return factory.PostGeneration(add_roles)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.django.Password("district-team-test")

    roles = roles_declaration()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    district = factory.SubFactory(DistrictFactory)


class HdmtMemberFactory(UserFactory):
    """A member of one district's team (and of the HDMT members group)."""

    class Params:
        district = factory.SubFactory(DistrictFactory)

    roles = roles_declaration(Role.HDMT_MEMBER)
    membership = factory.RelatedFactory(
        MembershipFactory,
        factory_related_name="user",
        district=factory.SelfAttribute("..district"),
    )


class FacilitatorFactory(UserFactory):
    roles = roles_declaration(Role.FACILITATOR)


class PolicymakerFactory(UserFactory):
    roles = roles_declaration(Role.POLICYMAKER)
