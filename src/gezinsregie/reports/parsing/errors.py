"""The one error the parsers raise: the input cannot be read as a report (Dutch message for the user)."""


class ReportParseError(ValueError):
    """Unreadable input: empty, not text, no recognisable table, or nothing matches the framework."""


class FrameworkSpecError(ValueError):
    """A framework file or structure that cannot be turned into a FrameworkSpec."""
