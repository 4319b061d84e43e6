/* present: parsing of the presentation options' values, with strace 6.1's spellings, its
 * case rules (-X is case-sensitive, the rest are not) and its messages. */
#include "opt/present.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "opt/options.h"
#include "util/die.h"

static int y_count, x_count, t_count;
static bool decode_fds_given, hex_given, absolute_given;

static const struct word fd_words[] = {
	{ "path", DECODE_FD_PATH }, { "socket", DECODE_FD_SOCKET },
	{ "dev", DECODE_FD_DEV }, { "pidfd", DECODE_FD_PIDFD },
};

static const struct word pid_words[] = {
	{ "comm", DECODE_PID_COMM }, { "pidns", DECODE_PID_NS },
};

/* strace toggles the negation at each leading '!', so "!!x" is "x". */
unsigned words_parse(const char *spec, const struct word *w, size_t n, const char *what)
{
	const char *whole = spec;
	bool negate = false;
	for (; *spec == '!'; spec++)
		negate = !negate;
	unsigned all = 0, bits = 0;
	for (size_t i = 0; i < n; i++)
		all |= w[i].bits;
	if (strcasecmp(spec, "all") == 0)
		bits = all;
	else if (strcasecmp(spec, "none") != 0) {
		char *copy = xstrdup(spec), *save = NULL;
		bool any = false;
		for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			size_t i = 0;
			while (i < n && strcasecmp(tok, w[i].name) != 0)
				i++;
			if (i == n)
				die("invalid %s '%s'", what, tok);
			bits |= w[i].bits;
			any = true;
		}
		free(copy);
		if (!any)
			die("invalid %s '%s'", what, whole);
	}
	return negate ? all & ~bits : bits;
}

void present_decode_fds(const char *spec)
{
	decode_fds_given = true;
	opt.decode_fds = spec ? words_parse(spec, fd_words, 4, "decode-fds") : DECODE_FD_PATH;
}

void present_decode_pids(const char *spec)
{
	opt.decode_pids = words_parse(spec, pid_words, 2, "decode-pids");
}

void present_y(void) { y_count++; }
void present_x(void) { x_count++; }
void present_t(void) { t_count++; }

/* The index of arg in names (case-insensitive), or -1. */
static int lookup(const char *arg, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (strcasecmp(arg, names[i]) == 0)
			return i;
	return -1;
}

void present_strings_in_hex(const char *arg)
{
	static const char *const names[] = { "none", "non-ascii-chars", "non-ascii", "all" };
	static const enum quote_style styles[] = { QUOTE_C, QUOTE_HEX_CHARS, QUOTE_HEX_NONPRINT,
						   QUOTE_HEX_ALL };
	hex_given = true;
	int i = arg ? lookup(arg, names, 4) : 3;
	if (i < 0)
		usage_error("invalid --strings-in-hex argument: '%s'", arg);
	opt.quote = styles[i];
}

void present_const_style(const char *arg, const char *optname)
{
	static const char *const names[] = { "abbrev", "raw", "verbose" };
	for (int i = 0; i < 3; i++) {
		if (strcmp(arg, names[i]) == 0) {   /* strace matches these case-sensitively */
			opt.xlat_style = (enum xlat_style)i;
			return;
		}
	}
	usage_error("invalid %s argument: '%s'", optname, arg);
}

/* "s", "ms", "us", "ns": the digits after the point; -1 when it is none of them. */
static int precision_digits(const char *s)
{
	static const char *const names[] = { "s", "ms", "us", "ns" };
	int i = lookup(s, names, 4);
	return i < 0 ? -1 : 3 * i;
}

static const char *const formats[] = { "none", "time", "unix" };

/* One token of --absolute-timestamps: [format:]FORMAT or [precision:]PRECISION. */
static bool absolute_token(const char *tok, int *format, int *digits)
{
	bool fmt_only = strncasecmp(tok, "format:", 7) == 0;
	bool prec_only = strncasecmp(tok, "precision:", 10) == 0;
	const char *v = tok + (fmt_only ? 7 : prec_only ? 10 : 0);
	int f = prec_only ? -1 : lookup(v, formats, 3);
	int d = fmt_only || f >= 0 ? -1 : precision_digits(v);
	if (f >= 0)
		*format = f;
	else if (d >= 0)
		*digits = d;
	return f >= 0 || d >= 0;
}

/* Each --absolute-timestamps sets only the fields its argument names, as strace's does: given
 * bare it sets the format to time; given a value, a format still none becomes time first. */
void present_absolute(const char *arg, const char *optname)
{
	int format = arg && opt.timestamps ? opt.timestamps : 1, digits = opt.stamp_digits;
	absolute_given = true;
	if (arg) {
		char *copy = xstrdup(arg), *save = NULL;
		for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
			if (!absolute_token(tok, &format, &digits))
				usage_error("invalid %s argument: '%s'", optname, arg);
		free(copy);
	}
	opt.timestamps = format;
	opt.stamp_unix = format == 2;
	opt.stamp_digits = digits;
}

static int precision_arg(const char *arg, const char *optname)
{
	int d = arg ? precision_digits(arg) : 6;
	if (d < 0)
		usage_error("invalid --%s argument: '%s'", optname, arg);
	return d;
}

void present_relative(const char *arg)
{
	opt.relative = true;
	opt.relative_digits = precision_arg(arg, "relative-timestamps");
}

void present_durations(const char *arg)
{
	opt.durations = true;
	opt.duration_digits = precision_arg(arg, "syscall-times");
}

void present_reset(void)
{
	y_count = x_count = t_count = 0;
	decode_fds_given = hex_given = absolute_given = false;
}

void present_finish(void)
{
	if (y_count && decode_fds_given)
		die("-y and --decode-fds cannot be provided simultaneously");
	if (x_count && hex_given)
		die("-x and --strings-in-hex cannot be provided simultaneously");
	if (t_count && absolute_given)
		die("-t and --absolute-timestamps cannot be provided simultaneously");
	if (y_count)
		opt.decode_fds = y_count == 1 ? DECODE_FD_PATH : DECODE_FD_PATH | DECODE_FD_SOCKET |
			DECODE_FD_DEV | DECODE_FD_PIDFD;
	if (x_count)
		opt.quote = x_count == 1 ? QUOTE_HEX_NONPRINT : QUOTE_HEX_ALL;
	if (t_count) {
		opt.timestamps = t_count >= 3 ? 2 : 1;
		opt.stamp_unix = t_count >= 3;
		opt.stamp_digits = t_count >= 2 ? 6 : 0;
	}
}
