/* filter: the -e qualifiers: trace=, signal=, and the per-syscall presentation sets raw=,
 * abbrev=, verbose=. The last expression of a kind wins, as in strace. */
#include "opt/filter.h"

#include <ctype.h>
#include <errno.h>
#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "opt/options.h"
#include "opt/present.h"
#include "print/xlat.h"
#include "util/die.h"

unsigned char filter_trace[ABI_COUNT][SC_COUNT + 1];
unsigned char filter_raw[SC_COUNT + 1];
unsigned char filter_abbrev[SC_COUNT + 1];
unsigned char filter_verbose[SC_COUNT + 1];
static bool trace_set, abbrev_set, verbose_set;
#define SIGNAL_SET_SIZE 256
static unsigned char filter_signal[SIGNAL_SET_SIZE];
static bool signal_set;
static unsigned status_set = ~0u;
static int quiet_count;       /* -q */
static bool quiet_given;      /* -e quiet=, --quiet */
static int status_options;    /* -z, -Z */

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

/* A selection of syscalls per ABI, as a set is parsed: sel[abi][id]. */
typedef unsigned char selection[ABI_COUNT][SC_COUNT + 1];

/* The ABIs a token's "@64", "@32" or "@x32" limits it to, as a bit per enum abi; x32 is a
 * personality estrace has no table for: valid, but it selects nothing. */
enum { ABIS_ALL = (1 << ABI_COUNT) - 1, ABIS_X32 = 1 << ABI_COUNT };

/* Select id in every ABI of abis that has it; true if one did (x32: if x86_64 has it). */
static bool select_id(selection sel, unsigned abis, enum sc_id id)
{
	bool any = false;
	for (int abi = 0; abi < ABI_COUNT; abi++)
		if (sysent_in_abi(abi, id) && (abis & (1u << abi)))
			sel[abi][id] = any = true;
	return any || ((abis & ABIS_X32) && sysent_in_abi(ABI_X86_64, id));
}

/* A number: the syscall it names in each ABI of abis (strace: in that personality's table). */
static bool syscall_number_add(selection sel, unsigned abis, const char *tok)
{
	char *end;
	errno = 0;
	long nr = strtol(tok, &end, 10);
	if (!isdigit((unsigned char)tok[0]) || *end || errno)
		return false;
	bool known = false;
	for (int abi = 0; abi < ABI_COUNT; abi++) {
		enum sc_id id = sysent_id(abi, (uint64_t)nr);
		if (id != SC_COUNT && (abis & (1u << abi)))
			sel[abi][id] = known = true;
		if (id != SC_COUNT && abi == ABI_X86_64 && (abis & ABIS_X32))
			known = true;
	}
	return known;
}

/* "/REGEX": every syscall whose name it matches (POSIX extended, unanchored, as strace). */
static bool syscall_regex_add(selection sel, unsigned abis, const char *re)
{
	regex_t rx;
	int err = regcomp(&rx, re, REG_EXTENDED | REG_NOSUB);
	if (err) {
		char msg[256];
		regerror(err, &rx, msg, sizeof(msg));
		die("regcomp: %s: %s", re, msg);
	}
	bool any = false;
	for (size_t id = 0; id < SC_COUNT; id++)
		if (regexec(&rx, sysent[id].name, 0, NULL, 0) == 0 && select_id(sel, abis, id))
			any = true;
	regfree(&rx);
	return any;
}

/* Add one token of a syscall set, limited to abis, to sel; false when it names nothing. */
static bool syscall_set_add(selection sel, unsigned abis, const char *tok)
{
	bool optional = tok[0] == '?';   /* "?X": no error when X names nothing */
	tok += optional;
	if (strcmp(tok, "all") == 0) {
		for (int abi = 0; abi < ABI_COUNT; abi++)
			if (abis & (1u << abi))
				memset(sel[abi], 1, SC_COUNT + 1);
		return true;
	}
	if (tok[0] == '/')
		return syscall_regex_add(sel, abis, tok + 1) || optional;
	unsigned bit = class_bit(tok);
	if (bit) {
		for (size_t id = 0; id < SC_COUNT; id++)
			if (sysent[id].classes & bit)
				select_id(sel, abis, id);
		return true;
	}
	enum sc_id id = sysent_by_name(tok);
	if (id != SC_COUNT && select_id(sel, abis, id))
		return true;
	return syscall_number_add(sel, abis, tok) || optional;
}

/* A token's personality: "X@64", "X@32", "X@x32" limit X to that ABI; any other suffix is an
 * error, as in strace. The suffix is cut off tok. */
