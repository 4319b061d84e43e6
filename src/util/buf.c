/* buf: growable byte buffer (see buf.h for the invariants). */
#include "util/buf.h"

#include <stdio.h>
#include <string.h>

#include "util/die.h"

static char empty_data[1];

void buf_init(struct buf *b)
{
	b->data = empty_data;
	b->len = 0;
	b->cap = 0;
}

void buf_free(struct buf *b)
{
	if (b->cap)
		free(b->data);
	buf_init(b);
}

void buf_reset(struct buf *b)
{
	if (!b->data)
		buf_init(b);
	b->len = 0;
	b->data[0] = '\0';
}

void buf_grow(struct buf *b, size_t extra)
{
	if (!b->data)
		buf_init(b);
	if (b->len + extra < b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap <= b->len + extra)
		cap *= 2;
	if (b->cap) {
		b->data = xrealloc(b->data, cap);
	} else {
		b->data = xmalloc(cap);
		b->data[0] = '\0';
	}
	b->cap = cap;
}

void buf_add(struct buf *b, const void *p, size_t n)
{
	char *tail = buf_tail(b, n);   /* even for n == 0: data is then a valid empty string */
	if (n)   /* p may be NULL when n is 0, which memcpy does not allow */
		memcpy(tail, p, n);
	buf_commit(b, n);
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(struct buf *b, char c)
{
	*buf_tail(b, 1) = c;
	buf_commit(b, 1);
}

void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char *tail = buf_tail(b, 64);
	int n = vsnprintf(tail, b->cap - b->len, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		die("internal error: bad format '%s'", fmt);
	if ((size_t)n >= b->cap - b->len) {
		tail = buf_tail(b, n);
		vsnprintf(tail, b->cap - b->len, fmt, ap);
	}
	buf_commit(b, n);
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}
