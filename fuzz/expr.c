/* expr fuzz target: the -e expression parser (trace=, signal=, status=, quiet=, raw=, abbrev=,
 * verbose=, decode-fds=, decode-pids=). The input is one or more expressions separated by NUL
 * bytes, parsed in order as repeated -e options; corpus in fuzz/corpus/expr/. See fuzz/README. */
#include "fuzz/harness.h"

#include "opt/filter.h"
#include "opt/options.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What filter_finish leaves, whatever the expressions were. */
static void check_finished(void)
{
	fuzz_check(trace_wanted(ABI_X86_64, SC_COUNT) && trace_wanted(ABI_I386, SC_COUNT));
	fuzz_check(!signal_wanted(0) && !signal_wanted(256) && !signal_wanted(-1));
	unsigned all = STATUS_SUCCESSFUL | STATUS_FAILED | STATUS_UNFINISHED | STATUS_UNAVAILABLE |
		       STATUS_DETACHED;
	bool every = true;
	for (unsigned bit = 1; bit & all; bit <<= 1)
		every = every && status_wanted(bit);
	fuzz_check(every == !status_filtering());
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fuzz_regex_bomb(data, size))
		return 0;
	struct fuzz_argv a;
	fuzz_argv_make(&a, data, size);
	fuzz_parse_twice(fuzz_parse_exprs, a.argc - 1, a.argv + 1, check_finished);
	fuzz_argv_free(&a);
	return 0;
}
