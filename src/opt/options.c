/* options: one table describes every option; getopt's strings and --help are built from it. */
#include "config.h"

#include "opt/options.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "opt/filter.h"
#include "opt/present.h"
#include "print/tips.h"
#include "stack/stack.h"
#include "util/buf.h"
#include "util/die.h"

#define OPTIONS_DEFAULTS { \
	.max_strlen = SIZE_MAX, \
	.column = 40, \
	.interactive = 0,   /* 0: chosen from -o at the end of parsing */ \
	.seccomp = true, \
	.summary_layout = STATS_DEFAULT_LAYOUT, \
	.relative_digits = 6, \
	.duration_digits = 6, \
	.stack_frame_limit = 256, \
}
struct options opt = OPTIONS_DEFAULTS;

/* -f counts (-ff: one file per thread); the long forms are flags that strace will not mix with
 * the short one (follow_finish). */
static int f_count;
static bool follow_long, separately_long;

void options_reset(void)
{
	free(opt.attach_pids);
	free(opt.env_edits);
	free(opt.user.groups);
	opt = (struct options)OPTIONS_DEFAULTS;
	optind = 0;   /* glibc's getopt starts afresh, also inside a cluster like -ff */
	f_count = 0;
	follow_long = separately_long = false;
	filter_reset();
	present_reset();
}

void usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	die_usage(fmt, ap);
}

/* The option being handled as it was spelled, "-s" or "--string-limit": strace's messages name
 * the form given. */
static char given[64];

/* A whole number in [min, max], or a usage error naming the option as given. */
static long number_arg(const char *arg, long min, long max)
{
	char *end;
	errno = 0;
	long n = strtol(arg, &end, 10);
	if (!*arg || *end || errno || n < min || n > max)
		usage_error("invalid %s argument: '%s'", given, arg);
	return n;
}

/* strace's largest -s: 2^30 - 1 */
#define STRLEN_MAX ((1L << 30) - 1)

static void on_follow(const char *arg) { f_count++; }
static void on_follow_long(const char *arg) { follow_long = true; }
static void on_follow_sep(const char *arg) { separately_long = true; }
static void on_output(const char *arg) { opt.outfile = arg; }
static void on_strlen(const char *arg)
{
	opt.max_strlen = number_arg(arg, 0, STRLEN_MAX);
	opt.strlen_given = true;
}
static void on_column(const char *arg) { opt.column = number_arg(arg, 0, INT_MAX); }
static void on_verbose(const char *arg) { filter_parse("abbrev=none"); }
static void on_quiet(const char *arg) { quiet_count_add(); }
static void on_successful_only(const char *arg) { status_only("successful"); }
static void on_failed_only(const char *arg) { status_only("failed"); }
static void on_expr(const char *arg) { filter_parse(arg); }
/* -I takes strace's names for its levels, in any case, or their numbers. */
static void on_interactive(const char *arg)
{
	static const char *const names[] = { "anywhere", "waiting", "never", "never_tstp" };
	for (int i = 0; i < 4; i++)
		if (strcasecmp(arg, names[i]) == 0) {
			opt.interactive = i + 1;
			return;
		}
	opt.interactive = number_arg(arg, 1, 4);
}
static void on_hex(const char *arg) { present_x(); }
static void on_hex_long(const char *arg) { present_strings_in_hex(arg); }
static void on_timestamps(const char *arg) { present_t(); }
static void on_timestamps_long(const char *arg) { present_absolute(arg, given); }
static void on_relative(const char *arg) { present_relative(arg); }
static void on_durations(const char *arg) { present_durations(arg); }
static void on_const_style(const char *arg) { present_const_style(arg, "-X"); }
static void on_const_style_long(const char *arg) { present_const_style(arg, "--const-print-style"); }
static void on_number(const char *arg) { opt.syscall_number = true; }
static void on_ip(const char *arg) { opt.instruction_pointer = true; }
static void on_always_pid(const char *arg) { opt.always_show_pid = true; }
static void on_fds(const char *arg) { present_y(); }
static void on_fds_long(const char *arg) { present_decode_fds(arg); }
static void on_comm(const char *arg) { present_decode_pids("comm"); }
static void on_pids_long(const char *arg) { present_decode_pids(arg); }
static void on_append(const char *arg) { opt.append = true; }
static void on_seccomp(const char *arg) { opt.seccomp = opt.seccomp_given = true; }
static void on_no_seccomp(const char *arg) { opt.seccomp = false; }
static void on_detach_on(const char *arg)
{
	if (strcmp(arg, "execve") != 0)   /* the only one strace knows */
		die("Syscall '%s' for -b isn't supported", arg);
	opt.detach_on_exec = true;
}
/* -p takes one pid or a list, each pid followed by one comma or white-space character, and may be
 * repeated. As in strace, an empty token is an error except after the last separator. */
static void on_attach(const char *arg)
{
	char *copy = xstrdup(arg);
	for (char *tok = copy, *next; tok && *tok; tok = next) {
		next = tok + strcspn(tok, ", \t\n\v\f\r");
		next = *next ? (*next = '\0', next + 1) : NULL;
		char *end;
		errno = 0;
		long pid = strtol(tok, &end, 10);
		if (!*tok || *end || errno || pid <= 0 || pid > INT_MAX)
			die("Invalid process id: '%s'", tok);
		if (pid == getpid())
			die("cannot trace itself (-p %ld)", pid);
		opt.attach_pids = xrealloc(opt.attach_pids, (opt.nattach + 1) * sizeof(*opt.attach_pids));
		opt.attach_pids[opt.nattach++] = (int)pid;
	}
	free(copy);
}

/* -c and -C exclude each other as soon as the second is seen, before later arguments. */
static void on_summary_mode(bool only)
{
	if (opt.summary && opt.summary_only != only)
		usage_error("-c/--summary-only and -C/--summary are mutually exclusive");
	opt.summary = true;
	opt.summary_only = only;
}
static void on_summary_only(const char *arg) { on_summary_mode(true); }
static void on_summary(const char *arg) { on_summary_mode(false); }
static void on_summary_wall(const char *arg) { opt.summary_wall = true; }

/* -S and -U: a bad value is a usage error with strace's message. */
static void summary_arg(int (*parse)(const char *, struct stats_layout *, struct buf *),
			const char *arg)
{
	struct buf err = BUF_INIT;
	if (parse(arg, &opt.summary_layout, &err) < 0)
		usage_error("%s", err.data);
	buf_free(&err);
}
static void on_summary_sort(const char *arg)
{
	summary_arg(stats_parse_sort, arg);
	opt.summary_sort_given = true;
}
static void on_summary_columns(const char *arg)
{
	summary_arg(stats_parse_columns, arg);
	opt.summary_columns_given = true;
}
/* -O: a time as strace reads one: a decimal number (a fraction and an exponent allowed), then
 * s, ms, us or ns; microseconds without a unit. */
static void on_overhead(const char *arg)
{
	static const struct { const char *unit; double ns; } units[] = {
		{ "", 1e3 }, { "s", 1e9 }, { "ms", 1e6 }, { "us", 1e3 }, { "ns", 1 },
	};
	const char *num = arg + strspn(arg, " \t\n\v\f\r");
	char *end;
	errno = 0;
	double v = strtod(arg, &end);
	bool plain = end > num && strspn(num, "0123456789.eE+-") == (size_t)(end - num);
	for (size_t i = 0; plain && v >= 0 && v == v && i < sizeof(units) / sizeof(units[0]); i++)
		if (strcmp(end, units[i].unit) == 0) {
			double ns = v * units[i].ns;
			opt.summary_overhead = ns >= (double)INT64_MAX ? INT64_MAX : (int64_t)ns;
			return;
		}
	usage_error("invalid %s argument: '%s'", given, arg);
}

