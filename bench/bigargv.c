/* bigargv [TIMES [BYTES [STRLEN [PROG]]]]: build an argument vector of
 * about BYTES bytes (default 1.9 MiB) of strings STRLEN (default 400)
 * bytes long each, counting their NULs, and run PROG (default /bin/true)
 * with it TIMES times (default 10), one fork+execv+wait at a time.
 * Fails if any run fails (e.g. E2BIG: the kernel allows a quarter of
 * the stack limit for argv and environment together). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	int times = argc > 1 ? atoi(argv[1]) : 10;
	long bytes = argc > 2 ? atol(argv[2]) : 1900L * 1024;
	long len = argc > 3 ? atol(argv[3]) : 400;
	const char *prog = argc > 4 ? argv[4] : "/bin/true";

	if (times < 0 || bytes < len || len < 2) {
		fprintf(stderr, "bigargv: bad arguments\n");
		return 2;
	}
	long n = bytes / len;
	char **v = calloc((size_t)n + 2, sizeof(*v));
	char *pool = malloc((size_t)(n * len));
	if (!v || !pool) {
		perror("bigargv: malloc");
		return 1;
	}
	v[0] = (char *)prog;
	for (long i = 1; i <= n; i++) {
		char *s = pool + (i - 1) * len;
		int k = snprintf(s, (size_t)len, "arg%ld-", i);
		for (long j = k; j < len - 1; j++)
			s[j] = (char)('a' + (i + j) % 26);
		s[len - 1] = '\0';
		v[i] = s;
	}
	v[n + 1] = NULL;

	for (int r = 0; r < times; r++) {
		pid_t pid = fork();
		if (pid < 0) {
			perror("bigargv: fork");
			return 1;
		}
		if (pid == 0) {
			execv(prog, v);
			fprintf(stderr, "bigargv: execv %s: %s\n", prog, strerror(errno));
			_exit(127);
		}
		int st;
		if (waitpid(pid, &st, 0) != pid) {
			perror("bigargv: waitpid");
			return 1;
		}
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			fprintf(stderr, "bigargv: run %d of %s failed\n", r + 1, prog);
			return 1;
		}
	}
	free(pool);
	free(v);
	return 0;
}
