"""The questionnaire used by the charts tests, built from the contract's own
``cycles.questionnaire.Question``."""

from cycles.questionnaire import Choice, Question

QUESTIONS = [
    Question("intro", "heading", "Stocks"),
    Question("stock_outs", "number", "Stock-outs last quarter"),
    Question(
        "main_cause",
        "single_choice",
        "Main cause",
        choices=(
            Choice("transport", "Transport"),
            Choice("budget", "Budget"),
            Choice("ordering", "Ordering"),
        ),
    ),
    Question(
        "tools",
        "multiple_choice",
        "Tools used",
        choices=(
            Choice("dhis2", "DHIS2"),
            Choice("paper", "Paper"),
            Choice("sms", "SMS"),
        ),
    ),
    Question("has_plan", "yes_no", "Has a plan"),
    Question("comment", "text", "Comment"),
]
