"""Fill the @NAME@ placeholders of a file in deploy/ and print it (or write it with --out).

    python deploy/render.py deploy/nginx/portal.conf SERVER_NAME=dangbo.example.gov.vn \\
        UPSTREAM=unix:/run/portal/gunicorn.sock ... --out /etc/nginx/sites-available/portal

Every placeholder must be given, and every value must be used: a typo stops here, not in nginx at 3 a.m.
The defaults below are the layout deploy/README.md describes (the portal in /srv/portal).
"""

import argparse
import re
import sys
from pathlib import Path

PLACEHOLDER = re.compile(r"@([A-Z][A-Z0-9_]*)@")
DEFAULTS = {
    "HTTP_LISTEN": "80",
    "HTTPS_LISTEN": "443",
    "UPSTREAM": "unix:/run/portal/gunicorn.sock",
    "CACHE_DIR": "/var/cache/nginx/portal",
    "STATIC_ROOT": "/srv/portal/var/staticfiles",
    "MEDIA_ROOT": "/srv/portal/var/media",
}


def render(template: str, values: dict[str, str]) -> str:
    wanted = set(PLACEHOLDER.findall(template))
    values = {**{key: value for key, value in DEFAULTS.items() if key in wanted}, **values}
    missing, unused = wanted - values.keys(), values.keys() - wanted
    if missing or unused:
        raise ValueError(f"missing: {sorted(missing)}; not in the file: {sorted(unused)}")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("template", type=Path)
    parser.add_argument("values", nargs="*", metavar="NAME=VALUE")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    values = dict(item.split("=", 1) for item in args.values)
    try:
        text = render(args.template.read_text(), values)
    except ValueError as error:
        parser.error(str(error))
    if args.out:
        args.out.write_text(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