/* The process estrace starts: -E, -u, --argv0, -D, --kill-on-exit, --syscall-limit. */
static void on_env(const char *arg)
{
	opt.env_edits = xrealloc(opt.env_edits, (opt.nenv_edits + 1) * sizeof(*opt.env_edits));
	opt.env_edits[opt.nenv_edits++] = arg;
}
static void on_user(const char *arg) { opt.username = arg; }
static void on_argv0(const char *arg) { opt.argv0 = arg; }
static void on_kill_on_exit(const char *arg) { opt.kill_on_exit = true; }
static void on_syscall_limit(const char *arg)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(arg, &end, 10);
	if (!isdigit((unsigned char)*arg) || *end || errno || !n || n > ULONG_MAX)
		usage_error("invalid --syscall-limit argument: '%s'", arg);
	opt.syscall_limit = (unsigned long)n;
}
/* -D counts; --daemonize names the mode; the two exclude each other, in either order. */
static void on_daemonize(const char *arg)
{
	if (opt.daemonize_long)
		die("-D and --daemonize cannot be provided simultaneously");
	opt.daemonize++;
}
static void on_daemonize_long(const char *arg)
{
	static const struct { const char *name; int mode; } modes[] = {
		{ "grandchild", DAEMON_GRANDCHILD }, { "pgroup", DAEMON_PGROUP },
		{ "pgrp", DAEMON_PGROUP }, { "session", DAEMON_SESSION },
	};
	int mode = arg ? 0 : DAEMON_GRANDCHILD;
	for (size_t i = 0; arg && i < sizeof(modes) / sizeof(modes[0]); i++)
		if (strcasecmp(arg, modes[i].name) == 0)
			mode = modes[i].mode;
	if (!mode)
		usage_error("invalid --daemonize argument: '%s'", arg);
	if (opt.daemonize && !opt.daemonize_long)
		die("-D and --daemonize cannot be provided simultaneously");
	opt.daemonize_long = true;
	opt.daemonize = mode;
}
/* -k is refused at once by a build without a stack backend; -kk (newer strace's
 * --stack-trace=source) by one without libdw. */
static void on_stack_trace(const char *arg)
{
	const char *why = stack_unavailable();
	if (why)
		usage_error("-k/--stack-trace is not available: %s", why);
	if (arg && strcmp(arg, "symbol") != 0 && strcmp(arg, "source") != 0)
		usage_error("invalid --stack-trace argument: '%s'", arg);
	bool source = (arg && strcmp(arg, "source") == 0) || (!arg && opt.stack_trace);
	if (source && (why = stack_source_unavailable()))
		usage_error("-kk/--stack-trace=source is not available: %s", why);
	opt.stack_source |= source;
	opt.stack_trace = true;
}
static void on_frame_limit(const char *arg)
{
	opt.stack_frame_limit = (unsigned)number_arg(arg, 1, INT_MAX);
}
static void on_nothing(const char *arg) { }
static void on_tips(const char *arg) { tips_parse(arg); }
static void on_help(const char *arg);
static void on_version(const char *arg);

/* Long forms of -e qualifiers, as strace spells them: --trace=SET is -e trace=SET. */
static void parse_qualified(const char *qualifier, const char *set)
{
	struct buf e = BUF_INIT;
	buf_printf(&e, "%s=%s", qualifier, set);
	filter_parse(e.data);
	buf_free(&e);
}
static void on_trace_long(const char *arg) { parse_qualified("trace", arg); }
static void on_signal_long(const char *arg) { parse_qualified("signal", arg); }
static void on_raw_long(const char *arg) { parse_qualified("raw", arg); }
static void on_abbrev_long(const char *arg) { parse_qualified("abbrev", arg); }
static void on_verbose_long(const char *arg) { parse_qualified("verbose", arg); }
static void on_status_long(const char *arg) { parse_qualified("status", arg); }
static void on_quiet_long(const char *arg)
{
	if (arg)
		parse_qualified("quiet", arg);
	else
		quiet_default();
}

struct optdef {
	char shortopt;            /* 0: long only */
	const char *longopt;      /* NULL: short only */
	const char *argname;      /* NULL: takes no argument; "[NAME]": the long form's is optional */
	void (*handle)(const char *arg);
	const char *help;
};

static const struct optdef optdefs[] = {
	{ 'f', NULL, NULL, on_follow,
	  "follow children (fork, vfork, clone, clone3, threads); -ff: one file per thread with -o" },
	{ 0, "follow-forks", NULL, on_follow_long, "like -f, but not with it; given twice, still -f" },
	{ 0, "output-separately", NULL, on_follow_sep,
	  "with -o, one file per thread as -ff gives; with -f, -f's count decides" },
	{ 'p', "attach", "PID", on_attach,
	  "trace the running process PID (and its threads with -f); a list: -p 'PID PID' or "
	  "-p PID,PID; may be repeated. On SIGINT or SIGTERM, estrace detaches and leaves it running" },
	{ 'o', "output", "FILE", on_output,
	  "write the trace to FILE (FILE.PID per thread with -ff) instead of stderr; "
	  "'|CMD' or '!CMD': to the standard input of the shell command CMD" },
	{ 'A', "output-append-mode", NULL, on_append, "append to the -o file instead of truncating it" },
	{ 's', "string-limit", "N", on_strlen,
	  "cut strings at N bytes and arrays at N elements, as strace; default: never cut" },
	{ 'v', "no-abbrev", NULL, on_verbose,
	  "print environments, rusage and arrays in full (-e abbrev=none)" },
	{ 'q', NULL, NULL, on_quiet,
	  "hide attach messages (--quiet=attach,personality); -qq also exit lines "
	  "(--quiet=attach,personality,exit); -qqq: all (--quiet=all)" },
	{ 0, "quiet", "[SET]", on_quiet_long,
	  "hide the messages in SET: attach, exit, path-resolution, personality, thread-execve "
	  "(or superseded), all, none, !SET; default attach,personality" },
	{ 0, "silent", "[SET]", on_quiet_long, "same as --quiet" },
	{ 0, "silence", "[SET]", on_quiet_long, "same as --quiet" },
	{ 'e', NULL, "EXPR", on_expr,
	  "trace=SET (names, numbers, /REGEX, ?NAME, %class, all, none, !SET; default "
	  "%process, all when invoked as strace), signal=SET, status=SET, quiet=SET, raw=SET, "
	  "abbrev=SET, verbose=SET (syscall sets), decode-fds=, decode-pids=" },
	{ 0, "trace", "SET", on_trace_long, "same as -e trace=SET" },
	{ 0, "status", "SET", on_status_long,
	  "print only the syscalls that ended as SET says, each line whole: successful, "
	  "failed, unfinished, unavailable, detached, all, none, !SET" },
	{ 'z', "successful-only", NULL, on_successful_only, "same as --status=successful" },
	{ 'Z', "failed-only", NULL, on_failed_only, "same as --status=failed" },
	{ 0, "signal", "SET", on_signal_long, "same as -e signal=SET" },
	{ 0, "raw", "SET", on_raw_long, "print the syscalls in SET undecoded, in hex" },
	{ 0, "abbrev", "SET", on_abbrev_long, "abbreviate the syscalls in SET (default all)" },
	{ 0, "verbose", "SET", on_verbose_long,
	  "decode what the arguments of the syscalls in SET point to (default all)" },
	{ 'a', "columns", "N", on_column, "align return values at column N (default 40)" },
	{ 'x', NULL, NULL, on_hex, "print non-ASCII strings in hex; -xx: all strings in hex" },
	{ 0, "strings-in-hex", "[WHICH]", on_hex_long,
	  "none, non-ascii-chars (hex escapes), non-ascii (-x), all (-xx, the default)" },
	{ 'X', NULL, "STYLE", on_const_style,
	  "print named constants and flags as abbrev (names), raw (numbers) or verbose (both)" },
	{ 0, "const-print-style", "STYLE", on_const_style_long, "same as -X STYLE" },
	{ 'n', "syscall-number", NULL, on_number, "print the syscall number before each line" },
	{ 'i', "instruction-pointer", NULL, on_ip,
	  "print the instruction pointer at each syscall, signal and stop line" },
	{ 'y', NULL, NULL, on_fds, "print the paths of file descriptors; -yy: all fd details" },
	{ 0, "decode-fds", "[SET]", on_fds_long,
	  "path (the default), dev, pidfd, socket, all, none: fd details to print" },
	{ 'Y', NULL, NULL, on_comm, "print the command name after each pid (--decode-pids=comm)" },
	{ 0, "decode-pids", "SET", on_pids_long, "comm, pidns, all, none" },
	{ 0, "always-show-pid", NULL, on_always_pid,
	  "print the pid prefix on every line, also with one tracee (strace 6.9+)" },
	{ 't', NULL, NULL, on_timestamps,
	  "prefix lines with the time of day; -tt: with microseconds; -ttt: seconds since the epoch" },
	{ 0, "absolute-timestamps", "[FORMAT,PRECISION]", on_timestamps_long,
	  "like -t: FORMAT time, unix or none; PRECISION s (default), ms, us or ns; "
	  "each one given sets only the fields it names" },
	{ 0, "timestamps", "[FORMAT,PRECISION]", on_timestamps_long, "same as --absolute-timestamps" },
	{ 'r', "relative-timestamps", "[PRECISION]", on_relative,
	  "prefix lines with the time since the previous line (precision s, ms, us, ns)" },
	{ 'T', "syscall-times", "[PRECISION]", on_durations,
	  "show the time spent in each syscall (precision s, ms, us, ns)" },
	{ 'c', "summary-only", NULL, on_summary_only,
	  "count time, calls and errors of each traced syscall; print a summary table at the end "
	  "instead of the trace" },
	{ 'C', "summary", NULL, on_summary, "like -c, but print the trace too" },
	{ 'w', "summary-wall-clock", NULL, on_summary_wall,
	  "summary times are wall-clock time in the syscall (default: system CPU time)" },
	{ 'S', "summary-sort-by", "SORTBY", on_summary_sort,
	  "sort the summary by time (default), min-time, max-time, avg-time, calls, errors, name "
	  "or nothing" },
	{ 'U', "summary-columns", "COLUMNS", on_summary_columns,
	  "summary columns, comma-separated: time-percent, total-time, min-time, max-time, "
	  "avg-time, calls, errors, name (default: time-percent,total-time,avg-time,calls,errors,name)" },
	{ 'O', "summary-syscall-overhead", "OVERHEAD", on_overhead,
	  "take OVERHEAD off each syscall's time in the summary (a number, then s, ms, us or ns; "
	  "default unit us, default 0)" },
	{ 'I', "interruptible", "N", on_interactive,
	  "fatal signals 1 or anywhere: neither blocked nor caught; 2 or waiting: caught, estrace "
	  "detaches and passes them to the command; 3 or never: blocked (default with -o FILE CMD); "
	  "4 or never_tstp: SIGTSTP too (default with -D)" },
	{ 0, "seccomp-bpf", NULL, on_seccomp,
	  "stop tracees only at the syscalls shown (the default; tracees die with estrace)" },
	{ 'b', "detach-on", "SYSCALL", on_detach_on,
	  "SYSCALL execve: detach from a process when it execs (not the command's own first exec); "
	  "turns the seccomp-bpf filter off" },
	{ 0, "no-seccomp-bpf", NULL, on_no_seccomp,
	  "stop tracees at every syscall, so they can outlive estrace" },
	{ 'E', "env", "VAR=VAL", on_env,
	  "put VAR=VAL in the command's environment; -E VAR removes VAR; may be repeated" },
	{ 'u', "user", "USERNAME", on_user,
	  "run the command with the ids and groups of USERNAME, set-id programs with their "
	  "effective ids (estrace must run as root)" },
	{ 0, "argv0", "NAME", on_argv0, "run the command with NAME as its argv[0] (strace 6.3+)" },
	{ 'D', NULL, NULL, on_daemonize,
	  "run estrace as a detached grandchild of the command, which keeps its place as the "
	  "caller's child; -DD: in its own process group; -DDD: in its own session" },
	{ 0, "daemonize", "[MODE]", on_daemonize_long,
	  "grandchild (-D, the default), pgroup or pgrp (-DD), session (-DDD)" },
	{ 0, "kill-on-exit", NULL, on_kill_on_exit,
	  "tracees die when estrace exits, also on a signal, instead of being detached "
	  "(strace 6.6+)" },
	{ 0, "syscall-limit", "N", on_syscall_limit,
	  "detach from all tracees once N traced syscalls have been shown (strace 6.3+)" },
	{ 'k', "stack-trace", "[symbol|source]", on_stack_trace,
	  "print the caller's stack after each syscall line (libunwind or libdw); -kk or =source: "
	  "with each frame's source file and line (libdw)" },
	{ 0, "stack-traces", NULL, on_stack_trace, "same as -k (strace 6.1's spelling)" },
	{ 0, "stack-trace-frame-limit", "N", on_frame_limit,
	  "print at most N frames of each stack (default 256)" },
	{ 0, "pidns-translation", NULL, on_nothing,
	  "accepted for strace's sake: tracees in estrace's own pid namespace need no translation, "
	  "and estrace translates none" },
	{ 0, "secontext", "[FORMAT]", secontext_refuse, "refused: estrace has no SELinux support" },
	{ 0, "tips", "[[id:]ID,[format:]FORMAT]", on_tips,
	  "print a tip about estrace on stderr at the end: ID a number or random (the default); "
	  "FORMAT none, compact (the default) or full" },
	{ 'h', "help", NULL, on_help, "print this help and exit" },
	{ 'V', "version", NULL, on_version, "print the version and exit" },
};

#define NOPTS (sizeof(optdefs) / sizeof(optdefs[0]))

static void on_help(const char *arg)
{
	/* the plain name, whatever argv[0] says, as strace's -h and -V print theirs */
	printf("Usage: estrace [OPTIONS] PROG [ARGS]\n       estrace [OPTIONS] -p PID... [PROG [ARGS]]\n"
	       "Trace the system calls of PROG and its children, printing them as strace does.\n\n");
	for (size_t i = 0; i < NOPTS; i++) {
		const struct optdef *d = &optdefs[i];
		char left[64];
		int n = 0;
		bool optional = d->argname && d->argname[0] == '[';
		const char *aname = d->argname ? d->argname + optional : "";
		int arglen = optional ? (int)strlen(aname) - 1 : (int)strlen(aname);
		if (d->shortopt)
			n += snprintf(left + n, sizeof(left) - n, "-%c%s%s", d->shortopt,
				      d->argname && !optional ? " " : "", optional ? "" : aname);
		if (d->longopt)
			n += snprintf(left + n, sizeof(left) - n, "%s--%s%s%s%.*s%s",
				      d->shortopt ? ", " : "", d->longopt, optional ? "[" : "",
				      d->argname ? "=" : "", arglen, aname, optional ? "]" : "");
		if (n > 28)   /* too wide for the column: the help goes on the next line */
			printf("  %s\n  %-28s %s\n", left, "", d->help);
		else
			printf("  %-28s %s\n", left, d->help);
	}
	printf("\nUnlike strace, nothing is truncated unless -s is given. See estrace(1).\n");
	exit_success();
}

