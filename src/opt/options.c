/* options: one table describes every option; getopt's strings and --help are built from it. */
#include "config.h"

#include "opt/options.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "opt/filter.h"
#include "opt/present.h"
#include "util/buf.h"
#include "util/die.h"

struct options opt = {
	.max_strlen = SIZE_MAX,
	.column = 40,
	.interactive = 0,   /* 0: chosen from -o at the end of parsing */
	.seccomp = true,
	.relative_digits = 6,
	.duration_digits = 6,
};

void usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s -h' for more information.\n", progname);
	exit(1);
}

/* A whole number in [min, max], or a usage error naming the option. */
static long number_arg(const char *arg, char letter, long min, long max)
{
	char *end;
	errno = 0;
	long n = strtol(arg, &end, 10);
	if (!*arg || *end || errno || n < min || n > max)
		usage_error("invalid -%c argument: '%s'", letter, arg);
	return n;
}

static void on_follow(const char *arg) { opt.follow++; }
static void on_follow_sep(const char *arg) { opt.follow = 2; }
static void on_output(const char *arg) { opt.outfile = arg; }
static void on_strlen(const char *arg)
{
	opt.max_strlen = number_arg(arg, 's', 0, INT_MAX);
	opt.strlen_given = true;
}
static void on_column(const char *arg) { opt.column = number_arg(arg, 'a', 0, INT_MAX); }
static void on_verbose(const char *arg) { filter_parse("abbrev=none"); }
static void on_quiet(const char *arg) { opt.quiet++; }
static void on_expr(const char *arg) { filter_parse(arg); }
static void on_interactive(const char *arg) { opt.interactive = number_arg(arg, 'I', 1, 4); }
static void on_hex(const char *arg) { present_x(); }
static void on_hex_long(const char *arg) { present_strings_in_hex(arg); }
static void on_timestamps(const char *arg) { present_t(); }
static void on_timestamps_long(const char *arg) { present_absolute(arg); }
static void on_relative(const char *arg) { present_relative(arg); }
static void on_durations(const char *arg) { present_durations(arg); }
static void on_const_style(const char *arg) { present_const_style(arg, "-X"); }
static void on_const_style_long(const char *arg) { present_const_style(arg, "--const-print-style"); }
static void on_number(const char *arg) { opt.syscall_number = true; }
static void on_always_pid(const char *arg) { opt.always_show_pid = true; }
static void on_fds(const char *arg) { present_y(); }
static void on_fds_long(const char *arg) { present_decode_fds(arg); }
static void on_comm(const char *arg) { present_decode_pids("comm"); }
static void on_pids_long(const char *arg) { present_decode_pids(arg); }
static void on_append(const char *arg) { opt.append = true; }
static void on_seccomp(const char *arg) { opt.seccomp = true; }
static void on_no_seccomp(const char *arg) { opt.seccomp = false; }
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

struct optdef {
	char shortopt;            /* 0: long only */
	const char *longopt;      /* NULL: short only */
	const char *argname;      /* NULL: takes no argument; "[NAME]": the long form's is optional */
	void (*handle)(const char *arg);
	const char *help;
};

static const struct optdef optdefs[] = {
	{ 'f', "follow-forks", NULL, on_follow,
	  "follow children (fork, vfork, clone, clone3, threads); -ff: one file per thread with -o" },
	{ 0, "output-separately", NULL, on_follow_sep, "like -ff" },
	{ 'o', "output", "FILE", on_output,
	  "write the trace to FILE (FILE.PID per thread with -ff) instead of stderr; "
	  "'|CMD' or '!CMD': to the standard input of the shell command CMD" },
	{ 'A', "output-append-mode", NULL, on_append, "append to the -o file instead of truncating it" },
	{ 's', "string-limit", "N", on_strlen,
	  "cut strings at N bytes and arrays at N elements, as strace; default: never cut" },
	{ 'v', "no-abbrev", NULL, on_verbose,
	  "print environments, rusage and arrays in full (-e abbrev=none)" },
	{ 'q', "quiet", NULL, on_quiet,
	  "hide attach messages; -qq also exit lines; -qqq also 'superseded' lines" },
	{ 'e', NULL, "EXPR", on_expr,
	  "trace=SET (names, %class, all, none, !SET; default %process), signal=SET, "
	  "raw=SET, abbrev=SET, verbose=SET (syscall sets), decode-fds=, decode-pids=" },
	{ 0, "trace", "SET", on_trace_long, "same as -e trace=SET" },
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
	  "like -t: FORMAT time, unix or none; PRECISION s (default), ms, us or ns" },
	{ 'r', "relative-timestamps", "[PRECISION]", on_relative,
	  "prefix lines with the time since the previous line (precision s, ms, us, ns)" },
	{ 'T', "syscall-times", "[PRECISION]", on_durations,
	  "show the time spent in each syscall (precision s, ms, us, ns)" },
	{ 'I', "interruptible", "N", on_interactive,
	  "1: no signals blocked; 2: fatal signals blocked while decoding; "
	  "3: always (default with -o FILE CMD); 4: also SIGTSTP" },
	{ 0, "seccomp-bpf", NULL, on_seccomp,
	  "stop tracees only at the syscalls shown (the default; tracees die with estrace)" },
	{ 0, "no-seccomp-bpf", NULL, on_no_seccomp,
	  "stop tracees at every syscall, so they can outlive estrace" },
	{ 'h', "help", NULL, on_help, "print this help and exit" },
	{ 'V', "version", NULL, on_version, "print the version and exit" },
};

#define NOPTS (sizeof(optdefs) / sizeof(optdefs[0]))

static void on_help(const char *arg)
{
	printf("Usage: %s [OPTIONS] PROG [ARGS]\n"
	       "Trace the system calls of PROG and its children, printing them as strace does.\n\n",
	       progname);
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
		if (n > 28)
			printf("  %s\n  %-28s %s\n", left, "", d->help);
		else
			printf("  %-28s %s\n", left, d->help);
	}
	printf("\nUnlike strace, nothing is truncated unless -s is given. See %s(1).\n", progname);
	exit(0);
}

static void on_version(const char *arg)
{
	printf("%s -- version %s\n", progname, PACKAGE_VERSION);
	exit(0);
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

void options_parse(int argc, char **argv)
{
	char shorts[2 * NOPTS + 3];
	struct option longs[NOPTS + 1];
	build_getopt(shorts, longs);
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
			usage_error("unrecognized option '%s'", argv[optind - 1]);
		}
		d->handle(optarg);
	}
	if (optind >= argc)
		usage_error("must have PROG [ARGS] or -p PID");
	opt.cmd = argv + optind;
	if (opt.outfile && (opt.outfile[0] == '|' || opt.outfile[0] == '!'))
		opt.output_pipe = opt.outfile + 1;
	if (opt.output_pipe && opt.follow >= 2)
		usage_error("piping the output and -ff/--output-separately are mutually exclusive");
	if (opt.append && !opt.outfile)
		warnmsg("-A/--output-append-mode has no effect without -o/--output");
	if (opt.outfile && !opt.quiet)
		opt.quiet = 1;   /* -o FILE CMD: attach messages would only clutter the terminal */
	if (!opt.interactive)
		opt.interactive = opt.outfile ? 3 : 2;
	present_finish();
	filter_finish();
}
