/* SPDX-License-Identifier: GPL-2.0 */
/*
 * version: which splatd this is, baked in by the Makefile at build time
 * (VERSION and `git describe`), for --version and GET /healthz.
 */
#ifndef SPLATD_VERSION_H
#define SPLATD_VERSION_H

/* "0.17": the release. */
const char *version_release(void);
/* "v0.17-3-g790eb2e", "790eb2e-dirty", or "no git" when not built from git. */
const char *version_commit(void);
/* The one --version line: "splatd 0.17 (790eb2e)". */
const char *version_line(void);

#endif
