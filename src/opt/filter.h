/* filter: which syscalls and signals are shown (-e trace=, -e signal=), and how each syscall
 * is shown (-e raw=, -e abbrev=, -e verbose=). */
#ifndef ESTRACE_FILTER_H
#define ESTRACE_FILTER_H

#include <stdbool.h>

#include "sysent.h"

/* Parse one -e expression ("trace=execve,clone", "signal=!SIGCHLD", "raw=all", or a bare trace set);
 * dies with strace's message on a bad one. */
void filter_parse(const char *expr);
/* Apply the defaults for whatever no -e expression set (trace=%process, or all when invoked as
 * strace; signal=all); settle opt.quiet_set from -q's count or -e quiet= (dies when both were
 * given). */
void filter_finish(void);

/* --secontext, -e secontext=: strace's message, exit 1 (estrace has no SELinux support). */
void secontext_refuse(const char *arg) __attribute__((noreturn));

/* Forget every expression parsed, as before the first (see options_reset). */
void filter_reset(void);

/* The ABI's syscall id is traced (a set may name one ABI: "execve@64"); id SC_COUNT, a number
 * no table knows, always is. */
static inline bool trace_wanted(enum abi abi, enum sc_id id)
{
	extern unsigned char filter_trace[ABI_COUNT][SC_COUNT + 1];
	return filter_trace[abi][id];
}

/* Whether the trace set holds every syscall the tables name (a seccomp filter would keep none out). */
bool filter_traces_all(void);

bool signal_wanted(int sig);

/* -e status=: how a call ended decides whether it is printed. */
enum call_status {
	STATUS_SUCCESSFUL = 1 << 0,   /* returned, not an error */
	STATUS_FAILED = 1 << 1,       /* returned an error, ERESTART* included */
	STATUS_UNFINISHED = 1 << 2,   /* never returned: exit, exit_group, cut short by a death */
	STATUS_UNAVAILABLE = 1 << 3,  /* its return value could not be read */
	STATUS_DETACHED = 1 << 4,     /* in flight when estrace detached */
};
/* Whether a status set leaves some status out (strace then prints every call whole at its end). */
bool status_filtering(void);
bool status_wanted(enum call_status status);

/* -q given COUNT times; after all options, with -e quiet= or --quiet it is an error. */
void quiet_count_add(void);
/* -q or a quiet set was given (-o FILE CMD implies -q only when neither was) */
bool quiet_asked(void);
/* --quiet, --silent, --silence without a value */
void quiet_default(void);
/* -z / -Z: status=successful / status=failed, with strace's warning when given twice. */
void status_only(const char *set);

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
