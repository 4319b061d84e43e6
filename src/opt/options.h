/* options: the command line, parsed once into a read-only struct the rest of estrace reads. */
#ifndef ESTRACE_OPTIONS_H
#define ESTRACE_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "print/quote.h"
#include "print/xlat.h"
#include "stats/stats.h"

struct options {
	int follow;               /* 0; 1: -f; 2: -ff (one output file per thread) */
	const char *outfile;      /* -o FILE, or NULL for stderr */
	const char *output_pipe;  /* -o '|CMD' or '!CMD': CMD, else NULL */
	size_t max_strlen;        /* -s N; SIZE_MAX when not given: nothing is cut */
	bool strlen_given;
	int quiet;                /* -q count: 1 attach msgs, 2 +exit lines, 3 +superseded */
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
	bool always_show_pid;     /* the pid prefix even with one tracee */
	unsigned decode_fds;      /* -y, --decode-fds: DECODE_FD_* (opt/present.h) */
	unsigned decode_pids;     /* -Y, --decode-pids: DECODE_PID_* */
	bool append;              /* -A: append to the -o file */
	bool summary;             /* -c or -C: count syscalls, print the summary table at the end */
	bool summary_only;        /* -c: the table instead of the trace */
	bool summary_wall;        /* -w: wall-clock time in the syscall, not system CPU time */
	bool summary_sort_given;  /* -S */
	bool summary_columns_given; /* -U */
	struct stats_layout summary_layout;   /* -S and -U */
	char **cmd;               /* the command to run, NULL-terminated; NULL with -p only */
	int *attach_pids;         /* -p PID...: processes to attach to */
	size_t nattach;
	bool seccomp_given;       /* --seccomp-bpf asked for explicitly */
	bool detach_on_exec;      /* -b execve: leave a process when it execs (not the command's first) */
	bool stack_trace;         /* -k: the stack after each syscall line ... */
	unsigned stack_frame_limit; /* ... at most this many frames */
};

extern struct options opt;

/* Parse argv; on bad input print "estrace: ..." and exit 1; -h/-V print and exit 0. */
void options_parse(int argc, char **argv);
/* "estrace: MESSAGE" and strace's "Try ... -h" line, exit 1. */
void usage_error(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif
