/* filter: -e trace= and -e signal= sets. The last expression of a kind wins, as in strace. */
#include "opt/filter.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "print/xlat.h"
#include "util/die.h"

unsigned char filter_trace[SC_COUNT + 1];
static bool trace_set;
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

/* Add one token of a trace set; false when it names nothing. */
static bool trace_add(const char *tok)
{
	if (strcmp(tok, "all") == 0) {
		memset(filter_trace, 1, sizeof(filter_trace));
		return true;
	}
	if (strcmp(tok, "none") == 0)
		return true;
	unsigned bit = class_bit(tok);
	if (bit) {
		for (size_t id = 0; id < SC_COUNT; id++)
			if (sysent[id].classes & bit)
				filter_trace[id] = 1;
		return true;
	}
	bool optional = tok[0] == '?';
	enum sc_id id = sysent_by_name(tok + optional);
	if (id != SC_COUNT) {
		filter_trace[id] = 1;
		return true;
	}
	return optional;
}

static void parse_trace(const char *set)
{
	bool negate = set[0] == '!';
	set += negate;
	memset(filter_trace, 0, sizeof(filter_trace));
	char *copy = xstrdup(set);
	char *save = NULL;
	bool any = false;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!trace_add(tok))
			die("invalid system call '%s'", tok);
		any = true;
	}
	free(copy);
	if (!any)
		die("invalid system call '%s'", set);
	if (negate)
		for (size_t i = 0; i < SC_COUNT; i++)
			filter_trace[i] = !filter_trace[i];
	filter_trace[SC_COUNT] = 1;   /* strace shows numbers it has no name for whatever the set */
	trace_set = true;
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
}

bool signal_wanted(int sig)
{
	return sig > 0 && sig < (int)sizeof(filter_signal) && filter_signal[sig];
}
