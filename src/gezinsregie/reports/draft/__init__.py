"""The self-assessment as a draft report (issue 13 §5): a draft factsheet and a draft case-level annex."""
