"""Who may see a cycle's results: the publication gate, as a pure function."""

from districts.roles import Role, has_role, is_facilitator


def can_view_results(user, *, published: bool, public: bool) -> bool:
    """Facilitators always (to prepare them); once a facilitator publishes them,
    every signed-in participant (HDMT members, policymakers); anonymous visitors
    only when the facilitator also made them public."""
    if is_facilitator(user):
        return True
    if not published:
        return False
    if public:
        return True
    return has_role(user, Role.HDMT_MEMBER) or has_role(user, Role.POLICYMAKER)
