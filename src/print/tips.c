/* tips: --tips's argument and estrace's own tips (see tips.h). */
#include "print/tips.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "opt/options.h"
#include "util/die.h"

static const char *const tips[] = {
	"estrace prints every string and argv array whole; -s N cuts them where strace would.",
	"Under -f, estrace's seccomp-bpf filter stops tracees only at the syscalls shown. "
	"--no-seccomp-bpf lets them outlive a killed estrace.",
	"The default trace set is %process: what ran, and who started it. -e trace=all shows "
	"every syscall, as does estrace called through a link named strace.",
	"-c counts the traced syscalls and prints strace's table at the end; -C prints the trace "
	"too.",
	"-o '|CMD' sends the trace to a shell command's standard input, so the traced program "
	"keeps its own stderr.",
	"-k prints the caller's stack after each syscall line; symbols are read once per file "
	"and shared by every tracee.",
	"-ff -o FILE writes each thread's trace to FILE.TID, with no pid prefix.",
	"-Y names the command behind every pid prefix, as --decode-pids=comm does.",
};
#define NTIPS (sizeof(tips) / sizeof(tips[0]))
#define TIP_WIDTH 44   /* the text's column in the box */

/* One token: [id:]ID or [format:]FORMAT; false when it is neither. */
static bool tips_token(const char *tok)
{
	static const char *const formats[] = { "none", "compact", "full" };
	bool id_only = strncasecmp(tok, "id:", 3) == 0;
	bool format_only = strncasecmp(tok, "format:", 7) == 0;
	const char *v = tok + (id_only ? 3 : format_only ? 7 : 0);
	for (int i = 0; !id_only && i < 3; i++)
		if (strcasecmp(v, formats[i]) == 0) {
			opt.tips_format = (enum tips_format)i;
			return true;
		}
	if (format_only)
		return false;
	if (strcasecmp(v, "random") == 0) {
		opt.tip_id = -1;
		return true;
	}
	char *end;
	errno = 0;
	long id = strtol(v, &end, 10);
	if (end == v || *end || errno || id < 0 || id > INT_MAX)
		return false;
	opt.tip_id = (int)id;
	return true;
}

void tips_parse(const char *arg)
{
	opt.tips_format = TIPS_COMPACT;
	opt.tip_id = -1;
	if (!arg)
		return;
	char *copy = xstrdup(arg), *save = NULL;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		if (!tips_token(tok))
			usage_error("invalid --tips argument: '%s'", arg);
	free(copy);
}

/* The tip's words in lines of at most TIP_WIDTH columns, each framed "| ... |". */
static void print_words(const char *text)
{
	while (*text) {
		size_t n = strlen(text);
		if (n > TIP_WIDTH) {
			n = TIP_WIDTH;
			while (n > 0 && text[n] != ' ')
				n--;
			if (n == 0)
				n = TIP_WIDTH;
		}
		fprintf(stderr, " | %-*.*s |\n", TIP_WIDTH, (int)n, text);
		text += n;
		text += strspn(text, " ");
	}
}

void tips_show(void)
{
	if (opt.tips_format == TIPS_NONE)
		return;
	size_t id = opt.tip_id >= 0 ? (size_t)opt.tip_id % NTIPS : (size_t)time(NULL) % NTIPS;
	char rule[TIP_WIDTH + 3];
	memset(rule, '_', sizeof(rule) - 1);
	rule[sizeof(rule) - 1] = '\0';
	fprintf(stderr, "  %s\n", rule);
	if (opt.tips_format == TIPS_FULL) {
		char title[32];
		snprintf(title, sizeof(title), "estrace tip %zu of %zu", id, NTIPS);
		fprintf(stderr, " / %-*s \\\n |%*s|\n", TIP_WIDTH, title, TIP_WIDTH + 2, "");
	} else {
		fprintf(stderr, " /%*s\\\n", TIP_WIDTH + 2, "");
	}
	print_words(tips[id]);
	fprintf(stderr, " \\%s/\n", rule);
	fflush(stderr);
}
