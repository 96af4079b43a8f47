#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# rerender.sh: print a clean kernel report (logical lines, no transport) as
# another transport would have shown it, optionally with other addresses,
# offsets, #N class suffixes and kernel release, for invariance tests.
#
# usage: rerender.sh [-p STYLE] [-t SECONDS] [-l LEVEL] [-c CALLER] [-q QUOTE]
#                    [-a] [-o] [-n] [-r RELEASE] FILE
#   STYLE: none console level caller dmesg-caller journal syslog monotonic
#          kmsg (default console)
#   -a other addresses, -o other offsets, -n add #N suffixes to the seed's
#   lock classes, -r replace the seed's kernel release.
set -eu
style=console t0=6.928112 level=4 caller=T15 quote="" addr=0 offs=0 suffix=0
release=""
while getopts "p:t:l:c:q:aonr:" opt; do
	case $opt in
	p) style=$OPTARG ;;
	t) t0=$OPTARG ;;
	l) level=$OPTARG ;;
	c) caller=$OPTARG ;;
	q) quote=$OPTARG ;;
	a) addr=1 ;;
	o) offs=1 ;;
	n) suffix=1 ;;
	r) release=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || { echo "usage: rerender.sh [options] FILE" >&2; exit 2; }

sedargs=(-e 's/\r$//')
[ "$addr" = 1 ] && sedargs+=(-e 's/(ffff[0-9a-f]{4})[0-9a-f]{4}([0-9a-f]{4})/\1c0de\2/g')
[ "$offs" = 1 ] && sedargs+=(-e 's/\+0x[0-9a-f]+\/0x[0-9a-f]+/+0x2a\/0x3c0/g')
[ "$suffix" = 1 ] && sedargs+=(-e 's/cpu_hotplug_lock/&#3/g' \
	-e 's/cpuhp_state-up/&#2/g' -e 's/bus_notifier\)->rwsem/&#12/g')
[ -n "$release" ] && sedargs+=(-e "s/6\.0\.0-rc6-CI_DRM_12164-ga1f63e144e54\+/$release/g")

sed -E "${sedargs[@]}" "$1" | awk -v style="$style" -v t0="$t0" \
	-v level="$level" -v caller="$caller" -v quote="$quote" '
BEGIN { us = int(t0 * 1000000 + 0.5); seq = 4711 }
{
	s = int(us / 1000000); f = us % 1000000
	ts = sprintf("[%5d.%06d]", s, f)
	if (style == "none") p = ""
	else if (style == "console") p = ts " "
	else if (style == "level") p = "<" level ">" ts " "
	else if (style == "caller") p = ts sprintf("[%6s] ", caller)
	else if (style == "dmesg-caller") p = ts " " sprintf("[%6s] ", caller)
	else if (style == "journal") p = "Oct 05 11:25:" sprintf("%02d", 10 + s % 50) " shard-tglb1 kernel: "
	else if (style == "syslog") p = "Oct  5 11:25:" sprintf("%02d", 10 + s % 50) " shard-tglb1 kernel: " ts " "
	else if (style == "monotonic") p = ts " kernel: "
	else if (style == "kmsg") p = level "," seq++ "," us ",-;"
	else { print "rerender.sh: unknown style " style > "/dev/stderr"; exit 2 }
	print quote p $0
	us += 3
}'
