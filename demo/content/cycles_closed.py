"""The demo cycles past their answers: the discussion step (maternal death reviews)
and the finished cycle (completeness of monthly reports). Data only."""

# Question: (name, kind, French label, English label, extra fields, choices)
# Choice: (stable value, French label, English label)

MATERNAL_DEATHS = {
    "slug": "revues-des-deces-maternels",
    "slug_en": "maternal-death-reviews",
    "step": 5,
    "share_submitted": 0.83,
    "share_submitted_by_country": {"GN": 0.55},
    "share_drafts": 0.04,
    "fr": {
        "title": "Revues des décès maternels",
        "summary": "Les districts réalisent-ils les revues des décès maternels et qu'en retirent-ils ?",
        "health_issue": "<p>Beaucoup de décès maternels ne font pas l'objet d'une revue, et les recommandations des revues sont peu suivies.</p>",
        "why_it_matters": "<p>La surveillance des décès maternels et riposte (SDMR) permet d'éviter les décès suivants.</p>",
        "objectives": "<ul><li>Mesurer la part des décès revus.</li><li>Suivre la mise en œuvre des recommandations.</li></ul>",
    },
    "en": {
        "title": "Maternal death reviews",
        "summary": "Do districts review maternal deaths, and what do they learn from them?",
        "health_issue": "<p>Many maternal deaths are never reviewed, and review recommendations are seldom followed up.</p>",
        "why_it_matters": "<p>Maternal death surveillance and response (MDSR) helps prevent the next deaths.</p>",
        "objectives": "<ul><li>Measure the share of deaths reviewed.</li><li>Follow up the recommendations.</li></ul>",
    },
    "questions": [
        (
            "deaths_notified",
            "number",
            "Nombre de décès maternels notifiés sur les 12 derniers mois",
            "Maternal deaths notified in the last 12 months",
            {"required": True, "min_value": 0, "max_value": 200},
            (),
        ),
        (
            "deaths_reviewed",
            "number",
            "Nombre de ces décès ayant fait l'objet d'une revue",
            "How many of these deaths were reviewed",
            {"required": True, "min_value": 0, "max_value": 200},
            (),
        ),
        (
            "committee_active",
            "yes_no",
            "Le comité SDMR du district s'est-il réuni ce trimestre ?",
            "Did the district MDSR committee meet this quarter?",
            {"required": True},
            (),
        ),
        (
            "main_delay",
            "single_choice",
            "Quel retard est le plus souvent en cause ?",
            "Which delay is most often involved?",
            {},
            (
                ("decision", "Décision de consulter", "Deciding to seek care"),
                ("reaching", "Arrivée à la structure", "Reaching the facility"),
                (
                    "care",
                    "Prise en charge dans la structure",
                    "Receiving care at the facility",
                ),
            ),
        ),
        (
            "recommendations_followed",
            "scale",
            "Les recommandations des revues sont-elles suivies (1 à 5) ?",
            "Are review recommendations followed up (1 to 5)?",
            {},
            (),
        ),
        (
            "lesson",
            "long_text",
            "Une leçon tirée d'une revue récente",
            "One lesson from a recent review",
            {},
            (),
        ),
    ],
}

REPORTING = {
    "slug": "completude-des-rapports-mensuels",
    "slug_en": "completeness-of-monthly-reports",
    "step": 6,
    "share_submitted": 0.74,
    # The demo's participation story: Guinea starts keen and then declines (0.92 →
    # 0.55 → 0.3), as participation decayed across cycles in the 2016–17 pilot.
    "share_submitted_by_country": {"GN": 0.88},
    "share_drafts": 0,
    "fr": {
        "title": "Complétude des rapports mensuels",
        "summary": "Comment les districts améliorent-ils la complétude et la promptitude des rapports DHIS2 ?",
        "health_issue": "<p>Les rapports mensuels des formations sanitaires arrivent en retard ou incomplets dans DHIS2.</p>",
        "why_it_matters": "<p>Sans données à jour, l'équipe cadre de district ne peut pas piloter ses programmes.</p>",
        "objectives": "<ul><li>Mesurer la complétude et la promptitude.</li><li>Partager les pratiques qui marchent.</li></ul>",
    },
    "en": {
        "title": "Completeness of monthly reports",
        "summary": "How do districts improve the completeness and timeliness of DHIS2 reports?",
        "health_issue": "<p>Health facilities' monthly reports reach DHIS2 late or incomplete.</p>",
        "why_it_matters": "<p>Without current data, the district management team cannot steer its programmes.</p>",
        "objectives": "<ul><li>Measure completeness and timeliness.</li><li>Share practices that work.</li></ul>",
    },
    "questions": [
        (
            "completeness",
            "number",
            "Complétude des rapports au dernier trimestre (%)",
            "Report completeness last quarter (%)",
            {"required": True, "min_value": 0, "max_value": 100},
            (),
        ),
        (
            "timeliness",
            "number",
            "Promptitude des rapports au dernier trimestre (%)",
            "Report timeliness last quarter (%)",
            {"min_value": 0, "max_value": 100},
            (),
        ),
        (
            "monthly_review_meeting",
            "yes_no",
            "Une réunion mensuelle de revue des données a-t-elle lieu ?",
            "Is there a monthly data review meeting?",
            {"required": True},
            (),
        ),
        (
            "practices",
            "multiple_choice",
            "Quelles pratiques utilisez-vous ?",
            "Which practices do you use?",
            {},
            (
                ("sms_reminders", "Rappels par SMS", "SMS reminders"),
                (
                    "feedback",
                    "Rétro-information aux formations sanitaires",
                    "Feedback to facilities",
                ),
                (
                    "ranking",
                    "Classement des formations sanitaires",
                    "Ranking of facilities",
                ),
            ),
        ),
    ],
}
