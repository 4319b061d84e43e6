/* spawnloop [N]: fork N (default 200) children one after another, each exec'ing /bin/true,
 * and wait for each. Built for x86_64 and for i386 (spawnloop32): the -k rows compare the
 * stacks of the two ABIs' clone and execve calls on the same work. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 200;
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0) {
			char *const args[] = { "/bin/true", NULL };
			execv(args[0], args);
			_exit(127);
		}
		int st;
		if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			fprintf(stderr, "spawnloop: child %ld failed\n", i);
			return 1;
		}
	}
	return 0;
}
