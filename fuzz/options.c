/* options fuzz target: the command line parser. The input is the arguments after "estrace",
 * separated by NUL bytes; corpus in fuzz/corpus/options/. How to run: fuzz/README. */
#include "fuzz/harness.h"

#include "opt/filter.h"
#include "opt/options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What options_parse promises when it returns (options.h and its end checks). */
static void check_parsed(void)
{
	fuzz_check(opt.cmd || opt.nattach);
	fuzz_check(opt.interactive >= 1 && opt.interactive <= 4);
	fuzz_check(opt.daemonize <= DAEMON_SESSION);
	fuzz_check(!(opt.summary && opt.output_separately));
	fuzz_check(!opt.output_pipe || opt.output_pipe == opt.outfile + 1);
	fuzz_check(!(opt.output_pipe && opt.output_separately));
	fuzz_check(!(opt.kill_on_exit && opt.nattach));
	fuzz_check(!opt.summary_only || opt.summary);
	fuzz_check(opt.stack_frame_limit >= 1);
	fuzz_check(trace_wanted(ABI_X86_64, SC_COUNT) && trace_wanted(ABI_I386, SC_COUNT));   /* numbers with no name are shown whatever the set */
	for (size_t i = 0; i < opt.nattach; i++)
		fuzz_check(opt.attach_pids[i] > 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_regex_bomb(data, size))
		return 0;
	struct fuzz_argv a;
	fuzz_argv_make(&a, data, size);
	fuzz_parse_twice(fuzz_parse_options, a.argc, a.argv, check_parsed);
	fuzz_argv_free(&a);
	return 0;
}
