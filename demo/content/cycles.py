"""The demo cycles' texts and questionnaires, in French and English (data only):
the four cycles in their order, and the free-text answers districts give."""

from demo.content.cycles_closed import MATERNAL_DEATHS, REPORTING
from demo.content.cycles_open import SUPERVISION, VACCINES

DEMO_CYCLES = [SUPERVISION, VACCINES, MATERNAL_DEATHS, REPORTING]

TEXT_ANSWERS = {
    "fr": [
        "Le plan prévoit un stock tampon au district et des prêts entre aires de santé.",
        "Nous avons partagé les leçons en réunion mensuelle avec les majors.",
        "La revue a montré un retard dans la référence : nous avons organisé le transport avec les mairies.",
        "Une rencontre trimestrielle avec le niveau régional suit les commandes.",
    ],
}