static unsigned token_abis(char *tok)
{
	char *at = strrchr(tok, '@');
	if (!at || at == tok || (at == tok + 1 && tok[0] == '?'))
		return ABIS_ALL;
	static const struct { const char *name; unsigned abis; } personalities[] = {
		{ "64", 1u << ABI_X86_64 }, { "32", 1u << ABI_I386 }, { "x32", ABIS_X32 },
	};
	for (size_t i = 0; i < sizeof(personalities) / sizeof(personalities[0]); i++)
		if (strcmp(at + 1, personalities[i].name) == 0) {
			*at = '\0';
			return personalities[i].abis;
		}
	usage_error("incorrect personality designator '%s' in qualification '%s'", at + 1, tok);
}

/* A set of syscalls as trace=, raw=, abbrev= and verbose= take it, per ABI: each leading '!'
 * toggles the negation; "none" only alone, "all" anywhere in the list. */
static void parse_syscall_set(selection sel, const char *spec)
{
	const char *whole = spec;
	bool negate = false;
	for (; *spec == '!'; spec++)
		negate = !negate;
	memset(sel, 0, sizeof(selection));
	if (strcmp(spec, "none") != 0) {
		char *copy = xstrdup(spec);
		char *save = NULL;
		bool any = false;
		for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			char *whole_tok = xstrdup(tok);
			if (!syscall_set_add(sel, token_abis(tok), tok))
				die("invalid system call '%s'", whole_tok);
			free(whole_tok);
			any = true;
		}
		free(copy);
		if (!any)
			die("invalid system call '%s'", whole);
	}
	if (negate)
		for (int abi = 0; abi < ABI_COUNT; abi++)
			for (size_t i = 0; i < SC_COUNT; i++)
				sel[abi][i] = !sel[abi][i];
}

/* raw=, abbrev=, verbose= are asked by syscall alone: one selected in any ABI is selected. */
static void parse_neutral_set(unsigned char *set, const char *spec)
{
	static selection sel;
	parse_syscall_set(sel, spec);
	for (size_t i = 0; i <= SC_COUNT; i++) {
		set[i] = 0;
		for (int abi = 0; abi < ABI_COUNT; abi++)
			set[i] |= sel[abi][i];
	}
}

static void parse_trace(const char *spec)
{
	parse_syscall_set(filter_trace, spec);
	for (int abi = 0; abi < ABI_COUNT; abi++)
		filter_trace[abi][SC_COUNT] = 1;   /* strace shows numbers it has no name for */
	trace_set = true;
}

/* A number no table names is printed raw whatever the set, so its slot is left as parsed. */
static void parse_raw(const char *spec) { parse_neutral_set(filter_raw, spec); }
static void parse_abbrev(const char *spec)
{
	parse_neutral_set(filter_abbrev, spec);
	abbrev_set = true;
}
static void parse_verbose(const char *spec)
{
	parse_neutral_set(filter_verbose, spec);
	verbose_set = true;
}

/* A signal by name (with or without "SIG", any case) or a number up to 255 (strace keeps a bit
 * for each, named or not); -1 when it is neither. */
static int signal_parse(const char *s)
{
	if (*s && s[strspn(s, "0123456789")] == '\0') {
		errno = 0;
		long n = strtol(s, NULL, 10);
		return errno || n >= SIGNAL_SET_SIZE ? -1 : (int)n;
	}
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	for (int sig = 1; sig <= 64; sig++) {
		const char *name = signal_name(sig);
		if (name && strcasecmp(s, name + 3) == 0)
			return sig;
	}
	return -1;
}

/* As strace 6.1 takes a signal set: each leading '!' toggles the negation; "all" and "none" only
 * alone; empty items are skipped, but a set of none at all is an error. */
static void parse_signal(const char *spec)
{
	const char *whole = spec;
	bool negate = false;
	for (; *spec == '!'; spec++)
		negate = !negate;
	memset(filter_signal, 0, sizeof(filter_signal));
	if (strcmp(spec, "all") == 0)
		memset(filter_signal, 1, sizeof(filter_signal));
	else if (strcmp(spec, "none") != 0) {
		char *copy = xstrdup(spec), *save = NULL;
		bool any = false;
		for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
			int sig = signal_parse(tok);
			if (sig < 0)
				die("invalid signal '%s'", tok);
			filter_signal[sig] = 1;
			any = true;
		}
		free(copy);
		if (!any)
			die("invalid signal '%s'", whole);
	}
	if (negate)
		for (size_t i = 0; i < sizeof(filter_signal); i++)
			filter_signal[i] = !filter_signal[i];
	signal_set = true;
}

static const struct word status_words[] = {
	{ "successful", STATUS_SUCCESSFUL }, { "failed", STATUS_FAILED },
	{ "unfinished", STATUS_UNFINISHED }, { "unavailable", STATUS_UNAVAILABLE },
	{ "detached", STATUS_DETACHED },
};
static const unsigned status_all = STATUS_SUCCESSFUL | STATUS_FAILED | STATUS_UNFINISHED |
				   STATUS_UNAVAILABLE | STATUS_DETACHED;

