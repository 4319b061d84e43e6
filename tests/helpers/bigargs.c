/* bigargs MODE: execve /bin/true with argument lists at the kernel's limits.
 *
 *   max-argv     the most fixed-size args the kernel accepts (found by trying, in vfork
 *                children the tracer does not follow), first one more (E2BIG), then exactly
 *                that many (success); prints the count on stdout first
 *   max-strlen   one argv string of 32 pages (E2BIG, the NUL does not fit), then one byte
 *                shorter (success)
 *   argv-cross   3000 valid argv pointers ending exactly at a page end, the next page
 *                unmapped and no NULL terminator: EFAULT
 *   envp-cross   the same for envp, argv being valid
 *
 * Failing execs return to the helper, so the trace order is fixed.
 */
#include "helpers.h"

#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>

#define ARG_LEN 31	/* bytes of every max-argv string, NUL excluded */
#define CROSS_N 3000	/* pointers of the argv-cross and envp-cross arrays */

extern char **environ;

static long page;

static long
do_execve(const char *path, char *const argv[], char *const envp[])
{
	return syscall(SYS_execve, path, argv, envp);
}

/* argv "true" plus n distinct strings of ARG_LEN bytes, NULL-terminated. */
static char **
fixed_args(long n)
{
	char **v = calloc(n + 2, sizeof(*v));
	char *s = malloc((n ? n : 1) * (ARG_LEN + 1));
	if (!v || !s)
		die("malloc");
	v[0] = "true";
	for (long i = 0; i < n; i++, s += ARG_LEN + 1) {
		memset(s, '0', ARG_LEN);
		s[ARG_LEN] = '\0';
		for (long d = i, at = 6; d && at >= 0; d /= 10, at--)
			s[at] = '0' + d % 10;	/* "%07ld-0000...", untruncated */
		s[7] = '-';
		v[i + 1] = s;
	}
	return v;
}

/* Does the kernel accept an exec of /bin/true with argv v?  Tried in a vfork child:
 * exit 0 from true means yes, 7 means E2BIG. */
static bool
accepted(char **v)
{
	pid_t pid = vfork();
	if (pid < 0)
		die("vfork");
	if (pid == 0) {
		do_execve("/bin/true", v, environ);
		_exit(errno == E2BIG ? 7 : 99);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid)
		die("waitpid");
	if (WIFEXITED(st) && (WEXITSTATUS(st) == 0 || WEXITSTATUS(st) == 7))
		return WEXITSTATUS(st) == 0;
	fprintf(stderr, "bigargs: probe exec ended with status %#x\n", st);
	_exit(99);
}

static bool
accepts_n(long n)
{
	char **v = fixed_args(n);
	bool ok = accepted(v);
	free(v[1]);	/* the start of the strings' block */
	free(v);
	return ok;
}

/* The largest n that accepts_n() takes: double until refused, then bisect. */
static long
max_args(void)
{
	long lo = 0, hi = 1024;
	while (accepts_n(hi)) {
		lo = hi;
		hi *= 2;
	}
	while (hi - lo > 1) {
		long mid = lo + (hi - lo) / 2;
		if (accepts_n(mid))
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static void
max_argv(void)
{
	/* a huge or unlimited stack rlimit would allow up to 6 MB: keep the test small */
	struct rlimit rl;
	if (getrlimit(RLIMIT_STACK, &rl))
		die("getrlimit");
	if (rl.rlim_cur > 8 << 20) {
		rl.rlim_cur = 8 << 20;
		if (setrlimit(RLIMIT_STACK, &rl))
			die("setrlimit");
	}
	long n = max_args();
	printf("%ld\n", n);
	fflush(stdout);
	do_execve("/bin/true", fixed_args(n + 1), environ);
	if (errno != E2BIG)
		die("execve of one arg too many");
	do_execve("/bin/true", fixed_args(n), environ);
	die("execve of the largest argv");
}

static void
max_strlen(void)
{
	long max = 32 * page;	/* the kernel's MAX_ARG_STRLEN, NUL included */
	char *s = malloc(max + 1);
	if (!s)
		die("malloc");
	memset(s, 's', max);
	s[max] = '\0';
	char *v[] = { "true", s, NULL };
	do_execve("/bin/true", v, environ);
	if (errno != E2BIG)
		die("execve of a string one byte too long");
	s[max - 1] = '\0';
	do_execve("/bin/true", v, environ);
	die("execve of the longest string");
}

/* CROSS_N valid pointers filling the end of a mapping whose next page is unmapped. */
static char **
crossing_array(const char *prefix)
{
	size_t bytes = CROSS_N * sizeof(char *);
	size_t pages = (bytes + page - 1) / page;
	char *p = mmap(NULL, (pages + 1) * page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED || munmap(p + pages * page, page))
		die("mmap");
	char **v = (char **)(p + pages * page - bytes);
	char *s = malloc(CROSS_N * 16);
	if (!s)
		die("malloc");
	for (int i = 0; i < CROSS_N; i++, s += 16) {
		snprintf(s, 16, "%s%d", prefix, i);
		v[i] = s;
	}
	return v;
}

int
main(int argc, char **argv)
{
	page = sysconf(_SC_PAGESIZE);
	const char *mode = argc > 1 ? argv[1] : "";
	char *good_argv[] = { "true", "x", NULL };

	if (!strcmp(mode, "max-argv")) {
		max_argv();
	} else if (!strcmp(mode, "max-strlen")) {
		max_strlen();
	} else if (!strcmp(mode, "argv-cross")) {
		do_execve("/bin/true", crossing_array("arg"), environ);
	} else if (!strcmp(mode, "envp-cross")) {
		do_execve("/bin/true", good_argv, crossing_array("V="));
	} else {
		fprintf(stderr, "usage: bigargs max-argv|max-strlen|argv-cross|envp-cross\n");
		return 2;
	}
	/* only the cross modes get here */
	_exit(errno == EFAULT ? 14 : 1);
}
