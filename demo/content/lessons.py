"""Twelve demo lessons from the Benin and Guinea learning cycles, French then English."""

LESSONS = [
    {
        "slug": "supervision-formative-trimestrielle",
        "type": "lesson",
        "topics": ["service-delivery", "governance"],
        "countries": ["BJ"],
        "audiences": ["district-teams", "regions"],
        "date": "2026-02-10",
        "fr": {
            "title": "Une supervision formative trimestrielle change les pratiques",
            "messages": [
                "Les visites de supervision centrées sur trois indicateurs sont mieux suivies que les grilles exhaustives.",
                "Un retour écrit remis le jour même aux infirmiers chefs de poste double la mise en œuvre des recommandations.",
                "Le carburant des sorties doit être inscrit au plan de travail annuel du district.",
            ],
            "summary": "Dans sept zones sanitaires du Bénin, les équipes cadres ont remplacé les longues grilles de supervision par une visite trimestrielle centrée sur trois indicateurs choisis avec le centre de santé. Six mois plus tard, la plupart des recommandations avaient été appliquées.",
        },
        "en": {
            "title": "Quarterly formative supervision changes practice",
            "messages": [
                "Supervision visits focused on three indicators are followed better than exhaustive checklists.",
                "Written feedback handed to the head nurse on the same day doubles the uptake of recommendations.",
                "Fuel for supervision trips must be in the district's annual work plan.",
            ],
            "summary": "In seven health zones of Benin, management teams replaced long supervision checklists with a quarterly visit focused on three indicators chosen with the health centre. Six months later, most recommendations had been applied.",
        },
    },
    {
        "slug": "ruptures-medicaments-traceurs",
        "type": "good-practice",
        "topics": ["medicines"],
        "countries": ["GN"],
        "audiences": ["district-teams", "partners"],
        "date": "2026-01-20",
        "fr": {
            "title": "Réduire les ruptures de médicaments traceurs avec un tableau de bord hebdomadaire",
            "messages": [
                "Un tableau de bord hebdomadaire de dix produits traceurs permet d'anticiper les ruptures.",
                "Les commandes groupées au niveau du district réduisent les délais de livraison.",
                "Les ruptures ont baissé d'un tiers en deux trimestres à Boké et Kindia.",
            ],
            "summary": "Les districts de Boké et de Kindia suivent chaque semaine les stocks de dix médicaments traceurs. Les pharmaciens de district alertent les centres avant la rupture et regroupent les commandes.",
        },
        "en": {
            "title": "Cutting stock-outs of tracer medicines with a weekly dashboard",
            "messages": [
                "A weekly dashboard of ten tracer products makes stock-outs predictable.",
                "Grouped orders at district level shorten delivery times.",
                "Stock-outs fell by a third in two quarters in Boké and Kindia.",
            ],
            "summary": "The Boké and Kindia districts track stocks of ten tracer medicines every week. District pharmacists warn health centres before a stock-out and group their orders.",
        },
    },
    {
        "slug": "completude-rapports-dhis2",
        "type": "data-note",
        "topics": ["health-information"],
        "countries": ["BJ", "GN"],
        "audiences": ["district-teams", "ministry"],
        "date": "2025-11-05",
        "fr": {
            "title": "Complétude des rapports DHIS2 : ce qui fait la différence",
            "messages": [
                "La complétude dépasse 90 % là où le district renvoie une rétro-information mensuelle.",
                "Les coupures de connexion expliquent moins de retards que l'absence de responsable désigné.",
                "Une revue trimestrielle des données avec les centres améliore aussi leur qualité.",
            ],
            "summary": "Les réponses de 60 districts montrent que la complétude des rapports mensuels dépend surtout de l'organisation : un responsable désigné, une date limite connue et un retour rapide aux centres de santé.",
        },
        "en": {
            "title": "Completeness of DHIS2 reports: what makes the difference",
            "messages": [
                "Completeness exceeds 90% where the district sends monthly feedback.",
                "Connection cuts explain fewer delays than the lack of a designated focal person.",
                "A quarterly data review with health centres also improves data quality.",
            ],
            "summary": "Answers from 60 districts show that the completeness of monthly reports depends mostly on organisation: a designated focal person, a known deadline and quick feedback to health centres.",
        },
    },
    {
        "slug": "motivation-relais-communautaires",
        "type": "lesson",
        "topics": ["community-health", "health-workforce"],
        "countries": ["GN"],
        "audiences": ["ministry", "partners", "communities"],
        "date": "2025-10-12",
        "fr": {
            "title": "Motiver les relais communautaires au-delà des primes",
            "messages": [
                "La reconnaissance publique et la formation continue comptent autant que les primes.",
                "Des primes versées avec retard découragent plus que des primes modestes.",
                "Les relais associés à la planification restent plus longtemps en activité.",
            ],
            "summary": "En Guinée, les districts qui associent les relais communautaires aux réunions de planification et les forment régulièrement gardent leurs relais plus longtemps, même avec des primes modestes.",
        },
        "en": {
            "title": "Motivating community health workers beyond incentives",
            "messages": [
                "Public recognition and continuing training matter as much as incentives.",
                "Late payments discourage more than modest incentives.",
                "Workers involved in planning stay active longer.",
            ],
            "summary": "In Guinea, districts that involve community health workers in planning meetings and train them regularly keep them longer, even with modest incentives.",
        },
    },
    {
        "slug": "vaccination-strategie-avancee",
        "type": "good-practice",
        "topics": ["immunisation", "service-delivery"],
        "countries": ["BJ"],
        "audiences": ["district-teams"],
        "date": "2025-09-01",
        "fr": {
            "title": "Vacciner en stratégie avancée dans les villages éloignés",
            "messages": [
                "Un calendrier de sorties publié avec les chefs de village augmente la fréquentation.",
                "La chaîne du froid doit être vérifiée avant chaque sortie.",
                "Les enfants zéro dose se trouvent surtout dans les hameaux à plus de 10 km.",
            ],
            "summary": "Les zones sanitaires du nord du Bénin ont organisé des sorties mensuelles annoncées par les chefs de village. La couverture vaccinale des villages éloignés s'est rapprochée de celle des villages proches des centres.",
        },
        "en": {
            "title": "Outreach immunisation in remote villages",
            "messages": [
                "An outreach calendar published with village chiefs increases attendance.",
                "The cold chain must be checked before each trip.",
                "Zero-dose children live mostly in hamlets more than 10 km away.",
            ],
            "summary": "Health zones in northern Benin organised monthly outreach sessions announced by village chiefs. Immunisation coverage in remote villages moved closer to that of villages near health centres.",
        },
    },
    {
        "slug": "paludisme-enfant-prise-en-charge",
        "type": "policy-brief",
        "topics": ["malaria", "community-health"],
        "countries": ["BJ", "GN"],
        "audiences": ["ministry", "partners"],
        "date": "2025-07-15",
        "fr": {
            "title": "Paludisme de l'enfant : étendre la prise en charge communautaire",
            "messages": [
                "Les tests de diagnostic rapide au village réduisent les délais de traitement.",
                "Les ruptures de tests annulent ce bénéfice : l'approvisionnement est prioritaire.",
                "Le référencement des cas graves doit être organisé avec les communes.",
            ],
            "summary": "Cette note recommande d'étendre la prise en charge communautaire du paludisme simple chez l'enfant, à condition de garantir l'approvisionnement en tests et en combinaisons thérapeutiques.",
        },
        "en": {
            "title": "Child malaria: expanding community case management",
            "messages": [
                "Rapid diagnostic tests in the village shorten the time to treatment.",
                "Test stock-outs cancel this benefit: supply comes first.",
                "Referral of severe cases must be organised with local councils.",
            ],
            "summary": "This brief recommends expanding community case management of uncomplicated malaria in children, provided that the supply of tests and combination therapies is secured.",
        },
    },
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
