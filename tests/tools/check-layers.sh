#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# check-layers: the include rule between the layers (README "Source
# layout", ../shared/DESIGN.md "Layout"), checked on every #include of every
# file of the program.  Run by `make check-layers`, which `make test` runs.
#
#   parsers/        pure: parsers/ only; no SQLite, JSON, HTTP, git or curl
#   db/             parsers/ and db/; no server/, no HTTP, no git
#   server/triage/  the triage domain: parsers/, db/, server/triage/; never
#                   mail (server/mail/), the HTTP front end (server/http/,
#                   microhttpd.h) nor the commands (server/cmds.h)
#   server/mail/    mail, built on the domain: parsers/, db/, server/triage/,
#                   server/mail/; never the HTTP front end nor the commands
#   server/kcidb/   KCIDB interop, built on the domain: parsers/, db/,
#                   server/triage/, server/kcidb/; never mail, the HTTP
#                   front end nor the commands
#   server/http/    the HTTP front end: anything but the commands
#   server/*.c      the commands: anything
#
# usage: check-layers.sh [ROOT]   (default: the repository this script is in)
# Prints each file that breaks the rule with the include and the rule, and
# ends with one line "N passed, N failed" (one check per file).
set -u
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 1

# rule LAYER: the include patterns (extended regexps on the included path)
# that files of LAYER may not use
forbidden() {
	case $1 in
	parsers) echo '^(db|server)/|^(sqlite3|jansson|microhttpd|git2|curl/.*)\.h$' ;;
	db) echo '^server/|^(microhttpd|git2|curl/.*)\.h$' ;;
	triage) echo '^server/(mail/|http/|cmds\.h)|^microhttpd\.h$' ;;
	mail) echo '^server/(http/|cmds\.h)|^microhttpd\.h$' ;;
	kcidb) echo '^server/(mail/|http/|cmds\.h)|^microhttpd\.h$' ;;
	http) echo '^server/cmds\.h$' ;;
	*) echo '^$' ;;
	esac
}

layer_of() {
	case $1 in
	parsers/*) echo parsers ;;
	db/*) echo db ;;
	server/triage/*) echo triage ;;
	server/mail/*) echo mail ;;
	server/kcidb/*) echo kcidb ;;
	server/http/*) echo http ;;
	server/*) echo commands ;;
	esac
}

# Includes across the rule that are known and being removed (file:include);
# a new one fails, and so does an entry that no longer happens.
known=" "

passed=0
failed=0
for f in parsers/*.[ch] db/*.[ch] server/*.[ch] server/*/*.[ch]; do
	[ -f "$f" ] || continue
	layer=$(layer_of "$f")
	bad=$(forbidden "$layer")
	hits=$(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]\([^>"]*\)[>"].*/\1/p' "$f" |
		grep -E "$bad")
	for h in $hits; do
		case $known in
		*" $f:$h "*)
			hits=$(grep -vx "$h" <<<"$hits")
			known=${known/ $f:$h / }
			;;
		esac
	done
	if [ -n "$hits" ]; then
		failed=$((failed + 1))
		for h in $hits; do
			echo "check-layers: $f includes $h: $layer/ may not" \
				"(tests/tools/check-layers.sh)"
		done
	else
		passed=$((passed + 1))
	fi
done
for k in $known; do
	failed=$((failed + 1))
	echo "check-layers: $k is listed as known but no longer happens:" \
		"drop it from the list"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
