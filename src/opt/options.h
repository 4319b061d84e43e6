/* options: the command line, parsed once into a read-only struct the rest of estrace reads. */
#ifndef ESTRACE_OPTIONS_H
#define ESTRACE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "opt/user.h"
#include "print/quote.h"
#include "print/xlat.h"
#include "stats/stats.h"

/* opt.quiet_set bits: the messages -q/-qq/-qqq and -e quiet= suppress */
enum {
	QUIET_ATTACH = 1 << 0,          /* "Process N attached", "... detached" */
	QUIET_EXIT = 1 << 1,            /* "+++ exited with N +++" */
	QUIET_PATH_RESOLUTION = 1 << 2, /* -P path messages (estrace has no -P) */
	QUIET_PERSONALITY = 1 << 3,     /* personality change messages */
	QUIET_THREAD_EXECVE = 1 << 4,   /* "+++ superseded by execve in pid N +++" */
};
struct options {
	bool follow;              /* -f, --follow-forks: trace new children and threads */
	bool output_separately;   /* -ff, --output-separately: with -o, one file per thread */
	const char *outfile;      /* -o FILE, or NULL for stderr */
	const char *output_pipe;  /* -o '|CMD' or '!CMD': CMD, else NULL */
	size_t max_strlen;        /* -s N; SIZE_MAX when not given: nothing is cut */
	bool strlen_given;
	unsigned quiet_set;       /* QUIET_*: the messages -q, -e quiet= hide */
	int column;               /* -a N, the column of "= " */
	int interactive;          /* -I N: which fatal signals estrace blocks */
	enum quote_style quote;   /* -x, -xx, --strings-in-hex */
	enum xlat_style xlat_style; /* -X: how named constants and flags print */
	bool seccomp;             /* stop tracees only at shown syscalls (default on) */
	int timestamps;           /* absolute stamps: 0 none, 1 time of day, 2 seconds since the epoch */
	int stamp_digits;         /* their fraction: 0, 3, 6 or 9 digits */
	bool stamp_unix;          /* timestamps == 2 */
	bool relative;            /* -r: time since the previous line ... */
	int relative_digits;      /* ... with this many digits */
	bool durations;           /* -T: time spent in each syscall ... */
	int duration_digits;      /* ... with this many digits */
	bool syscall_number;      /* -n: "[ 59] " before each line */
	bool instruction_pointer; /* -i: "[00007f...] " before each line */
	bool always_show_pid;     /* the pid prefix even with one tracee */
	unsigned decode_fds;      /* -y, --decode-fds: DECODE_FD_* (opt/present.h) */
	unsigned decode_pids;     /* -Y, --decode-pids: DECODE_PID_* */
	bool append;              /* -A: append to the -o file */
	bool summary;             /* -c or -C: count syscalls, print the summary table at the end */
	bool summary_only;        /* -c: the table instead of the trace */
	bool summary_wall;        /* -w: wall-clock time in the syscall, not system CPU time */
	bool summary_sort_given;  /* -S */
	bool summary_columns_given; /* -U */
	int64_t summary_overhead; /* -O: nanoseconds taken off each call's time, down to 0 */
	struct stats_layout summary_layout;   /* -S and -U */
	char **cmd;               /* the command to run, NULL-terminated; NULL with -p only */
	int *attach_pids;         /* -p PID...: processes to attach to */
	size_t nattach;
	bool seccomp_given;       /* --seccomp-bpf asked for explicitly */
	bool detach_on_exec;      /* -b execve: leave a process when it execs (not the command's first) */

	/* the process estrace starts */
	const char **env_edits;   /* -E VAR=VAL (set) and -E VAR (remove), in order */
	size_t nenv_edits;
	const char *argv0;        /* --argv0=NAME: the command's argv[0], or NULL */
	const char *username;     /* -u USERNAME, or NULL ... */
	struct run_user user;     /* ... and its ids and groups */
	int daemonize;            /* -D count or --daemonize: 0 no, DAEMON_* */
	bool daemonize_long;      /* --daemonize was given (it excludes -D) */
	bool kill_on_exit;        /* --kill-on-exit: tracees die with estrace, never detached */
	unsigned long syscall_limit; /* --syscall-limit=N: detach after N calls shown; 0 none */
	bool as_strace;           /* invoked as "strace" (a link or a copy): strace's default
	                           * trace set, every syscall, instead of %process */
	int tips_format;          /* --tips: enum tips_format (print/tips.h), 0: none ... */
	int tip_id;               /* ... which tip; -1: one at random */
	bool stack_trace;         /* -k: the stack after each syscall line ... */
	bool stack_source;        /* -kk: ... with each frame's source file and line */
	unsigned stack_frame_limit; /* ... at most this many frames */
};

/* -D, -DD, -DDD: where the tracer runs, as the command's grandchild */
enum { DAEMON_GRANDCHILD = 1, DAEMON_PGROUP, DAEMON_SESSION };

extern struct options opt;

/* Parse argv; on bad input print "estrace: ..." and exit 1; -h/-V print and exit 0. */
void options_parse(int argc, char **argv);
/* Back to the state before options_parse, freeing what it allocated, so that one process can
 * parse command line after command line (the fuzz targets and their test do). */
void options_reset(void);
/* "estrace: MESSAGE" and strace's "Try ... -h" line, exit 1. */
void usage_error(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif
