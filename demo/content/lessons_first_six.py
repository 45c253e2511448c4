"""The first six of the twelve demo lessons, French then English. Data only."""

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
]
