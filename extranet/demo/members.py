"""Invented members of the demo network spaces, generated deterministically.

Member counts are those of the 2023 report (see `extranet/demo/content.py`); every person is
invented: first and last names are common French names checked against the seeds (no surname
that appears in the reports, no full name of the reports), organisations are generic ("Mairie
de …", "CCAS de …", "Centre social …") in real communes of Occitanie, and every e-mail address
is on the reserved example.org domain (`prenom.nom@membres.example.org`). Invented members get
no usable password: only the demo member and the animators can log in.

The same seed always yields the same people, so seeding twice creates nobody new.
"""

import random
import re
import unicodedata
from dataclasses import dataclass

MEMBER_DOMAIN = "membres.example.org"
STAFF_DOMAIN = "equipe.example.org"

# Printed by `seed_demo`; a demo-only password, never used outside the embedded demo.
DEMO_PASSWORD = "reseaux-rt-demo"


@dataclass(frozen=True)
class Person:
    email: str
    first_name: str
    last_name: str
    organisation: str
    job_title: str
    territory: str = ""  # commune name, for the member directory

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


# Name lists stay compact: one name a line would make the module unreadable.
# fmt: off
FEMALE_FIRST_NAMES = (
    "Camille", "Léa", "Manon", "Chloé", "Sarah", "Julie", "Laura", "Émilie", "Marion",
    "Pauline", "Céline", "Aurélie", "Élodie", "Amandine", "Mélanie", "Audrey", "Anaïs",
    "Clémence", "Hélène", "Isabelle", "Valérie", "Stéphanie", "Delphine", "Karima", "Samira",
    "Fatima", "Nadia", "Leïla", "Yasmina", "Inès", "Myriam", "Agathe", "Margaux", "Lucie",
    "Juliette", "Mathilde", "Élise", "Justine", "Marine", "Cécile", "Florence", "Patricia",
    "Laetitia", "Séverine", "Gaëlle", "Maïlys", "Océane", "Sonia", "Rachida", "Aïcha",
    "Mariam", "Estelle", "Odile", "Brigitte", "Martine", "Muriel", "Béatrice", "Coralie",
    "Ludivine", "Noémie", "Solène", "Morgane", "Dominique", "Ophélie", "Amélie", "Lina",
)
MALE_FIRST_NAMES = (
    "Julien", "Nicolas", "Maxime", "Romain", "Kevin", "Guillaume", "Sébastien", "Jérémy",
    "Mathieu", "Florian", "Alexandre", "Benjamin", "Vincent", "Cédric", "Ludovic", "Laurent",
    "Frédéric", "Pascal", "Didier", "Thierry", "Hervé", "Yannick", "Damien", "Fabien",
    "Arnaud", "Loïc", "Mehdi", "Karim", "Rachid", "Samir", "Yacine", "Mohamed", "Youssef",
    "Bilal", "Hugo", "Lucas", "Théo", "Baptiste", "Quentin", "Adrien", "Clément", "Gaël",
    "Bertrand", "Gilles", "Alain", "Jean-Marc", "Jean-Luc", "Patrice", "Régis", "Xavier",
    "Yves", "Joël", "Raphaël", "Victor", "Tristan", "Amine", "Ibrahima", "Moussa", "Cyril",
    "Grégory", "Franck", "Emmanuel", "Mickaël", "Anthony", "Rémi", "Arthur",
)
LAST_NAMES = (
    "Martin", "Bernard", "Dubois", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
    "Laurent", "Lefebvre", "Garcia", "Bertrand", "Roux", "Fournier", "Girard", "Bonnet",
    "Dupont", "Lambert", "Fontaine", "Rousseau", "Muller", "Faure", "Blanc",
    "Guérin", "Boyer", "Garnier", "Chevalier", "Legrand", "Gauthier", "Perrin", "Robin",
    "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Masson", "Marchand",
    "Duval", "Dumont", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun",
    "Blanchard", "Giraud", "Joly", "Rivière", "Brunet", "Barbier", "Arnaud", "Martinez",
    "Roche", "Renard", "Roy", "Leroux", "Caron", "Picard", "Roger", "Fabre", "Aubert",
    "Lemoine", "Renaud", "Dumas", "Lacroix", "Bourgeois", "Benoît", "Rey", "Leclerc",
    "Rolland", "Guillaume", "Lecomte", "Lopez", "Dupuy", "Guillot", "Hubert", "Berger",
    "Carpentier", "Sanchez", "Dupuis", "Moulin", "Deschamps", "Huet", "Perez", "Boucher",
    "Fleury", "Royer", "Klein", "Jacquet", "Poirier", "Aubry", "Guyot", "Renault",
    "Charpentier", "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Schneider",
    "Fernandez", "Collet", "Léger", "Bouvier", "Prévost", "Millet", "Perrot", "Cousin",
    "Besson", "Langlois", "Pelletier", "Perrier", "Leblanc", "Lebrun", "Weber", "Mallet",
    "Boulanger", "Monnier", "Michaud", "Rodriguez", "Guichard", "Gillet", "Tessier",
    "Chauvin", "Bouchet", "Humbert", "Reynaud", "Perret", "Cordier", "Pichon", "Lejeune",
    "Gilbert", "Lamy", "Pasquier", "Laporte", "Castéra", "Bousquet", "Labarthe", "Cazals",
    "Escudier", "Lafont", "Bonnafous", "Calvet", "Rouquette", "Vigouroux", "Delmas",
    "Souyris", "Lacombe", "Carrière", "Miquel", "Boudou", "Granier", "Sabatier", "Azéma",
    "Cassagne", "Rigal", "Vernhes", "Couderc", "Maurel", "Barrau", "Sicard", "Cabrol",
    "Lasserre", "Larrieu", "Fourcade", "Ducasse", "Abadie", "Lacaze", "Pérès", "Bacqué",
    "Benali", "Haddad", "Mansouri", "Diallo", "Traoré", "Ferreira", "Rodrigues", "Santos",
    "Kaya", "Yilmaz", "Belkacem", "Cissé", "Ndiaye", "Amrani", "Moreira", "Tran",
)

