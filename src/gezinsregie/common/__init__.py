"""The ground floor: helpers every domain app may use (form widgets and error plumbing, charts, counts, dates).

It imports no domain app: the layers contract (import-linter, see pyproject.toml) keeps it so.
"""