static void on_version(const char *arg)
{
	printf("estrace -- version %s\n", PACKAGE_VERSION);
	const char *features = stack_features();
	printf("\nOptional features enabled:%s\n", features[0] ? features : " (none)");
	exit_success();
}

/* Build getopt_long's inputs from the table; a long option's val is its table index + 256. */
static void build_getopt(char *shorts, struct option *longs)
{
	char *s = shorts;
	*s++ = '+';   /* stop at the first non-option: the command */
	*s++ = ':';   /* report a missing argument as ':' */
	size_t nl = 0;
	for (size_t i = 0; i < NOPTS; i++) {
		const struct optdef *d = &optdefs[i];
		if (d->shortopt) {
			*s++ = d->shortopt;
			if (d->argname && d->argname[0] != '[')   /* -r, -T: never an argument */
				*s++ = ':';
		}
		int has_arg = !d->argname ? no_argument
			      : d->argname[0] == '[' ? optional_argument : required_argument;
		if (d->longopt)
			longs[nl++] = (struct option){ d->longopt, has_arg, NULL, (int)(256 + i) };
	}
	*s = '\0';
	longs[nl] = (struct option){ 0 };
}

static const struct optdef *find_def(int c)
{
	if (c >= 256)
		return &optdefs[c - 256];
	for (size_t i = 0; i < NOPTS; i++)
		if (optdefs[i].shortopt == c)
			return &optdefs[i];
	return NULL;
}

/* The filter is inherited by every child, so it needs -f (an unfollowed child would hold it with
 * no tracer) and no -b (nor would a detached one), and it can only be installed in a command
 * estrace starts: with -p it is off for all (strace still gives it to the command). Said, in
 * strace's words and order and whatever -q says, only when --seccomp-bpf was asked for, since
 * it is estrace's default. */
static void settle_seccomp(void)
{
	bool say = opt.seccomp && opt.seccomp_given;
	if (opt.detach_on_exec) {
		if (say)
			warnmsg("--seccomp-bpf is not enabled because it is not compatible with -b");
		opt.seccomp = false;
		return;
	}
	if (say && opt.nattach)
		warnmsg("--seccomp-bpf is not enabled for processes attached with -p");
	if (say && !opt.follow)
		warnmsg("--seccomp-bpf cannot be used without -f/--follow-forks, disabling");
	if (say && opt.follow && !opt.nattach && opt.syscall_limit)
		warnmsg("--seccomp-bpf is not used with --syscall-limit: tracees are detached at the limit");
	if (opt.nattach || !opt.follow || opt.syscall_limit)
		opt.seccomp = false;
}

/* After the trace set is known: strace's word when the filter would keep nothing out. */
static void seccomp_set_check(void)
{
	if (opt.seccomp && opt.seccomp_given && filter_traces_all())
		warnmsg("Seccomp filter is requested but there are no syscalls to filter.  "
			"See -e trace to filter syscalls.");
}

/* -D needs a command to become; strace counts -D's only after that check. */
static void daemonize_checks(void)
{
	if (opt.daemonize && !opt.cmd)
		usage_error("PROG [ARGS] must be specified with -D/--daemonize");
	if (opt.daemonize > DAEMON_SESSION)
		usage_error("Too many -D's (%d), maximum supported -D count is 3", opt.daemonize);
}

/* -f's count wins over --output-separately; -f with --follow-forks, -ff with
 * --output-separately: strace refuses both. */
static void follow_finish(void)
{
	if (f_count && follow_long)
		die("-f and --follow-forks cannot be provided simultaneously");
	if (f_count >= 2 && separately_long)
		die("-ff and --output-separately cannot be provided simultaneously");
	opt.follow = f_count || follow_long;
	opt.output_separately = f_count ? f_count >= 2 : separately_long;
}

/* strace's checks of the summary options, in its order, after the command was found. */
static void summary_checks(void)
{
	const char *modes = "(-c/--summary-only or -C/--summary)";
	if (opt.summary && opt.output_separately)
		usage_error("%s and -ff/--output-separately are mutually exclusive", modes);
	if (opt.summary_wall && !opt.summary)
		usage_error("-w/--summary-wall-clock must be given with %s", modes);
	if (opt.summary_columns_given && !opt.summary)
		usage_error("-U/--summary-columns must be given with %s", modes);
}

