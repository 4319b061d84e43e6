/* buf: a growable byte buffer, the one container for everything read from a tracee or printed.
 *
 * Invariants: data[len] == '\0' always (so data is a C string when no NUL was appended);
 * len < cap; data is never NULL after buf_init. A buf owns data; buf_free releases it and
 * leaves an empty, reusable buf. Growth never fails: allocation failure is fatal (util/die.h). */
#ifndef ESTRACE_BUF_H
#define ESTRACE_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);                  /* len = 0, keeps the storage */
void buf_grow(struct buf *b, size_t extra);     /* room for extra more bytes */
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);

/* Room for n bytes at the end; the caller writes them and calls buf_commit(b, n). */
static inline char *buf_tail(struct buf *b, size_t n)
{
	buf_grow(b, n);
	return b->data + b->len;
}

static inline void buf_commit(struct buf *b, size_t n)
{
	b->len += n;
	b->data[b->len] = '\0';
}

#endif
