/* timeit OUTFILE COMMAND [ARG...]: run COMMAND (stdin, stdout and stderr
 * inherited), then write "NANOSECONDS STATUS\n" to OUTFILE, where
 * NANOSECONDS is the CLOCK_MONOTONIC time from just before fork to just
 * after the child is reaped, and STATUS is the child's exit code (128+N
 * if it was killed by signal N, 127 if it could not be run).  Exits with
 * STATUS too. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int
main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: timeit OUTFILE COMMAND [ARG...]\n");
		return 2;
	}
	FILE *out = fopen(argv[1], "w");
	if (!out) {
		fprintf(stderr, "timeit: %s: %s\n", argv[1], strerror(errno));
		return 2;
	}

	long long t0 = now_ns();
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "timeit: fork: %s\n", strerror(errno));
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "timeit: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "timeit: waitpid: %s\n", strerror(errno));
			return 2;
		}
	}
	long long t1 = now_ns();

	int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	fprintf(out, "%lld %d\n", t1 - t0, code);
	if (fclose(out) != 0)
		return 2;
	return code;
}
