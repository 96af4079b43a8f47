#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# reform.sh: print a log (any transport, as found in the corpus) as a bug
# tracker or a mail client passed it on, for the transport tests.
#
# usage: reform.sh [-w WRAP] FILE
#   WRAP (a hard wrap; the continuation line has no prefix, no indentation):
#     arrow   "-> #N" alone, the class on the next line
#     held    a held lock's "#N:" and instance alone, the class on the next line
#     at      a lock line cut after ", at:", the site on the next line
#     phrase  "... is trying to acquire" / "lock:" and the other lock phrases
#     all     all of them
set -eu
wrap=""
while getopts "w:" opt; do
	case $opt in
	w) wrap=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || { echo "usage: reform.sh [-w WRAP] FILE" >&2; exit 2; }
case $wrap in "" | arrow | held | at | phrase | all) ;; *) echo "reform.sh: unknown wrap $wrap" >&2; exit 2 ;; esac

awk -v wrap="$wrap" '
function want(w) { return wrap == w || wrap == "all" }
# wrap the line at the blank at position i: the head keeps the prefix, the
# tail goes on a line of its own
function cut(i) {
	print substr($0, 1, i - 1)
	$0 = substr($0, i + 1)
}
{
	sub(/\r$/, "")
	if (want("arrow") && match($0, /-> #[0-9]+ \(/))
		cut(RSTART + RLENGTH - 2)
	else if (want("held") && match($0, /#[0-9]+: +([0-9a-f]+ +)?\(/))
		cut(RSTART + RLENGTH - 2)
	else if (want("at") && match($0, /\)\{[-+.?]+\}[^ ]*, at: [^ ]/))
		cut(RSTART + RLENGTH - 2)
	else if (want("phrase") && match($0, / is trying to acquire lock:$| is already holding lock:$/))
		cut(RSTART + RLENGTH - 6)
	else if (want("phrase") && match($0, / is leaving the kernel with locks still held!$/))
		cut(RSTART + RLENGTH - 12)
	print
}' "$1"
