"""The pure core: what a mail is, who sent it, what it asks, what it does to a case, and the reply it calls
for. No I/O of its own (the clock and the case come in as values) and none of the shell's libraries
(SQLAlchemy, imapclient, rich, typer, apprise): the contracts in pyproject.toml, run by tests/test_layers.py."""
