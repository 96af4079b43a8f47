#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# repaste.sh: print a log (any transport, as found in the corpus) as a bug
# tracker, a mail client or a line-numbering viewer passed it on, for the
# transport tests.
#
# usage: repaste.sh [-w WRAP] [-n VIEW] [-q QUOTE] FILE
#   WRAP (a hard wrap; the continuation line has no prefix, no indentation):
#     arrow   "-> #N" alone, the class on the next line
#     held    a held lock's "#N:" and instance alone, the class on the next line
#     at      a lock line cut after ", at:", the site on the next line
#     phrase  "... is trying to acquire" / "lock:" and the other lock phrases
#     all     all of them
#   VIEW (a line number before every line, counted from 359):
#     cat     cat -n, nl: "%6d<TAB>"
#     less    less -N: "%7d "
#     vim     an editor: the number right-aligned in 3 columns or more, " "
#   QUOTE: put before every line last (a mail quoting the paste), e.g. "> "
set -eu
wrap="" view="" quote=""
while getopts "w:n:q:" opt; do
	case $opt in
	w) wrap=$OPTARG ;;
	n) view=$OPTARG ;;
	q) quote=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || { echo "usage: repaste.sh [-w WRAP] [-n VIEW] [-q QUOTE] FILE" >&2; exit 2; }
case $wrap in "" | arrow | held | at | phrase | all) ;; *) echo "reform.sh: unknown wrap $wrap" >&2; exit 2 ;; esac
case $view in "" | cat | less | vim) ;; *) echo "reform.sh: unknown view $view" >&2; exit 2 ;; esac

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
}' "$1" | awk -v view="$view" -v quote="$quote" '
{
	if (view == "cat") printf "%s%6d\t%s\n", quote, NR + 358, $0
	else if (view == "less") printf "%s%7d %s\n", quote, NR + 358, $0
	else if (view == "vim") printf "%s%3d %s\n", quote, NR + 358, $0
	else print quote $0
}'
