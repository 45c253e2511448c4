"""The demo cycles before their results: the questionnaire step (community health
workers' supervision) and the answers step (vaccine stock-outs). Data only."""

# Question: (name, kind, French label, English label, extra fields, choices)
# Choice: (stable value, French label, English label)

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
