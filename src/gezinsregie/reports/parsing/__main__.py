"""Try the parser on a file: `python -m gezinsregie.reports.parsing RAPPORT.txt [--follow-up] [--framework KADER.yaml]`.

Prints the parsed report as JSON (the shape of ParsedReport.as_dict()); exit status 2 with the Dutch
message when the file cannot be read as a report.
"""

import argparse
import json
import sys
from pathlib import Path

from gezinsregie.reports.parsing.errors import FrameworkSpecError, ReportParseError
from gezinsregie.reports.parsing.follow_up import parse_follow_up
from gezinsregie.reports.parsing.framework import framework_spec_from_yaml
from gezinsregie.reports.parsing.report import parse_report

DEFAULT_FRAMEWORK = Path(__file__).resolve().parents[2] / "frameworks" / "data" / "stj-ggsr-2013.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gezinsregie.reports.parsing", description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--framework", type=Path, default=DEFAULT_FRAMEWORK)
    parser.add_argument("--follow-up", action="store_true", help="verbeterpuntenoverzicht (Indicator | 2013 | 2014)")
    args = parser.parse_args(argv)
    try:
        framework = framework_spec_from_yaml(args.framework)
        text = args.file.read_bytes().decode("utf-8")
        if args.follow_up:
            result: object = [row.as_dict() for row in parse_follow_up(text, framework)]
        else:
            result = parse_report(text, framework).as_dict()
    except (OSError, UnicodeDecodeError, FrameworkSpecError, ReportParseError) as error:
        print(error, file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
