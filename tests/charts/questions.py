"""Questions shaped as the contract's cycles.questionnaire.Question (cycles is not in
this branch yet); the analysis reads only these attributes."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    name: str
    kind: str
    label: str
    help_text: str = ""
    required: bool = False
    choices: tuple[Choice, ...] = ()
    min_value: float | None = None
    max_value: float | None = None
    condition_name: str = ""
    condition_value: str = ""


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
