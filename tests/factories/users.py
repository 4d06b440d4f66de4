import factory

from extranet.accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"membre{n}@exemple.org")
    first_name = factory.Iterator(["Camille", "Dominique", "Sacha", "Claude", "Alix"])
    last_name = factory.Sequence(lambda n: f"Membre{n}")
    password = factory.django.Password("motdepasse-de-test")


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True
