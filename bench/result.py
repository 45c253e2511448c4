from dataclasses import asdict, dataclass


@dataclass
class Result:
    """One measured figure, with its budget when the issue sets one.

    `ok` is None when there is no budget; otherwise whether the value is within it
    (`lower_is_better` decides the direction).
    """

    name: str
    value: float
    unit: str
    budget: float | None = None
    lower_is_better: bool = True
    note: str = ""
    benchmark: str = ""

    @property
    def ok(self) -> bool | None:
        if self.budget is None:
            return None
        if self.lower_is_better:
            return self.value <= self.budget
        return self.value >= self.budget

    def as_dict(self) -> dict:
        return {**asdict(self), "ok": self.ok}
