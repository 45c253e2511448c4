"""The facilitators' participation dashboard, and the last visits it reports."""
