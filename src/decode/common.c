/* common: the call record and the argument printers every decoder shares. */
#include "decode/decoder.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem/umem.h"
#include "opt/filter.h"
#include "opt/options.h"
#include "print/quote.h"
#include "print/xlat.h"
#include "util/die.h"

/* strace reads a pathname up to PATH_MAX bytes and ignores -s for it; estrace reads it whole. */
#define PATH_READ_MAX SIZE_MAX

void call_reset(struct call *c)
{
	buf_reset(&c->mem);
	buf_reset(&c->frames);
	c->nstrs = 0;
	c->exited = false;
	c->rval = 0;
	c->fd.known = false;
}

void call_free(struct call *c)
{
	buf_free(&c->mem);
	buf_free(&c->frames);
	free(c->strs);
	c->strs = NULL;
	c->nstrs = c->strs_cap = 0;
}

struct cstr *call_new_str(struct call *c)
{
	if (c->nstrs == c->strs_cap) {
		c->strs_cap = c->strs_cap ? c->strs_cap * 2 : 16;
		c->strs = xrealloc(c->strs, c->strs_cap * sizeof(*c->strs));
	}
	struct cstr *s = &c->strs[c->nstrs++];
	*s = (struct cstr){ 0 };
	return s;
}

static size_t word_size(const struct call *c)
{
	return c->abi == ABI_I386 ? 4 : 8;
}

/* ---- capture ---- */

static void capture_str_into(struct call *c, pid_t pid, struct cstr *s, uint64_t addr, bool path)
{
	s->addr = addr;
	s->off = c->mem.len;
	size_t max = path || !opt.strlen_given ? PATH_READ_MAX : opt.max_strlen + 1;
	s->err = umem_read_str(pid, addr, max, &c->mem, &s->complete);
	s->len = c->mem.len - s->off;
	buf_addc(&c->mem, '\0');   /* keeps later strings apart; not part of s */
}

void capture_str(struct call *c, pid_t pid, uint64_t addr, bool path)
{
	capture_str_into(c, pid, call_new_str(c), addr, path);
}

/* The pointers of the array at addr, until NULL, cap or a fault: the rest of the first page,
 * then a page, and four times more each read up to 32 pages: a short array that crosses a page
 * costs two small reads, a long argv a few reads, not one per page. */
static void read_pointers(struct call *c, pid_t pid, struct carray *a, size_t cap,
			  uint64_t **ptrs, size_t *nptrs, size_t *ptrs_cap)
{
	enum { CHUNK = 32 * 4096 };
	static unsigned char *chunk;   /* scratch: capture runs on the hot path */
	if (!chunk)
		chunk = xmalloc(CHUNK);
	size_t ws = word_size(c);
	uint64_t at = a->addr;
	size_t want = 4096 - (at & 4095), next = 4096;
	for (;; want = next, next = next * 4 < CHUNK ? next * 4 : CHUNK) {
		size_t got;
		int err = umem_read_some(pid, at, chunk, want, &got);
		got -= got % ws;
		if (err || got == 0) {
			if (at == a->addr)
				a->err = err ? err : -EFAULT;
			else {
				a->unterminated = true;
				a->stop_addr = at;
			}
			return;
		}
		for (size_t i = 0; i < got; i += ws) {
			uint64_t p = ws == 8 ? *(uint64_t *)(chunk + i) : *(uint32_t *)(chunk + i);
			if (p == 0)
				return;
			if (a->count == cap) {
				a->more = true;
				return;
			}
			a->count++;
			if (!ptrs)
				continue;
			if (*nptrs == *ptrs_cap) {
				*ptrs_cap = *ptrs_cap ? *ptrs_cap * 2 : 256;
				*ptrs = xrealloc(*ptrs, *ptrs_cap * sizeof(**ptrs));
			}
			(*ptrs)[(*nptrs)++] = p;
		}
		at += got;
	}
}

