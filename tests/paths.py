"""Paths the tests read: the repository, the package, the shipped framework and the published documents."""

from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
PACKAGE = REPOSITORY / "src" / "gezinsregie"
FRAMEWORK_FILE = PACKAGE / "frameworks" / "data" / "stj-ggsr-2013.yaml"
# The published inspection documents (Oosterhout, Maastricht, Zwolle), as the demo imports them.
DOCUMENTS = PACKAGE / "demo" / "data"
FACTSHEET = DOCUMENTS / "factsheet-oosterhout-gezinsmanager-2013.txt"
NOTA = DOCUMENTS / "nota-van-bevindingen-maastricht-2014.txt"
FOLLOW_UP = DOCUMENTS / "verbeterpunten-zwolle-2015.txt"
AXE = REPOSITORY / "node_modules" / "axe-core" / "axe.min.js"
MANAGE = REPOSITORY / "manage.py"
