"""The demo site that ``seed_demo`` builds: French pages with their English
translations, accounts, answers, charts and discussions.

One module per app, run in dependency order by the command; the texts live in
``demo.content``. Objects are made with the same factories as the tests
(``*/factories.py``). Tests never depend on this data, except those in
``tests/demo/`` which check the demo itself.
"""
