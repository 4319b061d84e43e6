/* cpuchild: fork a child that burns about 0.3 s of user CPU and exits, then reap it, so the
 * parent's SIGCHLD carries a non-zero si_utime. */
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		volatile unsigned long sink = 0;
		while (clock() < CLOCKS_PER_SEC * 3 / 10)
			for (int i = 0; i < 100000; i++)
				sink += i;
		_exit(0);
	}
	return waitpid(pid, NULL, 0) == pid ? 0 : 1;
}
