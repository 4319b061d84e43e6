/* filter: the -e qualifiers: trace=, signal=, and the per-syscall presentation sets raw=,
 * abbrev=, verbose=. The last expression of a kind wins, as in strace. */
#include "opt/filter.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "opt/present.h"
#include "print/xlat.h"
#include "util/die.h"

unsigned char filter_trace[SC_COUNT + 1];
unsigned char filter_raw[SC_COUNT + 1];
unsigned char filter_abbrev[SC_COUNT + 1];
unsigned char filter_verbose[SC_COUNT + 1];
static bool trace_set, abbrev_set, verbose_set;
static unsigned char filter_signal[65];
static bool signal_set;

static const struct {
	const char *name;
	unsigned bit;
	bool bare_ok;   /* strace also accepts it without the '%' (its older spelling) */
} classes[] = {
	{ "file", CL_FILE, true }, { "ipc", CL_IPC, true }, { "network", CL_NETWORK, true },
	{ "net", CL_NETWORK, false }, { "process", CL_PROCESS, true }, { "signal", CL_SIGNAL, true },
	{ "desc", CL_DESC, true }, { "memory", CL_MEMORY, true }, { "creds", CL_CREDS, false },
	{ "clock", CL_CLOCK, false }, { "stat", CL_STAT, false }, { "lstat", CL_LSTAT, false },
	{ "fstat", CL_FSTAT, false }, { "%stat", CL_STAT_LIKE, false },
	{ "statfs", CL_STATFS, false }, { "fstatfs", CL_FSTATFS, false },
	{ "%statfs", CL_STATFS_LIKE, false }, { "pure", CL_PURE, false },
};

static unsigned class_bit(const char *tok)
{
	bool pct = tok[0] == '%';
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if ((pct || classes[i].bare_ok) && strcmp(tok + pct, classes[i].name) == 0)
			return classes[i].bit;
	return 0;
}

/* Add one token of a syscall set to set[]; false when it names nothing. */
static bool syscall_set_add(unsigned char *set, const char *tok)
{
	if (strcmp(tok, "all") == 0) {
		memset(set, 1, SC_COUNT + 1);
		return true;
	}
	if (strcmp(tok, "none") == 0)
		return true;
	unsigned bit = class_bit(tok);
	if (bit) {
		for (size_t id = 0; id < SC_COUNT; id++)
			if (sysent[id].classes & bit)
				set[id] = 1;
		return true;
	}
	bool optional = tok[0] == '?';
	enum sc_id id = sysent_by_name(tok + optional);
	if (id != SC_COUNT) {
		set[id] = 1;
		return true;
	}
	return optional;
}

/* A set of syscalls as trace=, raw=, abbrev= and verbose= take it. */
static void parse_syscall_set(unsigned char *set, const char *spec)
{
	bool negate = spec[0] == '!';
	spec += negate;
	memset(set, 0, SC_COUNT + 1);
	char *copy = xstrdup(spec);
	char *save = NULL;
	bool any = false;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!syscall_set_add(set, tok))
			die("invalid system call '%s'", tok);
		any = true;
	}
	free(copy);
	if (!any)
		die("invalid system call '%s'", spec);
	if (negate)
		for (size_t i = 0; i < SC_COUNT; i++)
			set[i] = !set[i];
}

static void parse_trace(const char *spec)
{
	parse_syscall_set(filter_trace, spec);
	filter_trace[SC_COUNT] = 1;   /* strace shows numbers it has no name for whatever the set */
	trace_set = true;
}

/* A number no table names is printed raw whatever the set, so its slot is left as parsed. */
static void parse_raw(const char *spec) { parse_syscall_set(filter_raw, spec); }
static void parse_abbrev(const char *spec)
{
	parse_syscall_set(filter_abbrev, spec);
	abbrev_set = true;
}
static void parse_verbose(const char *spec)
{
	parse_syscall_set(filter_verbose, spec);
	verbose_set = true;
}

/* A signal by name (with or without "SIG", any case) or number; 0 when unknown. */
static int signal_parse(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);
	if (*s && !*end)
		return n >= 0 && n <= 64 ? (int)n : 0;
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	for (int sig = 1; sig <= 64; sig++) {
		const char *name = signal_name(sig);
		if (name && strcasecmp(s, name + 3) == 0)
			return sig;
	}
	return 0;
}

static void parse_signal(const char *set)
{
	bool negate = set[0] == '!';
	set += negate;
	memset(filter_signal, 0, sizeof(filter_signal));
	char *copy = xstrdup(set);
	char *save = NULL;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (strcmp(tok, "all") == 0) {
			memset(filter_signal, 1, sizeof(filter_signal));
			continue;
		}
		if (strcmp(tok, "none") == 0)
			continue;
		int sig = signal_parse(tok);
		if (!sig)
			die("invalid signal '%s'", tok);
		filter_signal[sig] = 1;
	}
	free(copy);
	if (negate)
		for (size_t i = 0; i < sizeof(filter_signal); i++)
			filter_signal[i] = !filter_signal[i];
	signal_set = true;
}

static const struct {
	const char *prefix;
	void (*parse)(const char *set);
} qualifiers[] = {
	{ "trace=", parse_trace }, { "t=", parse_trace },
	{ "signal=", parse_signal }, { "signals=", parse_signal }, { "s=", parse_signal },
	{ "raw=", parse_raw }, { "x=", parse_raw },
	{ "abbrev=", parse_abbrev }, { "a=", parse_abbrev },
	{ "verbose=", parse_verbose }, { "v=", parse_verbose },
	{ "decode-fds=", present_decode_fds }, { "decode-fd=", present_decode_fds },
	{ "decode-pids=", present_decode_pids }, { "decode-pid=", present_decode_pids },
};

void filter_parse(const char *expr)
{
	for (size_t i = 0; i < sizeof(qualifiers) / sizeof(qualifiers[0]); i++) {
		size_t n = strlen(qualifiers[i].prefix);
		if (strncmp(expr, qualifiers[i].prefix, n) == 0) {
			qualifiers[i].parse(expr + n);
			return;
		}
	}
	parse_trace(expr);
}

void filter_finish(void)
{
	if (!trace_set)
		parse_trace("%process");
	if (!signal_set)
		parse_signal("all");
	if (!abbrev_set)
		parse_abbrev("all");
	if (!verbose_set)
		parse_verbose("all");
}

bool signal_wanted(int sig)
{
	return sig > 0 && sig < (int)sizeof(filter_signal) && filter_signal[sig];
}
