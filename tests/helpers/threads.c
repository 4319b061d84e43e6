/* threads MODE [N]: thread creation, joining, exits and execve from a
 * thread.  glibc 2.34+ creates threads with clone3(). */
#include "helpers.h"
#include <dirent.h>
#include <pthread.h>
#include <sys/wait.h>

extern char **environ;
static char *self;
static pid_t leader;

/* Thread that exits (with the exit system call) once the main thread
 * sleeps in pthread_join: by then the tracer has printed every clone3 of
 * the main thread, including the parent_tid that the exit clears. */
static void *
quiet_thread(void *arg)
{
	wait_blocked(leader, leader, SYS_futex);
	return arg;
}

/* Thread that execs once the main thread sleeps in its join. */
static void *
exec_thread(void *arg)
{
	wait_blocked(leader, leader, SYS_futex);
	char *v[] = { "threads", "after-exec", NULL };
	execve(self, v, environ);
	die("execve");
	return arg;
}

/* Thread that execs once the leader, which called exit(), is a zombie: the leader's exit is
 * over (a tracer has seen all of it) before the execve starts. */
static void *
exec_after_leader_thread(void *arg)
{
	wait_state(leader, leader, "Z");
	char *v[] = { "threads", "after-exec", NULL };
	execve(self, v, environ);
	die("execve");
	return arg;
}

static void *
exit_group_thread(void *arg)
{
	wait_blocked(leader, leader, SYS_futex);
	syscall(SYS_exit_group, (long)(intptr_t)arg);
	return NULL;
}

static void *
sleeping_thread(void *arg)
{
	for (;;)
		pause();
	return arg;
}

int
main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	int n = argc > 2 ? atoi(argv[2]) : 1;
	pthread_t t[64];

	self = argv[0];
	leader = getpid();
	if (n < 1 || n > 64)
		n = 1;

	if (!strcmp(mode, "join")) {
		for (int i = 0; i < n; i++)
			if (pthread_create(&t[i], NULL, quiet_thread, NULL))
				die("pthread_create");
		for (int i = 0; i < n; i++)
			pthread_join(t[i], NULL);
	} else if (!strcmp(mode, "exec")) {
		if (pthread_create(&t[0], NULL, exec_thread, NULL))
			die("pthread_create");
		pthread_join(t[0], NULL);
		return 97;	/* not reached */
	} else if (!strcmp(mode, "after-exec")) {
		return 0;
	} else if (!strcmp(mode, "exec-leader")) {
		/* the leader execs while another thread sleeps */
		if (pthread_create(&t[0], NULL, sleeping_thread, NULL))
			die("pthread_create");
		/* find the other thread in /proc and wait until it sleeps */
		pid_t other = 0;
		for (int i = 0; i < 20000 && !other; i++) {
			DIR *d = opendir("/proc/self/task");
			struct dirent *e;
			while (d && (e = readdir(d)))
				if (atoi(e->d_name) > 0 && atoi(e->d_name) != leader)
					other = atoi(e->d_name);
			if (d)
				closedir(d);
			if (!other)
				msleep(1);
		}
		if (!other)
			die("no second thread");
		wait_blocked(leader, other, SYS_pause);
		char *v[] = { "threads", "after-exec", NULL };
		execve(self, v, environ);
		die("execve");
	} else if (!strcmp(mode, "exit-leader-exec")) {
		/* the leader ends with exit(42), not exit_group: the process lives on in the other
		 * thread, which execs */
		if (pthread_create(&t[0], NULL, exec_after_leader_thread, NULL))
			die("pthread_create");
		syscall(SYS_exit, 42);
		return 97;	/* not reached */
	} else if (!strcmp(mode, "exit-group")) {
		if (pthread_create(&t[0], NULL, exit_group_thread,
				   (void *)(intptr_t)n))
			die("pthread_create");
		pthread_join(t[0], NULL);
		return 97;
	} else {
		fprintf(stderr, "threads: unknown mode '%s'\n", mode);
		return 2;
	}
	return 0;
}
