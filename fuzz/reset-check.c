/* reset-check: the test of options_reset, which the fuzz targets rely on (tests/fuzz.bats).
 *
 *   reset-check ARG...                 parse "estrace ARG...", print what it left
 *   reset-check --first ARG... ::: ARG...
 *                                      parse the first command line, options_reset(), then
 *                                      the second, print what that left
 *
 * After a reset the second parse must leave exactly what it leaves in a fresh process, however
 * the first ended (returned, died, or stopped inside a cluster like -fj). */
#include "fuzz/harness.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "opt/filter.h"
#include "opt/options.h"
#include "util/die.h"

static void print_set(const char *name, bool (*wanted)(int), int n)
{
	printf("%s:", name);
	for (int i = 0; i < n; i++)
		if (wanted(i))
			printf(" %d", i);
	putchar('\n');
}
static bool trace_id(int id) { return trace_wanted(id / (SC_COUNT + 1), id % (SC_COUNT + 1)); }
static bool raw_id(int id) { return raw_wanted((enum sc_id)id); }
static bool abbrev_id(int id) { return abbrev_wanted((enum sc_id)id); }
static bool verbose_id(int id) { return verbose_wanted((enum sc_id)id); }
static bool status_bit(int i) { return status_wanted(1u << i); }

static void print_strings(const char *name, const char *const *s, size_t n)
{
	printf("%s:", name);
	for (size_t i = 0; i < n; i++)
		printf(" '%s'", s[i]);
	putchar('\n');
}

/* Everything the rest of estrace reads from parsing. */
static void print_state(void)
{
	printf("follow %d/%d outfile %s pipe %s strlen %zu/%d column %d interactive %d quote %d\n",
	       opt.follow, opt.output_separately, opt.outfile ? opt.outfile : "-", opt.output_pipe ? opt.output_pipe : "-",
	       opt.max_strlen, opt.strlen_given, opt.column, opt.interactive, (int)opt.quote);
	printf("xlat %d seccomp %d/%d stamps %d.%d/%d relative %d.%d durations %d.%d number %d\n",
	       (int)opt.xlat_style, opt.seccomp, opt.seccomp_given, opt.timestamps, opt.stamp_digits,
	       opt.stamp_unix, opt.relative, opt.relative_digits, opt.durations,
	       opt.duration_digits, opt.syscall_number);
	printf("pid %d fds %u pids %u append %d summary %d/%d/%d/%d/%d sort %d columns %d quiet %u\n",
	       opt.always_show_pid, opt.decode_fds, opt.decode_pids, opt.append, opt.summary,
	       opt.summary_only, opt.summary_wall, opt.summary_sort_given,
	       opt.summary_columns_given, (int)opt.summary_layout.sort,
	       opt.summary_layout.ncolumns, opt.quiet_set);
	printf("detach %d argv0 %s user %s/%zu daemonize %d/%d kill %d limit %lu stack %d/%u\n",
	       opt.detach_on_exec, opt.argv0 ? opt.argv0 : "-", opt.username ? opt.username : "-",
	       opt.user.ngroups, opt.daemonize, opt.daemonize_long, opt.kill_on_exit,
	       opt.syscall_limit, opt.stack_trace, opt.stack_frame_limit);
	printf("pids:");
	for (size_t i = 0; i < opt.nattach; i++)
		printf(" %d", opt.attach_pids[i]);
	putchar('\n');
	print_strings("env", opt.env_edits, opt.nenv_edits);
	size_t ncmd = 0;
	while (opt.cmd && opt.cmd[ncmd])
		ncmd++;
	print_strings("cmd", (const char *const *)opt.cmd, ncmd);
	print_set("trace", trace_id, ABI_COUNT * (SC_COUNT + 1));
	print_set("raw", raw_id, SC_COUNT + 1);
	print_set("abbrev", abbrev_id, SC_COUNT + 1);
	print_set("verbose", verbose_id, SC_COUNT + 1);
	print_set("signals", signal_wanted, 65);
	print_set("status", status_bit, 5);
	printf("quiet asked %d, status filtering %d\n", quiet_asked(), status_filtering());
}

static enum die_jump_end parse(int argc, char **argv)
{
	static char **kept[2];   /* opt.cmd points into args: never freed */
	static int nkept;
	char **args = kept[nkept++] = xcalloc(argc + 2, sizeof(*args));
	args[0] = "estrace";
	memcpy(args + 1, argv, argc * sizeof(*argv));
	args[argc + 1] = NULL;
	return fuzz_parse_options(argc + 1, args);
}

int main(int argc, char **argv)
{
	static const char *const ends[] = { "returned", "died", "usage error", "exit 0" };
	int first = 1;
	if (argc > 1 && strcmp(argv[1], "--first") == 0) {
		int sep = 2;
		while (sep < argc && strcmp(argv[sep], ":::") != 0)
			sep++;
		if (sep == argc)
			fuzz_fail("--first needs ':::' before the second command line");
		/* what the first prints (-h) is not the point: only what it leaves */
		fflush(stdout);
		int out = dup(1), null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		parse(sep - 2, argv + 2);
		fflush(stdout);
		dup2(out, 1);
		close(out);
		close(null);
		options_reset();
		first = sep + 1;
	}
	enum die_jump_end end = parse(argc - first, argv + first);
	printf("%s: %s\n", ends[end], die_jump_message());
	if (end == DIE_JUMP_NONE)
		print_state();
	return 0;
}
