/* out: where trace lines go, and the line discipline (pid prefix, return-value column,
 * "<unfinished ...>" / "<... NAME resumed>").
 *
 * An out is one destination: stderr, the -o file, or one -ff file per tracee. Bytes are
 * buffered and written at out_flush_all (the tracer calls it before it blocks). At most one
 * tracee owns the open (unterminated) line of an out; when another tracee begins a line, the
 * owner's line is ended with " <unfinished ...>" and resumes later as "<... NAME resumed>". */
#ifndef ESTRACE_OUT_H
#define ESTRACE_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "sysent.h"
#include "util/buf.h"

struct tracee;

struct out {
	int fd;
	struct buf pending;          /* written at flush */
	size_t col;                  /* bytes since the last newline, for alignment */
	const struct tracee *owner;  /* who has an unterminated line here, or NULL */
	struct out *next;            /* registry of all outs, for out_flush_all */
	char *name;                  /* as the user gave it, for a failed write; NULL: not told */
	bool write_failed;           /* said so already */
};

struct out *out_open_fd(int fd);
/* An out that drops everything: the trace under -c, which prints only the summary. */
struct out *out_open_null(void);
/* Open (truncate, or append) a file for trace output; dies with a clear message on error. */
struct out *out_open_file(const char *path, bool append);
/* A shell command reading the trace on its standard input (-o '|CMD', the name); *pid is its
 * pid. */
struct out *out_open_pipe(const char *command, const char *name, pid_t *pid);
void out_close(struct out *o);
void out_flush_all(void);

/* Raw text on a tracee's line; keeps the column count. */
void out_add(struct out *o, const char *s, size_t n);
void out_puts(struct out *o, const char *s);
void out_printf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Text appended straight to an out's buffer (no copy): out_text_begin gives the buffer and a
 * mark, out_text_end accounts for what was appended since the mark. */
struct buf *out_text_begin(struct out *o, size_t *mark);
void out_text_end(struct out *o, size_t mark);

/* The pid prefix layout, chosen once from the options. */
enum prefix_mode {
	PREFIX_STDERR,   /* "[pid  N] " while more than one tracee is alive */
	PREFIX_FILE,     /* "N     " on every line (-o FILE with -f) */
	PREFIX_NONE,     /* -ff files, or -o without -f */
};
/* Everything printed before a line's text, chosen once from the options. */
struct line_layout {
	enum prefix_mode prefix;
	bool always_pid;       /* --always-show-pid: the prefix with one tracee too */
	bool comm;             /* -Y: "1234<comm>" in the prefix */
	int column;            /* -a */
	int stamps;            /* 0; 1 time of day; 2 seconds since the epoch */
	int stamp_digits;      /* 0, 3, 6, 9 */
	bool relative;         /* -r ... */
	int relative_digits;   /* ... with this many digits */
	bool syscall_number;   /* -n */
	bool ip;               /* -i */
};
void line_setup(const struct line_layout *layout);
/* The time printed after the prefix of the lines begun from now on (-t, -r). */
void line_set_time(const struct timespec *when);
/* -i: the instruction pointer printed in the prefix of the lines begun from now on, as many
 * digits as its ABI's pointers have (at least); not known: as many '?'. */
void line_set_ip(bool known, uint64_t ip, enum abi abi);

/* Start a line for t (ending another tracee's open line first) and print its prefix: pid,
 * time stamps, syscall number, instruction pointer. */
void line_begin(struct tracee *t);
/* The same, with the prefix as it was when `many` (more than one tracee alive) held: a call
 * printed whole at its end under a status filter begins as it would have at its entry. */
void line_begin_as(struct tracee *t, bool many);
/* Continue t's syscall line at exit: nothing if t still owns the open line, else a new
 * line "<... NAME resumed>". */
void line_resume(struct tracee *t, const char *name);
/* End t's line with the return value: pad to the column, "= " text, newline. */
void line_ret(struct tracee *t, const char *text);
/* End t's line with a newline as it is. */
void line_end(struct tracee *t);
/* If t owns an open line, end it with " <unfinished ...>". */
void line_unfinish(struct tracee *t);
/* A whole line for t, e.g. "+++ exited with 0 +++". */
void line_full(struct tracee *t, const char *text);

/* estrace's own messages ("Process N attached") to stderr, landing mid-line as strace's do. */
void message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
