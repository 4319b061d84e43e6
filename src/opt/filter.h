/* filter: which syscalls and signals are shown (-e trace=, -e signal=), and how each syscall
 * is shown (-e raw=, -e abbrev=, -e verbose=). */
#ifndef ESTRACE_FILTER_H
#define ESTRACE_FILTER_H

#include <stdbool.h>

#include "sysent.h"

/* Parse one -e expression ("trace=execve,clone", "signal=!SIGCHLD", "raw=all", or a bare trace set);
 * dies with strace's message on a bad one. */
void filter_parse(const char *expr);
/* Apply the defaults for whatever no -e expression set (trace=%process, signal=all). */
void filter_finish(void);

/* id SC_COUNT: a syscall number no table knows, shown only with trace=all */
static inline bool trace_wanted(enum sc_id id)
{
	extern unsigned char filter_trace[SC_COUNT + 1];
	return filter_trace[id];
}

bool signal_wanted(int sig);

/* -e raw=: arguments in hex and the return value in hex, no decoding (default: none) */
static inline bool raw_wanted(enum sc_id id)
{
	extern unsigned char filter_raw[SC_COUNT + 1];
	return filter_raw[id];
}

/* -e abbrev=: environments counted, rusage cut, arrays capped by -s (default: all; -v: none) */
static inline bool abbrev_wanted(enum sc_id id)
{
	extern unsigned char filter_abbrev[SC_COUNT + 1];
	return filter_abbrev[id];
}

/* -e verbose=: pointed-to structures and arrays decoded (default: all) */
static inline bool verbose_wanted(enum sc_id id)
{
	extern unsigned char filter_verbose[SC_COUNT + 1];
	return filter_verbose[id];
}

#endif
