/* die: the one place estrace exits on a fatal error or while parsing its options (die.c), and
 * allocation that never returns NULL (alloc.c). Messages go to stderr as "<progname>: ...".
 * The fuzz targets link fuzz/die-jump.c instead of die.c: the same calls return to the harness. */
#ifndef ESTRACE_DIE_H
#define ESTRACE_DIE_H

#include <stdarg.h>
#include <stdlib.h>

extern const char *progname;   /* argv[0] as invoked (a path stays a path), set once in main */

/* Print "progname: message" to stderr, run the exit hook (kills/detaches tracees), exit(1). */
void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* Same, with ": strerror(errno)" appended. */
void die_errno(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* A usage error: "progname: message", then strace's "Try 'progname -h' ..." line; exit 1. */
void die_usage(const char *fmt, va_list ap) __attribute__((noreturn, format(printf, 1, 0)));
/* "progname: out of memory", exit 1, with nothing flushed (that could need memory). */
void die_out_of_memory(void) __attribute__((noreturn));
/* Exit 0 once -h or -V has printed what was asked. */
void exit_success(void) __attribute__((noreturn));
/* A message that is not fatal: "progname: message". */
void warnmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warnmsg_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Called by die() before exiting, once; the tracer installs its cleanup here. */
void die_set_hook(void (*hook)(void));

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

#endif
