"""The demo cycles' texts and questionnaires, in French and English (data only)."""

# Question: (name, kind, French label, English label, extra fields, choices)
# Choice: (stable value, French label, English label)
YES_NO = ()

VACCINES = {
    "slug": "ruptures-de-stock-de-vaccins",
    "slug_en": "vaccine-stock-outs",
    "step": 3,
    "share_submitted": 0.55,
    # Guinea's teams answer less and less from one cycle to the next (see REPORTING).
    "share_submitted_by_country": {"GN": 0.3},
    "share_drafts": 0.2,
    "fr": {
        "title": "Ruptures de stock de vaccins",
        "summary": "Pourquoi les centres de santé manquent-ils de vaccins et que font les districts pour l'éviter ?",
        "health_issue": "<p>Des ruptures de stock de vaccins (BCG, VPO, Penta) interrompent les séances de vaccination dans de nombreux centres de santé.</p>",
        "why_it_matters": "<p>Chaque séance annulée laisse des enfants sans protection et fait baisser la confiance des familles.</p>",
        "objectives": "<ul><li>Mesurer la fréquence des ruptures au dernier trimestre.</li><li>Comprendre leurs causes.</li><li>Partager les solutions qui marchent.</li></ul>",
    },
    "en": {
        "title": "Vaccine stock-outs",
        "summary": "Why do health centres run out of vaccines, and what do districts do to prevent it?",
        "health_issue": "<p>Stock-outs of vaccines (BCG, OPV, Penta) interrupt immunisation sessions in many health centres.</p>",
        "why_it_matters": "<p>Every cancelled session leaves children unprotected and erodes families' trust.</p>",
        "objectives": "<ul><li>Measure how often stock-outs happened last quarter.</li><li>Understand their causes.</li><li>Share the solutions that work.</li></ul>",
    },
    "questions": [
        (
            "stocks",
            "heading",
            "Stocks au dernier trimestre",
            "Stocks last quarter",
            {},
            (),
        ),
        (
            "stock_out_count",
            "number",
            "Combien de ruptures de stock de vaccins le district a-t-il connues au dernier trimestre ?",
            "How many vaccine stock-outs did the district have last quarter?",
            {"required": True, "min_value": 0, "max_value": 60},
            (),
        ),
        (
            "had_contingency_plan",
            "yes_no",
            "Le district a-t-il un plan de contingence pour les ruptures ?",
            "Does the district have a contingency plan for stock-outs?",
            {"required": True},
            (),
        ),
        (
            "main_cause",
            "single_choice",
            "Quelle est la cause principale des ruptures ?",
            "What is the main cause of stock-outs?",
            {"required": True},
            (
                (
                    "late_delivery",
                    "Livraison tardive par le niveau régional",
                    "Late delivery from the regional level",
                ),
                (
                    "poor_forecast",
                    "Mauvaise estimation des besoins",
                    "Poor forecasting of needs",
                ),
                ("cold_chain", "Panne de la chaîne du froid", "Cold chain failure"),
                ("transport", "Manque de moyens de transport", "Lack of transport"),
            ),
        ),
        (
            "actions",
            "multiple_choice",
            "Quelles actions le district a-t-il menées ?",
            "Which actions did the district take?",
            {},
            (
                ("loan", "Prêt entre districts", "Loan between districts"),
                ("alert", "Alerte au niveau régional", "Alert to the regional level"),
                ("reschedule", "Report des séances", "Sessions rescheduled"),
                (
                    "monthly_review",
                    "Revue mensuelle des stocks",
                    "Monthly stock review",
                ),
            ),
        ),
        (
            "plan_detail",
            "long_text",
            "Décrivez le plan de contingence.",
            "Describe the contingency plan.",
            {"condition_name": "had_contingency_plan", "condition_value": "yes"},
            (),
        ),
        (
            "data_confidence",
            "scale",
            "Quelle confiance avez-vous dans les données de stock (1 à 5) ?",
            "How confident are you in the stock data (1 to 5)?",
            {},
            (),
        ),
        (
            "last_delivery",
            "date",
            "Date de la dernière livraison de vaccins",
            "Date of the last vaccine delivery",
            {},
            (),
        ),
    ],
}

SUPERVISION = {
    "slug": "supervision-des-agents-de-sante-communautaire",
    "slug_en": "supervision-of-community-health-workers",
    "step": 2,
    "share_submitted": 0,
    "share_drafts": 0,
    "fr": {
        "title": "Supervision des agents de santé communautaire",
        "summary": "Comment les districts organisent-ils la supervision des agents de santé communautaire ?",
        "health_issue": "<p>Les agents de santé communautaire sont rarement supervisés sur le terrain, faute de temps et de moyens.</p>",
        "why_it_matters": "<p>Une supervision régulière améliore la qualité de la prise en charge du paludisme, de la diarrhée et de la pneumonie chez l'enfant.</p>",
        "objectives": "<ul><li>Décrire la fréquence et le contenu des supervisions.</li><li>Identifier les obstacles.</li></ul>",
    },
    "en": {
        "title": "Supervision of community health workers",
        "summary": "How do districts organise the supervision of community health workers?",
        "health_issue": "<p>Community health workers are seldom supervised in the field, for lack of time and means.</p>",
        "why_it_matters": "<p>Regular supervision improves the quality of care for childhood malaria, diarrhoea and pneumonia.</p>",
        "objectives": "<ul><li>Describe how often supervision happens and what it covers.</li><li>Identify the obstacles.</li></ul>",
    },
    "questions": [
        (
            "chw_count",
            "number",
            "Combien d'agents de santé communautaire le district compte-t-il ?",
            "How many community health workers does the district have?",
            {"required": True, "min_value": 0, "max_value": 2000},
            (),
        ),
        (
            "supervised_share",
            "number",
            "Quelle part a été supervisée au dernier trimestre (%) ?",
            "What share was supervised last quarter (%)?",
            {"min_value": 0, "max_value": 100},
            (),
        ),
        (
            "checklist_used",
            "yes_no",
            "Une grille de supervision est-elle utilisée ?",
            "Is a supervision checklist used?",
            {},
            (),
        ),
        (
            "obstacles",
            "multiple_choice",
            "Quels obstacles rencontrez-vous ?",
            "Which obstacles do you face?",
            {},
            (
                ("fuel", "Carburant", "Fuel"),
                ("staff", "Manque de personnel", "Staff shortage"),
                ("distance", "Distances", "Distances"),
            ),
        ),
    ],
}

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

DEMO_CYCLES = [SUPERVISION, VACCINES, MATERNAL_DEATHS, REPORTING]

TEXT_ANSWERS = {
    "fr": [
        "Le plan prévoit un stock tampon au district et des prêts entre aires de santé.",
        "Nous avons partagé les leçons en réunion mensuelle avec les majors.",
        "La revue a montré un retard dans la référence : nous avons organisé le transport avec les mairies.",
        "Une rencontre trimestrielle avec le niveau régional suit les commandes.",
    ],
}
