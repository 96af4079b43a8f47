#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# reform.sh: print a real report (any transport, as in ../shared/corpus) in
# one of the forms lockdep reports take in the field, for tests/t0106.  It
# works on the text as it is: prefixes and quoting are kept, inserted lines
# take the prefix of the line they follow.
#
# usage: reform.sh FORM FILE [LAST]
#   ptrval       instance and [<...>] addresses printed as (____ptrval____)
#                (16 hex digits) or (ptrval) (8 hex digits), as %p prints
#                them before its hashing key is ready
set -eu
[ $# -ge 2 ] || { echo "usage: reform.sh FORM FILE [LAST]" >&2; exit 2; }
form=$1 file=$2 last=${3:-0}

case $form in
ptrval)
	perl -pe 's/\[<[0-9a-f]{16}>\]/[<(____ptrval____)>]/g;
		s/\[<[0-9a-f]{8}>\]/[<(ptrval)>]/g;
		s/(?<![0-9A-Za-z_])[0-9a-f]{16}(?= \()/(____ptrval____)/g;
		s/(?<![0-9A-Za-z_])[0-9a-f]{8}(?= \()/(ptrval)/g;
		s/[0-9a-f]{16}-[0-9a-f]{16},/(____ptrval____)-(____ptrval____),/g' "$file"
	;;
*)
	echo "reform.sh: unknown form $form" >&2
	exit 2
	;;
esac
