// SPDX-License-Identifier: GPL-2.0
/* signature: the identity of a lockdep report, algorithm version 1 (stub). */
#include "parsers/signature.h"

#include <string.h>

int signature_compute(struct signature *sig, const struct lockdep_report *r,
		      struct arena *a)
{
	memset(sig, 0, sizeof(*sig));
	sig->algo_version = SIGNATURE_ALGO_VERSION;
	memcpy(sig->hex, "0000000000000000", SIGNATURE_HEX_LEN + 1);
	sig->title = "";
	return 0;
}

const char *signature_class_normalize(const char *name, struct arena *a)
{
	return arena_strdup(a, name);
}

const char *signature_symbol_base(const char *sym, struct arena *a)
{
	return arena_strdup(a, sym);
}

bool signature_frame_is_plumbing(const char *function)
{
	return false;
}