void capture_array(struct call *c, pid_t pid, int slot, uint64_t addr, bool count_only)
{
	/* scratch reused across calls: capture runs on the hot path */
	static uint64_t *ptrs;
	static size_t ptrs_cap;
	static struct umem_str *res;
	static size_t res_cap;

	struct carray *a = &c->arrays[slot];
	*a = (struct carray){ .addr = addr, .first = c->nstrs };
	if (addr == 0 || !verbose_wanted(c->id))
		return;   /* -e verbose=none prints the array as its address */
	size_t cap = opt.strlen_given && abbrev_wanted(c->id) && !count_only ? opt.max_strlen : SIZE_MAX;
	size_t n = 0;
	read_pointers(c, pid, a, cap, count_only ? NULL : &ptrs, &n, &ptrs_cap);
	if (count_only || n == 0)
		return;
	if (n > res_cap) {
		res_cap = n;
		res = xrealloc(res, res_cap * sizeof(*res));
	}
	size_t max = opt.strlen_given ? opt.max_strlen + 1 : SIZE_MAX;
	umem_read_strings(pid, ptrs, n, max, &c->mem, res);
	for (size_t i = 0; i < n; i++) {
		struct cstr *s = call_new_str(c);
		*s = (struct cstr){ .addr = ptrs[i], .err = res[i].err, .complete = res[i].complete,
				    .off = res[i].off, .len = res[i].len };
	}
}

/* ---- render ---- */

void render_ptr(struct buf *b, uint64_t addr)
{
	if (addr)
		buf_printf(b, "%#" PRIx64, addr);
	else
		buf_adds(b, "NULL");
}

void render_int(struct buf *b, uint64_t v)
{
	buf_printf(b, "%d", (int)(uint32_t)v);
}

void render_signal(struct buf *b, int sig)
{
	char num[16];
	snprintf(num, sizeof(num), "%d", sig);
	xlat_named(b, signal_name(sig), num);
}

void render_str(const struct call *c, struct buf *b, const struct cstr *s, bool path)
{
	if (s->err || (!s->complete && (path || !opt.strlen_given))) {
		render_ptr(b, s->addr);
		return;
	}
	if (path)
		quote_string(b, c->mem.data + s->off, s->len, opt.quote);
	else
		render_quoted(b, c->mem.data + s->off, s->len, opt.quote);
}

void render_quoted(struct buf *b, const char *s, size_t len, enum quote_style style)
{
	bool cut = opt.strlen_given && len > opt.max_strlen;
	quote_string(b, s, cut ? opt.max_strlen : len, style);
	if (cut)
		buf_adds(b, "...");
}

void render_array(const struct call *c, struct buf *b, const struct carray *a)
{
	if (a->addr == 0 || a->err || !verbose_wanted(c->id)) {
		render_ptr(b, a->addr);
		return;
	}
	buf_addc(b, '[');
	for (size_t i = 0; i < a->count; i++) {
		const struct cstr *s = &c->strs[a->first + i];
		if (i)
			buf_adds(b, ", ");
		render_str(c, b, s, false);
	}
	if (a->more)
		buf_adds(b, a->count ? ", ..." : "...");
	if (a->unterminated)
		buf_printf(b, "%s... /* %#" PRIx64 " */", a->count ? ", " : "", a->stop_addr);
	buf_addc(b, ']');
}

void render_env(const struct call *c, struct buf *b, const struct carray *a)
{
	if (!abbrev_wanted(c->id) || !verbose_wanted(c->id)) {
		render_array(c, b, a);
		return;
	}
	render_ptr(b, a->addr);
	if (a->addr == 0 || a->err)
		return;
	buf_printf(b, " /* %zu var%s%s */", a->count, a->count == 1 ? "" : "s",
		   a->unterminated ? ", unterminated" : "");
}

int render_error(const struct call *c, struct buf *b)
{
	int64_t r = c->rval;
	if (r >= 0 || r < -4095)
		return 0;
	int err = (int)-r;
	const char *name = errno_name(err);
	/* restarted by the kernel, never seen by the program: "?" as strace prints them, except
	 * under -e raw=, where they are plain errors with libc's text ("Unknown error 512") */
	bool restart = err == 512 || err == 513 || err == 514 || err == 516;
	if (name && restart && raw_wanted(c->id))
		buf_printf(b, "-1 %s (%s)", name, strerror(err));
	else if (name)
		buf_printf(b, "%s %s (%s)", restart ? "?" : "-1", name, errno_text(err));
	else
		buf_printf(b, "-1 (errno %d)", err);
	return 1;
}

void render_ret_default(const struct call *c, struct buf *b)
{
	if (!render_error(c, b))
		buf_printf(b, "%" PRId64, c->rval);
}
