"""SMS: a pluggable gateway (console, RapidPro, Africa's Talking), members' phone
numbers and opt-in, the message log, short links and the inbound STOP webhooks."""