/* Options that only shape trace lines, which -c does not print. */
static void summary_only_warnings(void)
{
	if (opt.relative)
		warnmsg("-r/--relative-timestamps has no effect with -c/--summary-only");
	if (opt.timestamps)
		warnmsg("-t/--absolute-timestamps has no effect with -c/--summary-only");
	if (opt.durations)
		warnmsg("-T/--syscall-times has no effect with -c/--summary-only");
}

/* Warnings about the summary options, after the filter's (as strace orders them). */
static void summary_warnings(void)
{
	if (opt.summary_sort_given && !opt.summary)
		warnmsg("-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)");
	if (opt.summary_only)
		summary_only_warnings();
}

/* getopt_long takes any unambiguous prefix of a long option; a prefix of several is an error
 * that names them all, as glibc words it (in estrace's table order). */
static void unknown_long_option(const char *arg)
{
	const char *name = arg + 2;
	size_t len = strcspn(name, "=");
	struct buf all = BUF_INIT;
	size_t matches = 0;
	for (size_t i = 0; i < NOPTS; i++)
		if (optdefs[i].longopt && strncmp(optdefs[i].longopt, name, len) == 0) {
			buf_printf(&all, " '--%s'", optdefs[i].longopt);
			matches++;
		}
	if (matches > 1)
		usage_error("option '%s' is ambiguous; possibilities:%s", arg, all.data);
	usage_error("unrecognized option '%s'", arg);
}

void options_parse(int argc, char **argv)
{
	char shorts[2 * NOPTS + 3];
	struct option longs[NOPTS + 1];
	build_getopt(shorts, longs);
	const char *slash = strrchr(progname, '/');
	opt.as_strace = strcmp(slash ? slash + 1 : progname, "strace") == 0;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		if (c == ':') {
			if (optopt && optopt < 256)
				usage_error("option requires an argument -- '%c'", optopt);
			usage_error("option '%s' requires an argument", argv[optind - 1]);
		}
		const struct optdef *d = c == '?' ? NULL : find_def(c);
		if (!d) {
			if (optopt && optopt < 256)
				usage_error("invalid option -- '%c'", optopt);
			if (optopt >= 256)   /* --name=VALUE for an option that takes none */
				usage_error("option '--%s' doesn't allow an argument",
					    find_def(optopt)->longopt);
			unknown_long_option(argv[optind - 1]);
		}
		if (c >= 256)
			snprintf(given, sizeof(given), "--%s", d->longopt);
		else
			snprintf(given, sizeof(given), "-%c", c);
		d->handle(optarg);
	}
	if (optind >= argc && !opt.nattach)
		usage_error("must have PROG [ARGS] or -p PID");
	opt.cmd = optind < argc ? argv + optind : NULL;
	daemonize_checks();
	present_finish();   /* its checks come before the summary's, as in strace */
	follow_finish();
	summary_checks();
	settle_seccomp();
	summary_warnings();
	if (opt.outfile && (opt.outfile[0] == '|' || opt.outfile[0] == '!'))
		opt.output_pipe = opt.outfile + 1;
	if (separately_long && !f_count && !follow_long && !opt.outfile)
		warnmsg("--output-separately has no effect without -o/--output");
	if (opt.append && !opt.outfile)
		warnmsg("-A/--output-append-mode has no effect without -o/--output");
	if (opt.username)
		user_resolve(opt.username, &opt.user);
	if (opt.output_pipe && opt.output_separately)
		usage_error("piping the output and -ff/--output-separately are mutually exclusive");
	if (opt.kill_on_exit && opt.nattach)
		die("--kill-on-exit and -p/--attach are mutually exclusive options");
	if (!opt.interactive)   /* as strace: 4 under -D, 3 with -o FILE CMD */
		opt.interactive = opt.daemonize ? 4 : opt.outfile && opt.cmd ? 3 : 2;
	filter_finish();
	seccomp_set_check();
}
