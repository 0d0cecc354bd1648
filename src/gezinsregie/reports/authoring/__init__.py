"""What the inspector writes into a report beside the inspection's texts: the typering of the approach (figures 3,
6 and 8 of the 21-municipality report) and the nota's subsections per theme with their conclusions and the
learning meeting. services.py writes (also for the report import), forms.py and views.py are the pages."""
