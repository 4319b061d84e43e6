/* asan-options: the defaults of a --enable-sanitizers build, compiled into estrace so that no
 * environment variable is needed (the tests run commands with a fixed environment). Unused in
 * other builds. */
const char *__asan_default_options(void);

const char *__asan_default_options(void)
{
	/* ASan turns core dumps off by lowering RLIMIT_CORE, which the traced commands inherit:
	 * their "(core dumped)" lines would then differ from strace's. */
	return "disable_coredump=0";
}
