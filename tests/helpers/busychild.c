/* busychild N: fork a child that makes N cheap syscalls and never execs, then prints how many
 * voluntary context switches it made. Every ptrace stop is one, so a tracer that stops the
 * child per syscall shows up as a count of at least N. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long voluntary_switches(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long n = -1;
	while (f && fgets(line, sizeof(line), f))
		if (strncmp(line, "voluntary_ctxt_switches:", 24) == 0)
			n = atol(line + 24);
	if (f)
		fclose(f);
	return n;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000;
	pid_t pid = fork();
	if (pid == 0) {
		for (long i = 0; i < n; i++)
			syscall(SYS_getppid);
		printf("switches %ld\n", voluntary_switches());
		fflush(stdout);
		_exit(0);
	}
	int status;
	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
