/* decoder: the interface of one syscall family's printer. Capture steps read the tracee while
 * it is stopped; render steps print from the record only. Every step may be NULL. */
#ifndef ESTRACE_DECODER_H
#define ESTRACE_DECODER_H

#include "decode/call.h"
#include "print/quote.h"
#include "util/buf.h"

struct decoder {
	void (*capture_entry)(struct call *c, pid_t pid);
	/* the arguments known at entry, after "name(" */
	void (*render_entry)(const struct call *c, struct buf *b);
	void (*capture_exit)(struct call *c, pid_t pid);
	/* the rest of the arguments, before ")" */
	void (*render_exit)(const struct call *c, struct buf *b);
	/* the return value after "= "; NULL: decimal, or -1 ERRNO (text) */
	void (*render_ret)(const struct call *c, struct buf *b);
};

/* Shared pieces for decoders. */
void render_ret_default(const struct call *c, struct buf *b);
/* "-1 ENOENT (No such file or directory)" / "? ERESTARTSYS (...)"; 0 when c succeeded */
int render_error(const struct call *c, struct buf *b);
void render_ptr(struct buf *b, uint64_t addr);          /* NULL or 0x... */
void render_int(struct buf *b, uint64_t v);             /* the low 32 bits, signed */
/* a signal argument: an int to the kernel, so -5 and 2147483647 print as such */
void render_signal(struct buf *b, int sig);
void render_str(const struct call *c, struct buf *b, const struct cstr *s, bool path);
/* bytes in quotes, cut at -s with "..." after the closing quote */
void render_quoted(struct buf *b, const char *s, size_t len, enum quote_style style);
/* argv-style array: ["a", "b", ...] per the -s rules */
void render_array(const struct call *c, struct buf *b, const struct carray *a);
/* envp unless -v: 0x... / * N vars * / */
void render_env(const struct call *c, struct buf *b, const struct carray *a);

/* capture helpers */
void capture_str(struct call *c, pid_t pid, uint64_t addr, bool path);
void capture_array(struct call *c, pid_t pid, int slot, uint64_t addr, bool count_only);

#endif
