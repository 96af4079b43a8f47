// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_kcidb: libFuzzer target for server/kcidb/document, the KCIDB
 * document reader.  The whole input is a document.  Invariants: no crash
 * or leak; a refusal says where ("$..."); a document read has every id,
 * origin and parent id of its objects, and no excerpt over the schema's
 * cap.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "server/kcidb/document.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct kcidb_limits lim = { 1 << 20, 1000, 1 << 16 };
	struct strbuf err = STRBUF_INIT;
	struct kcidb_doc doc;
	size_t i;

	if (kcidb_doc_parse(&doc, (const char *)data, size, &lim, &err)) {
		if (err.buf[0] != '$')
			abort();
	} else {
		if (doc.major != 4 && doc.major != 5)
			abort();
		for (i = 0; i < doc.ncheckouts; i++)
			if (!doc.checkouts[i].id || !doc.checkouts[i].origin)
				abort();
		for (i = 0; i < doc.nbuilds; i++)
			if (!doc.builds[i].id || !doc.builds[i].checkout_id)
				abort();
		for (i = 0; i < doc.ntests; i++)
			if (!doc.tests[i].id || !doc.tests[i].build_id ||
			    doc.tests[i].log_excerpt_len >
				    4 * KCIDB_MAX_EXCERPT)
				abort();
	}
	kcidb_doc_release(&doc);
	strbuf_release(&err);
	return 0;
}
