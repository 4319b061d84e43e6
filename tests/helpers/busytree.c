/* busytree: a busy process tree for the tests of the tracer's own death (tests/tracer-death.bats).
 * The root makes its own process group (so that a test can kill whatever is left with one kill)
 * and starts, each in its own process:
 *   blocker   blocked in read() on a pipe nobody writes
 *   sleeper   blocked in nanosleep
 *   spinner   spins without making syscalls
 *   caller    makes cheap syscalls (getppid) without pause
 *   threads   main thread blocked in pause, one thread spinning, one making syscalls
 *   parent    blocked in wait4 for its child, the grandchild, blocked in pause
 * then blocks in wait4 itself. Each process appends "PID NAME" to busytree.pids once it works; the
 * root's line comes first, before it starts any other (its pid is the group a test kills).
 *
 * SIGUSR1 asks a process to prove that it runs: it checks that its other threads make progress,
 * then forks and execs "touch alive.PID" and waits for it. A process left holding a seccomp filter
 * without its tracer fails there (ENOSYS) and writes dead.PID with the reason instead.
 */
#include "helpers.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t poked;
static volatile unsigned long spins, calls;   /* the threads process's workers */
static bool has_workers;

static void on_usr1(int sig) { poked = 1; }

static void note(const char *file, const char *what)
{
	char line[128];
	int n = snprintf(line, sizeof(line), "%d %s\n", (int)getpid(), what);
	int fd = open(file, O_WRONLY | O_CREAT | O_APPEND, 0644);
	if (fd >= 0) {
		(void)!write(fd, line, (size_t)n);
		close(fd);
	}
}

static void failed(const char *what)
{
	char file[32], why[96];
	snprintf(file, sizeof(file), "dead.%d", (int)getpid());
	snprintf(why, sizeof(why), "%s: %s", what, strerror(errno));
	note(file, why);
}

/* Wait up to ~10 s for a counter to move. */
static bool moves(volatile unsigned long *counter)
{
	unsigned long before = *counter;
	for (int i = 0; i < 10000; i++) {
		if (*counter != before)
			return true;
		msleep(1);
	}
	return false;
}

static void prove(void)
{
	poked = 0;
	if (has_workers && (!moves(&spins) || !moves(&calls))) {
		errno = 0;
		return failed("a thread does not run");
	}
	char name[32];
	snprintf(name, sizeof(name), "alive.%d", (int)getpid());
	pid_t pid = fork();
	if (pid < 0)
		return failed("fork");
	if (pid == 0) {
		execlp("touch", "touch", name, (char *)NULL);
		failed("execve");
		_exit(1);
	}
	int st;
	if (waitpid(pid, &st, 0) != pid)
		return failed("wait4");
}

static void *spin_thread(void *arg)
{
	for (;;)
		spins++;
	return arg;
}

static void *call_thread(void *arg)
{
	for (;;) {
		syscall(SYS_getppid);
		calls++;
	}
	return arg;
}

static void block_forever(void)
{
	for (;;) {
		pause();
		if (poked)
			prove();
	}
}

static void blocker(void)
{
	int p[2];
	char c;
	if (pipe(p) < 0)
		die("pipe");
	note("busytree.pids", "blocker");
	for (;;) {
		(void)!read(p[0], &c, 1);
		if (poked)
			prove();
	}
}

static void sleeper(void)
{
	note("busytree.pids", "sleeper");
	for (;;) {
		struct timespec ts = { 1000, 0 };
		nanosleep(&ts, NULL);
		if (poked)
			prove();
	}
}

static void spinner(void)
{
	note("busytree.pids", "spinner");
	for (;;) {
		while (!poked)
			;
		prove();
	}
}

static void caller(void)
{
	note("busytree.pids", "caller");
	for (;;) {
		syscall(SYS_getppid);
		if (poked)
			prove();
	}
}

/* The workers never take SIGUSR1: the main thread does, and proves for all. */
static void threads(void)
{
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	pthread_t th;
	if (pthread_create(&th, NULL, spin_thread, NULL) || pthread_create(&th, NULL, call_thread, NULL))
		die("pthread_create");
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	has_workers = true;
	note("busytree.pids", "threads");
	block_forever();
}

static void wait_children(void)
{
	for (;;) {
		if (wait4(-1, NULL, __WALL, NULL) < 0 && errno == ECHILD)
			_exit(0);
		if (poked)
			prove();
	}
}

static void start(void (*work)(void))
{
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		work();
		_exit(0);
	}
}

static void grandchild(void)
{
	note("busytree.pids", "grandchild");
	block_forever();
}

static void parent(void)
{
	start(grandchild);
	note("busytree.pids", "parent");
	wait_children();
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };   /* no SA_RESTART: blocked calls return */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	if (setpgid(0, 0) < 0)
		die("setpgid");
	/* Four tasks spin: at a lower priority, so that they starve neither the tracer nor the test
	 * that watches the tree (on a loaded machine each of its polls would crawl) */
	errno = 0;
	if (nice(10) < 0 && errno)
		die("nice");
	note("busytree.pids", "root");
	start(blocker);
	start(sleeper);
	start(spinner);
	start(caller);
	start(threads);
	start(parent);
	wait_children();
}