# Communes of the west of Occitanie, where most networks recruit.
WEST_COMMUNES = (
    "Toulouse", "Colomiers", "Blagnac", "Tournefeuille", "Muret", "Cugnaux", "Balma",
    "L'Union", "Castanet-Tolosan", "Ramonville-Saint-Agne", "Saint-Gaudens", "Revel", "Auch",
    "Condom", "Fleurance", "Montauban", "Castelsarrasin", "Moissac", "Albi", "Castres",
    "Mazamet", "Gaillac", "Graulhet", "Carmaux", "Lavaur", "Rodez", "Millau",
    "Villefranche-de-Rouergue", "Decazeville", "Onet-le-Château", "Foix", "Pamiers",
    "Saint-Girons", "Lavelanet", "Tarbes", "Lourdes", "Lannemezan", "Cahors", "Figeac",
    "Gourdon",
)
# The VRL network covers the whole region.
EAST_COMMUNES = (
    "Montpellier", "Nîmes", "Béziers", "Sète", "Alès", "Mende", "Perpignan", "Carcassonne",
    "Narbonne", "Lunel", "Bagnols-sur-Cèze", "Castelnaudary",
)
# fmt: on


@dataclass(frozen=True)
class Profile:
    """How a network's members look: organisations (with `{commune}`) and gendered jobs."""

    organisations: tuple[str, ...]
    jobs: tuple[tuple[str, str], ...]  # (feminine, masculine)
    communes: tuple[str, ...] = WEST_COMMUNES


def _ascii(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def email_for(first_name: str, last_name: str, domain: str = MEMBER_DOMAIN) -> str:
    return f"{_ascii(first_name)}.{_ascii(last_name)}@{domain}".replace("-.", ".")


def generate_people(key: str, count: int, profile: Profile, taken_emails: set[str]) -> list[Person]:
    """`count` invented people for the space `key`; e-mails unique across `taken_emails`.

    Deterministic: seeded by `key`, so the same call always returns the same people.
    """
    rng = random.Random(f"rt-demo:{key}")
    people = []
    while len(people) < count:
        feminine = rng.random() < 0.62  # the social sector employs mostly women
        first = rng.choice(FEMALE_FIRST_NAMES if feminine else MALE_FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
        email = email_for(first, last)
        suffix = 2
        while email in taken_emails:
            email = email_for(first, f"{last}{suffix}")
            suffix += 1
        taken_emails.add(email)
        commune = rng.choice(profile.communes)
        organisation = rng.choice(profile.organisations).format(commune=commune)
        job = rng.choice(profile.jobs)[0 if feminine else 1]
        people.append(Person(email, first, last, organisation, job, commune))
    return people
