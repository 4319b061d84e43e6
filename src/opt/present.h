/* present: the values of the presentation options (-X, -x/--strings-in-hex, -y/--decode-fds,
 * -Y/--decode-pids, --absolute-timestamps, the precisions of -r and -T), parsed into opt. */
#ifndef ESTRACE_PRESENT_H
#define ESTRACE_PRESENT_H

#include <stddef.h>

/* opt.decode_fds bits */
enum {
	DECODE_FD_PATH = 1 << 0,
	DECODE_FD_SOCKET = 1 << 1,
	DECODE_FD_DEV = 1 << 2,
	DECODE_FD_PIDFD = 1 << 3,
};

/* opt.decode_pids bits */
enum {
	DECODE_PID_COMM = 1 << 0,
	DECODE_PID_NS = 1 << 1,
};

/* A set of words as strace's -e qualifiers take it: "all" or "none" alone, else a comma list
 * of names (any case), "!" negating it; dies with "invalid WHAT 'token'" on anything else. */
struct word {
	const char *name;
	unsigned bits;
};
unsigned words_parse(const char *spec, const struct word *w, size_t n, const char *what);

/* Each dies with strace's message on a bad value; NULL is the option given without "=". */
void present_decode_fds(const char *spec);     /* --decode-fds, -e decode-fds= */
void present_decode_pids(const char *spec);    /* --decode-pids, -e decode-pids= */
void present_y(void);                          /* -y; -yy */
void present_x(void);                          /* -x; -xx */
void present_strings_in_hex(const char *arg);
void present_const_style(const char *arg, const char *optname);
void present_t(void);                          /* -t; -tt; -ttt */
void present_absolute(const char *arg, const char *optname);   /* --absolute-timestamps, --timestamps */
void present_relative(const char *arg);        /* -r, --relative-timestamps */
void present_durations(const char *arg);       /* -T, --syscall-times */
/* Forget the counts and flags kept while parsing (see options_reset). */
void present_reset(void);
/* After all options: the conflicts strace refuses, and what -t/-x/-y counts mean. */
void present_finish(void);

#endif