static void parse_status(const char *spec)
{
	status_set = words_parse(spec, status_words, 5, "status");
}

void status_only(const char *set)
{
	if (++status_options == 2)
		warnmsg("Only the last of -z/--successful-only/-Z/--failed-only options will take "
			"effect. See status qualifier for more complex filters.");
	parse_status(set);
}

bool status_filtering(void)
{
	return (status_set & status_all) != status_all;
}

bool status_wanted(enum call_status status)
{
	return status_set & status;
}

static const struct word quiet_words[] = {
	{ "attach", QUIET_ATTACH }, { "exit", QUIET_EXIT }, { "exits", QUIET_EXIT },
	{ "path-resolution", QUIET_PATH_RESOLUTION }, { "personality", QUIET_PERSONALITY },
	{ "thread-execve", QUIET_THREAD_EXECVE }, { "superseded", QUIET_THREAD_EXECVE },
};

static void parse_quiet(const char *spec)
{
	opt.quiet_set = words_parse(spec, quiet_words, 7, "quiet");
	quiet_given = true;
}

void quiet_default(void) { parse_quiet("attach,personality"); }
void quiet_count_add(void) { quiet_count++; }
bool quiet_asked(void) { return quiet_count || quiet_given; }

/* -q, -qq, -qqq; -o FILE CMD means -q unless the quiet set was given (its attach messages would
 * only clutter the terminal). */
static void quiet_finish(void)
{
	if (quiet_count && quiet_given)
		die("-q and -e quiet/--quiet cannot be provided simultaneously");
	if (!quiet_count && !quiet_given && opt.outfile && opt.cmd)
		quiet_count = 1;
	if (quiet_count)
		opt.quiet_set = QUIET_ATTACH | QUIET_PERSONALITY;
	if (quiet_count >= 2)
		opt.quiet_set |= QUIET_EXIT;
	if (quiet_count >= 3)
		opt.quiet_set = words_parse("all", quiet_words, 7, "quiet");
}

void secontext_refuse(const char *arg)
{
	die("SELinux context printing (--secontext option) is not supported by estrace");
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
	{ "status=", parse_status },
	{ "quiet=", parse_quiet }, { "silent=", parse_quiet }, { "silence=", parse_quiet },
	{ "q=", parse_quiet },
	{ "decode-fds=", present_decode_fds }, { "decode-fd=", present_decode_fds },
	{ "decode-pids=", present_decode_pids }, { "decode-pid=", present_decode_pids },
	/* strace's, not implemented (NULL): said plainly, rather than "invalid system call" */
	{ "read=", NULL }, { "r=", NULL }, { "write=", NULL }, { "w=", NULL },
	{ "fault=", NULL }, { "inject=", NULL }, { "kvm=", NULL },
	{ "secontext=", secontext_refuse },
};

void filter_parse(const char *expr)
{
	for (size_t i = 0; i < sizeof(qualifiers) / sizeof(qualifiers[0]); i++) {
		size_t n = strlen(qualifiers[i].prefix);
		if (strncmp(expr, qualifiers[i].prefix, n) == 0) {
			if (!qualifiers[i].parse)
				die("-e %s is not supported", qualifiers[i].prefix);
			qualifiers[i].parse(expr + n);
			return;
		}
	}
	parse_trace(expr);
}

void filter_finish(void)
{
	quiet_finish();
	if (!trace_set)   /* scripts that call estrace as strace see what strace showed them */
		parse_trace(opt.as_strace ? "all" : "%process");
	if (!signal_set)
		parse_signal("all");
	if (!abbrev_set)
		parse_abbrev("all");
	if (!verbose_set)
		parse_verbose("all");
}

void filter_reset(void)
{
	memset(filter_trace, 0, sizeof(filter_trace));
	memset(filter_raw, 0, sizeof(filter_raw));
	memset(filter_abbrev, 0, sizeof(filter_abbrev));
	memset(filter_verbose, 0, sizeof(filter_verbose));
	memset(filter_signal, 0, sizeof(filter_signal));
	trace_set = abbrev_set = verbose_set = signal_set = false;
	status_set = ~0u;
	quiet_count = 0;
	quiet_given = false;
	status_options = 0;
}

bool filter_traces_all(void)
{
	for (int abi = 0; abi < ABI_COUNT; abi++)
		for (size_t id = 0; id < SC_COUNT; id++)
			if (!filter_trace[abi][id])
				return false;
	return true;
}

bool signal_wanted(int sig)
{
	return sig > 0 && sig < (int)sizeof(filter_signal) && filter_signal[sig];
}
