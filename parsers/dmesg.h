/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmesg: logical kernel lines out of any transport (console, dmesg -r/-x/-H/-T,
 * journalctl, syslog, /dev/kmsg records, e-mail quotes, quoted-printable).
 *
 * Feed bytes in chunks of any size; the callback receives one logical line at
 * a time with the transport stripped and wrapped lines rejoined.  Memory is
 * bounded by DMESG_MAX_LINE, never by the size of the log.  A line's text
 * may point into the buffer given to dmesg_feed(): it is valid only during
 * the callback and is bounded by its length, not by a NUL.
 */
#ifndef SPLATD_DMESG_H
#define SPLATD_DMESG_H

#include <stdbool.h>
#include <stddef.h>

/* Longer physical lines are truncated to this many bytes, but for one that
 * opens a JSON document: it is read member by member (dmesg_json.c). */
#define DMESG_MAX_LINE (16 * 1024)

/*
 * The form of a line's transport prefix: the kernel's own console or dmesg
 * time stamp, a /dev/kmsg record, syslog's or the journal's "host kernel:"
 * (a journal record too).  One report's lines come on one of them, so a
 * second report that another transport interleaves line by line is kept
 * apart by it (lockdep.c).  NONE: no prefix, or one that tells no stream
 * (dmesg -H/-T/-x, a bare "kernel:").
 */
enum dmesg_stream {
	DMESG_STREAM_NONE,
	DMESG_STREAM_CONSOLE,
	DMESG_STREAM_KMSG,
	DMESG_STREAM_SYSLOG,
};

struct dmesg_line {
	const char *text; /* no transport prefix; NOT NUL-terminated */
	size_t len;
	unsigned long first; /* first physical input line (1-based) */
	unsigned long last; /* last physical input line it came from */
	const char *raw; /* physical line(s) as read, '\n'-joined, no NUL */
	size_t raw_len;
	char caller[16]; /* "T15", "C2" or "" */
	int level; /* syslog level 0-7, or -1 when not printed */
	bool prefixed; /* a transport prefix (timestamp, ...) was seen */
	/* the kernel's time stamp ("[ 50.000120]", a /dev/kmsg record's
	 * usec) in microseconds plus one; 0 when the line had none */
	unsigned long long ts;
	int stream; /* enum dmesg_stream */
	/* a copy of the line delivered before it (dmesg_copy.c), delivered
	 * only to a consumer that asked (dmesg_keep_copies()) */
	bool copy;
};

struct dmesg;

/* Return non-zero from the callback to stop; dmesg_feed then returns it. */
typedef int (*dmesg_line_fn)(void *ctx, const struct dmesg_line *line);

/*
 * Optional: asked about an ordinary console line ("<N>[ ts] [Tn] text") before
 * it is assembled; return true when text (len bytes, not NUL-terminated)
 * cannot matter to the consumer right now, and the line is dropped.  It is
 * only asked about lines that would reach the callback whole and alone, so a
 * consumer that ignores exactly those lines sees no difference.
 */
typedef bool (*dmesg_skip_fn)(void *ctx, const char *text, size_t len);

struct dmesg *dmesg_new(dmesg_line_fn fn, void *ctx);
void dmesg_set_skip(struct dmesg *d, dmesg_skip_fn skip);
/*
 * Deliver a line that a second transport repeats at once with .copy set,
 * instead of dropping it: the consumer that keeps streams apart tells a
 * copy from a line of another report that says the same (lockdep.c).
 */
void dmesg_keep_copies(struct dmesg *d);
int dmesg_feed(struct dmesg *d, const char *buf, size_t len);
/* Flush the last (unterminated or pending) line. */
int dmesg_finish(struct dmesg *d);
void dmesg_free(struct dmesg *d);
/* Back to a fresh state for the next log, keeping the buffers it grew. */
void dmesg_reset(struct dmesg *d);

/* Bytes fed so far, and physical lines seen (for diagnostics and metrics). */
unsigned long long dmesg_bytes(const struct dmesg *d);
unsigned long dmesg_lines(const struct dmesg *d);
/* The longest physical line so far in bytes (before any cap; a CR right
 * before its LF is the line's end, not counted), and whether a NUL byte was
 * seen: what a caller that refuses such input checks. */
size_t dmesg_longest_line(const struct dmesg *d);
bool dmesg_saw_nul(const struct dmesg *d);

#endif
