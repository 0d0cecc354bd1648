"""The aggregate report over many approaches (Rapportage 21 gemeenten 2013): rules.py counts (pure),
selectors.py reads the published inspections, exports.py writes CSV and XLSX, views.py shows it."""
