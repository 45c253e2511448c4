"""The last six of the twelve demo lessons, French then English. Data only."""

LESSONS = [
    {
        "slug": "consultations-prenatales",
        "type": "lesson",
        "topics": ["maternal-health"],
        "countries": ["GN"],
        "audiences": ["district-teams", "communities"],
        "date": "2025-06-03",
        "fr": {
            "title": "Quatre consultations prénatales : lever les obstacles financiers",
            "messages": [
                "Les frais annexes découragent la quatrième consultation prénatale.",
                "Les mutuelles communautaires améliorent la continuité du suivi.",
                "Les sages-femmes itinérantes atteignent les femmes des zones minières.",
            ],
            "summary": "À Siguiri et Kankan, la quatrième consultation prénatale est souvent manquée à cause des frais annexes. Les districts qui ont négocié leur prise en charge avec les mutuelles ont amélioré le suivi.",
        },
        "en": {
            "title": "Four antenatal visits: removing financial barriers",
            "messages": [
                "Additional fees discourage the fourth antenatal visit.",
                "Community health insurance improves continuity of care.",
                "Mobile midwives reach women in mining areas.",
            ],
            "summary": "In Siguiri and Kankan, the fourth antenatal visit is often missed because of additional fees. Districts that negotiated coverage with community insurance schemes improved follow-up.",
        },
    },
    {
        "slug": "financement-base-resultats",
        "type": "advocacy-note",
        "topics": ["financing", "governance"],
        "countries": ["BJ"],
        "audiences": ["ministry", "partners"],
        "date": "2025-04-22",
        "fr": {
            "title": "Financement basé sur les résultats : payer à temps",
            "messages": [
                "Les retards de paiement réduisent l'effet du financement basé sur les résultats.",
                "Les indicateurs doivent être vérifiés par un tiers, mais sans bloquer les versements.",
                "Les équipes cadres demandent un tableau de bord partagé avec les partenaires.",
            ],
            "summary": "Les districts du Bénin demandent que les primes de performance soient versées dans les trois mois suivant la vérification, faute de quoi les équipes se démobilisent.",
        },
        "en": {
            "title": "Results-based financing: pay on time",
            "messages": [
                "Payment delays reduce the effect of results-based financing.",
                "Indicators must be verified by a third party, without blocking payments.",
                "Management teams ask for a dashboard shared with partners.",
            ],
            "summary": "Districts in Benin ask for performance payments within three months of verification; otherwise teams lose motivation.",
        },
    },
    {
        "slug": "depistage-malnutrition",
        "type": "good-practice",
        "topics": ["nutrition", "community-health"],
        "countries": ["GN"],
        "audiences": ["district-teams", "communities"],
        "date": "2025-03-08",
        "fr": {
            "title": "Dépister la malnutrition aiguë avec les mères",
            "messages": [
                "Les mères formées au périmètre brachial dépistent plus tôt que les agents seuls.",
                "Le dépistage doit être relié à un lieu de prise en charge accessible.",
                "Les données de dépistage communautaire doivent remonter dans DHIS2.",
            ],
            "summary": "À Labé et Mamou, les mères formées à mesurer le périmètre brachial ont permis de dépister la malnutrition aiguë plus tôt et d'orienter les enfants vers les centres.",
        },
        "en": {
            "title": "Screening for acute malnutrition with mothers",
            "messages": [
                "Mothers trained to measure arm circumference detect earlier than workers alone.",
                "Screening must be linked to an accessible treatment site.",
                "Community screening data must reach DHIS2.",
            ],
            "summary": "In Labé and Mamou, mothers trained to measure mid-upper arm circumference detected acute malnutrition earlier and referred children to health centres.",
        },
    },
    {
        "slug": "preparation-epidemies",
        "type": "lesson",
        "topics": ["epidemics", "governance"],
        "countries": ["GN"],
        "audiences": ["district-teams", "regions"],
        "date": "2024-12-02",
        "fr": {
            "title": "Se préparer aux épidémies : les comités de district qui fonctionnent",
            "messages": [
                "Un comité de riposte qui se réunit hors crise réagit plus vite en crise.",
                "Les stocks de prépositionnement doivent être inventoriés chaque trimestre.",
                "La surveillance communautaire détecte les rumeurs avant les centres de santé.",
            ],
            "summary": "Les districts de Nzérékoré et de Faranah ont maintenu leurs comités de riposte après la fin de l'épidémie. Ils ont réagi en quelques jours aux alertes suivantes.",
        },
        "en": {
            "title": "Epidemic preparedness: district committees that work",
            "messages": [
                "A response committee that meets outside crises reacts faster in a crisis.",
                "Prepositioned stocks must be inventoried every quarter.",
                "Community surveillance picks up rumours before health centres do.",
            ],
            "summary": "The Nzérékoré and Faranah districts kept their response committees after the epidemic ended. They responded to later alerts within days.",
        },
    },
    {
        "slug": "revue-donnees-trimestrielle",
        "type": "data-note",
        "topics": ["health-information", "service-delivery"],
        "countries": ["BJ"],
        "audiences": ["district-teams"],
        "date": "2024-10-18",
        "fr": {
            "title": "La revue trimestrielle des données, un rendez-vous qui paie",
            "messages": [
                "Une demi-journée par trimestre suffit pour comparer les aires de santé.",
                "Les écarts expliqués par les équipes elles-mêmes mènent à des actions concrètes.",
                "Les graphiques simples sont mieux compris que les tableaux longs.",
            ],
            "summary": "Les zones sanitaires de Djougou et de Natitingou réunissent chaque trimestre les responsables des centres pour comparer leurs données. Les écarts deviennent des actions concrètes.",
        },
        "en": {
            "title": "The quarterly data review, a meeting that pays off",
            "messages": [
                "Half a day per quarter is enough to compare health areas.",
                "Gaps explained by the teams themselves lead to concrete action.",
                "Simple charts are understood better than long tables.",
            ],
            "summary": "The Djougou and Natitingou health zones bring health centre heads together every quarter to compare their data. Gaps become concrete actions.",
        },
    },
    {
        "slug": "comites-gestion-redevabilite",
        "type": "advocacy-note",
        "topics": ["governance", "community-health"],
        "countries": ["BJ", "GN"],
        "audiences": ["communities", "ministry"],
        "date": "2024-08-30",
        "fr": {
            "title": "Redevabilité : donner un vrai rôle aux comités de gestion",
            "messages": [
                "Les comités de gestion informés des données du centre posent de meilleures questions.",
                "Un affichage public des indicateurs renforce la confiance des usagers.",
                "Les femmes doivent être représentées dans chaque comité.",
            ],
            "summary": "Cette note plaide pour que les comités de gestion des centres de santé reçoivent chaque trimestre les principaux indicateurs et participent au suivi des engagements.",
        },
        "en": {
            "title": "Accountability: giving health committees a real role",
            "messages": [
                "Committees informed about the centre's data ask better questions.",
                "Publicly displayed indicators build users' trust.",
                "Women must be represented in every committee.",
            ],
            "summary": "This note argues that health centre management committees should receive the main indicators every quarter and take part in following up commitments.",
        },
    },
]
