#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5007-api-subsystem-names: a MAINTAINERS section whose name holds "/"
# (KVM/s390, ARM/...) has its signatures at
# /api/v1/subsystems/NAME/signatures, "/" sent encoded (%2F, which
# libmicrohttpd decodes before routing) or not; a name no signature has
# among its owners is 404, not an empty section.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

minikernel "$TMP/kernel"
# the seed's first owner, renamed as real sections are
sed -i 's|^CORETEMP HARDWARE MONITORING DRIVER$|HWMON/CORETEMP DRIVER (x86/intel)|' \
	"$TMP/kernel/MAINTAINERS"
git -C "$TMP/kernel" -c user.name=t -c user.email=t@t commit -qam 'a section with /'
check "the section is renamed" grep -qx 'HWMON/CORETEMP DRIVER (x86/intel)' \
	"$TMP/kernel/MAINTAINERS"
CI=$(token ci1 ci)
start_server --kernel-tree "$TMP/kernel"
post_log "$CI" "id=r-1&machine=m1" "$SEED" >/dev/null
get "$BASE/api/v1/subsystems" >/dev/null
check_eq "the list names the section" 1 \
	"$(body '[.subsystems[].name] | map(select(. == "HWMON/CORETEMP DRIVER (x86/intel)")) | length')"
URL=$(body '.subsystems[] | select(.name == "HWMON/CORETEMP DRIVER (x86/intel)") | .url')
check_eq "its url encodes the slash" \
	'/api/v1/subsystems/HWMON%2FCORETEMP%20DRIVER%20%28x86%2Fintel%29/signatures' "$URL"
check_eq "its url answers" 200 "$(get "$BASE$URL")"
check_eq "with the seed" "HWMON/CORETEMP DRIVER (x86/intel) 1" \
	"$(body .subsystem) $(body '.signatures | length')"
check_eq "the slashes sent as they are" "200 1" \
	"$(get "$BASE/api/v1/subsystems/HWMON/CORETEMP%20DRIVER%20(x86/intel)/signatures") $(body '.signatures | length')"
check_eq "a section without a slash still answers" "200 1" \
	"$(get "$BASE/api/v1/subsystems/HARDWARE%20MONITORING/signatures") $(body '.signatures | length')"
check_eq "a name no signature has is 404" "404 not_found" \
	"$(get "$BASE/api/v1/subsystems/NOPE/signatures") $(body .error)"
check_eq "so is one with a slash" 404 \
	"$(get "$BASE/api/v1/subsystems/NO%2FPE/signatures")"
check_eq "the trend is not a section's signatures" 200 \
	"$(get "$BASE/api/v1/subsystems/trend")"
check_eq "HEAD too" 200 "$(curl -s -o /dev/null -I -w '%{http_code}' "$BASE$URL")"
stop_server
finish
