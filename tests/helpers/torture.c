/* torture MODE [N]: load cases for the tracer (tests/torture-load.bats).
 *
 * Each mode prints one line saying what it checked and exits 0 when the
 * workload behaved (so the same result is expected with and without a
 * tracer), 1 when it did not.  SIGCHLD stays blocked everywhere: a pending
 * SIGCHLD would make a traced fork restart (ERESTARTNOINTR) at a moment that
 * varies from run to run, and its coalesced deliveries could not be counted.
 *
 *   children N       N children alive at once, released together, each
 *                    execs /bin/true; the parent reaps them all
 *   chain N          a fork chain N deep (each child forks the next), the
 *                    bottom execs "exit 0"
 *   thread-forks N   N threads each fork a child that execs "exit 0" while
 *                    the main thread calls getppid in a loop
 *   exec-blocked     a non-leader thread execs while the others sleep in
 *                    read, clock_nanosleep, futex and (the leader) pause
 *   rt-signals N     N queued SIGRTMIN sent to ourselves while blocked, all
 *                    delivered in order when unblocked
 *   vfork-noexec N   N vfork children that never exec: a few getppid calls
 *                    and _exit(i)
 *   kill-blocked     a child SIGKILLs us while we sleep in read
 *   pid-reuse N      (in a new pid namespace) N children one after another,
 *                    all with the same pid, via ns_last_pid; every fourth
 *                    execs
 *   exec-loop N      (runs until killed) N worker processes, the first with
 *                    a second thread, fork and exec "logged" in a loop; they
 *                    are the target of -p while they exec, see below
 *   exit K           exit with status K at once (an exec target)
 *   after-exec       what exec-blocked execs: says it got there
 *   logged ID        what exec-loop execs: appends "ID PID TRACERPID" to
 *                    exec-loop.log (TracerPid read after the exec)
 */
#include "helpers.h"
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <linux/futex.h>
#include <sys/prctl.h>
#include <sys/wait.h>

extern char **environ;
static char *self;
static const char *arg_text = "";   /* the mode's argument as given (its id for "logged") */

/* Replaces the process with this helper in MODE ARG. */
static void
exec_self(const char *mode, int arg)
{
	char num[16];
	snprintf(num, sizeof(num), "%d", arg);
	char *v[] = { "torture", (char *)mode, num, NULL };
	execve(self, v, environ);
	die("execve");
}

static pid_t
fork_or_die(void)
{
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	return pid;
}

/* Exit status of child pid (wait4 with pid -1 for any), or -1 when it did
 * not exit normally. */
static int
reap(pid_t pid)
{
	int st;
	if (wait4(pid, &st, 0, NULL) <= 0)
		die("wait4");
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void
block_signal(int sig, int how)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, sig);
	if (sigprocmask(how, &set, NULL))
		die("sigprocmask");
}

static int
result(bool ok, const char *what)
{
	printf("%s: %s\n", ok ? "ok" : "FAILED", what);
	return ok ? 0 : 1;
}

static int
children(int n)
{
	int p[2];
	if (pipe(p))
		die("pipe");
	for (int i = 0; i < n; i++) {
		if (fork_or_die())
			continue;
		/* wait for the release: EOF once every write end is closed */
		char c;
		close(p[1]);
		while (read(p[0], &c, 1) > 0)
			;
		char *v[] = { "true", NULL };
		execve("/bin/true", v, environ);
		die("execve");
	}
	close(p[1]);
	int bad = 0;
	for (int i = 0; i < n; i++)
		bad += reap(-1) != 0;
	return result(!bad, "every child exited 0");
}

static int
chain(int n)
{
	int level = 0;
	while (level < n && !fork_or_die())
		level++;
	if (level == n)
		exec_self("exit", 0);
	/* every level passes the status of the one below up */
	int st = reap(-1);
	if (level > 0)
		_exit(st);
	return result(st == 0, "bottom of the chain");
}

static atomic_int forks_done;

static void *
fork_thread(void *arg)
{
	pid_t pid = fork_or_die();
	if (!pid)
		exec_self("exit", 0);
	if (reap(pid) == 0)
		atomic_fetch_add(&forks_done, 1);
	else
		atomic_fetch_add(&forks_done, 1000);
	return arg;
}

static int
thread_forks(int n)
{
	pthread_t t[64];
	if (n > 64)
		n = 64;
	for (int i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, fork_thread, NULL))
			die("pthread_create");
	do
		syscall(SYS_getppid);
	while (atomic_load(&forks_done) < n);
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	return result(atomic_load(&forks_done) == n, "every thread's child exited 0");
}

/* ---- exec-blocked ---- */

static pid_t leader;
static atomic_int tid_reader, tid_sleeper, tid_waiter;
static int block_pipe[2];
static int futex_word;

/* The system call task tid of this process sleeps in, polled through
 * pread and ppoll only, so that the polling adds no line to a trace of
 * read, clock_nanosleep or futex. */
static bool
sleeps_in(pid_t tid, long nr)
{
	char path[64], buf[256];
	snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", leader, tid);
	int fd = open(path, O_RDONLY);
	ssize_t len = fd < 0 ? -1 : pread(fd, buf, sizeof(buf) - 1, 0);
	if (fd >= 0)
		close(fd);
	buf[len > 0 ? len : 0] = 0;
	char *st = strrchr(buf, ')');
	if (!st || st[1] != ' ' || st[2] != 'S')
		return false;
	snprintf(path, sizeof(path), "/proc/%d/task/%d/syscall", leader, tid);
	fd = open(path, O_RDONLY);
	len = fd < 0 ? -1 : pread(fd, buf, sizeof(buf) - 1, 0);
	if (fd >= 0)
		close(fd);
	buf[len > 0 ? len : 0] = 0;
	return len > 0 && strtol(buf, NULL, 10) == nr;
}

/* Waits (20 s at most) until thread *tid is known and sleeps in nr. */
static void
settle(atomic_int *tid, long nr)
{
	struct timespec ms = { 0, 1000000 };
	for (int i = 0; i < 20000; i++) {
		int t = atomic_load(tid);
		if (t && sleeps_in(t, nr))
			return;
		ppoll(NULL, 0, &ms, NULL);
	}
	fprintf(stderr, "torture: thread %d never slept in %ld\n", atomic_load(tid), nr);
	_exit(98);
}

static void *
reader(void *arg)
{
	char c;
	atomic_store(&tid_reader, gettid());
	read(block_pipe[0], &c, 1);
	return arg;
}

static void *
sleeper(void *arg)
{
	atomic_store(&tid_sleeper, gettid());
	msleep(100000);
	return arg;
}

static void *
waiter(void *arg)
{
	atomic_store(&tid_waiter, gettid());
	syscall(SYS_futex, &futex_word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	return arg;
}

static void *
execer(void *arg)
{
	static atomic_int leader_tid;
	atomic_store(&leader_tid, leader);
	settle(&tid_reader, SYS_read);
	settle(&tid_sleeper, SYS_clock_nanosleep);
	settle(&tid_waiter, SYS_futex);
	settle(&leader_tid, SYS_pause);
	exec_self("after-exec", 0);
	return arg;
}

static int
exec_blocked(int n)
{
	(void)n;
	void *(*fn[])(void *) = { reader, sleeper, waiter, execer };
	pthread_t t[4];
	leader = getpid();
	if (pipe(block_pipe))
		die("pipe");
	for (int i = 0; i < 4; i++)
		if (pthread_create(&t[i], NULL, fn[i], NULL))
			die("pthread_create");
	/* not pthread_join: its futex call would show our tid in hex */
	while (pause() < 0)
		;
	return 97;	/* not reached: the exec replaces us */
}

/* ---- rt-signals ---- */

static volatile int received, out_of_order;

static void
on_rt(int sig, siginfo_t *si, void *ctx)
{
	(void)sig;
	(void)ctx;
	if (si->si_value.sival_int != received)
		out_of_order++;
	received++;
}

static int
rt_signals(int n)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_rt;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGRTMIN, &sa, NULL))
		die("sigaction");
	block_signal(SIGRTMIN, SIG_BLOCK);
	for (int i = 0; i < n; i++) {
		/* the whole union is set: si_ptr is printed too */
		union sigval v = { .sival_ptr = (void *)(intptr_t)i };
		if (sigqueue(getpid(), SIGRTMIN, v))
			die("sigqueue");
	}
	block_signal(SIGRTMIN, SIG_UNBLOCK);
	return result(received == n && !out_of_order,
		      "every queued signal delivered, in order");
}

/* A vfork child that works in the borrowed memory, then leaves with
 * status code without exec; its pid. */
static pid_t
vfork_exit(int code)
{
	pid_t pid = vfork();
	if (pid < 0)
		die("vfork");
	if (!pid) {
		for (int k = 0; k < 3; k++)
			syscall(SYS_getppid);
		_exit(code);
	}
	return pid;
}

static int
vfork_noexec(int n)
{
	int bad = 0;
	for (int i = 0; i < n; i++)
		bad += reap(vfork_exit(i & 0x7f)) != (i & 0x7f);
	return result(!bad, "every vfork child exited with its own status");
}

static int
kill_blocked(int n)
{
	(void)n;
	int p[2];
	char c;
	if (pipe(p))
		die("pipe");
	if (!fork_or_die()) {
		wait_blocked(getppid(), 0, SYS_read);
		kill(getppid(), SIGKILL);
		_exit(0);
	}
	read(p[0], &c, 1);
	return result(false, "still alive after SIGKILL");
}

/* Makes the next child of this pid namespace get pid `next`. */
static void
set_next_pid(pid_t next)
{
	char num[16];
	int len = snprintf(num, sizeof(num), "%d", next - 1);
	int fd = open("/proc/sys/kernel/ns_last_pid", O_WRONLY);
	if (fd < 0 || write(fd, num, len) != len)
		die("ns_last_pid");
	close(fd);
}

static int
pid_reuse(int n)
{
	pid_t first = 0;
	int bad = 0;
	if (getpid() > 100)
		return result(false, "not in a new pid namespace");
	for (int i = 0; i < n; i++) {
		if (first)
			set_next_pid(first);
		/* statuses from 100: pids in the namespace are small, and the
		 * trace normaliser takes a number equal to a pid for one */
		int code = 100 + i % 100;
		pid_t pid = fork_or_die();
		if (!pid) {
			if (i % 4 == 0)
				exec_self("exit", code);
			_exit(code);
		}
		if (!first)
			first = pid;
		bad += pid != first;
		bad += reap(pid) != code;
	}
	return result(!bad, "every child had the same pid and its own status");
}

/* ---- exec-loop ---- */

/* The files exec-loop shares with the test, in the current directory:
 *   exec-loop.pids  the workers' pids, one a line (complete once it exists)
 *   exec-loop.log   one line per exec, "ID PID TRACERPID", written by the exec'd program
 *   stop            while it exists, the execers start no exec ...
 *   idle.E          ... and execer E says so once its last child is reaped (logged)
 * An execer is a worker's main thread (execer 2W) or the first worker's second thread (1). The
 * ID of an exec is "E.I", its I-th: unique in the run, and shown in the traced execve line, so
 * that a trace and the log are matched whatever pids the kernel reuses. */

static bool
exists(const char *path)
{
	return access(path, F_OK) == 0;
}

static void
touch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd < 0)
		die(path);
	close(fd);
}

/* While the stop file exists: idle.E says that this execer has no child left. */
static void
idle_while_stopped(int e)
{
	char idle[32];
	if (!exists("stop"))
		return;
	snprintf(idle, sizeof(idle), "idle.%d", e);
	touch(idle);
	while (exists("stop"))
		msleep(5);
	unlink(idle);
}

static void *
execer_loop(void *arg)
{
	int e = (int)(intptr_t)arg;
	for (int i = 0;; i++) {
		idle_while_stopped(e);
		char id[32];
		snprintf(id, sizeof(id), "%d.%d", e, i);
		char *v[] = { "torture", "logged", id, NULL };
		pid_t pid = fork_or_die();
		if (!pid) {
			execve(self, v, environ);
			die("execve");
		}
		if (reap(pid) != 0)
			die("logged exec failed");
		msleep(1);   /* busy, but leaving some CPU to the tracer and the test */
	}
	return arg;
}

static void
exec_loop_worker(int w)
{
	/* nothing outlives the root, which outlives no test (see exec_loop) */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0)
		die("prctl");
	pthread_t t;
	if (w == 0 && pthread_create(&t, NULL, execer_loop, (void *)(intptr_t)1))
		die("pthread_create");
	execer_loop((void *)(intptr_t)(2 * w));
}

static int
exec_loop(int n)
{
	/* its own process group, so that a test kills the whole workload with one kill; the
	 * workload at a lower priority, so that it starves neither the tracer nor the test */
	if (setpgid(0, 0) < 0)
		die("setpgid");
	errno = 0;
	if (nice(10) < 0 && errno)
		die("nice");
	alarm(600);   /* a bound on a forgotten run: SIGALRM kills the root, then the workers */
	FILE *f = fopen("exec-loop.pids.new", "w");
	if (!f)
		die("exec-loop.pids.new");
	for (int w = 0; w < n; w++) {
		pid_t pid = fork_or_die();
		if (!pid)
			exec_loop_worker(w);
		fprintf(f, "%d\n", (int)pid);
	}
	if (fclose(f) || rename("exec-loop.pids.new", "exec-loop.pids"))
		die("exec-loop.pids");
	/* the workers exec until killed: one that ends has failed, and takes the others along */
	reap(-1);
	return result(false, "a worker ended");
}

/* TracerPid of the calling process, from /proc/self/status. */
static int
tracer_pid(void)
{
	char buf[2048];
	if (!task_file(getpid(), 0, "status", buf, sizeof(buf)))
		die("/proc/self/status");
	char *p = strstr(buf, "\nTracerPid:");
	return p ? atoi(p + 11) : -1;
}

static int
logged(int n)
{
	(void)n;
	char line[64];
	int len = snprintf(line, sizeof(line), "%s %d %d\n", arg_text, (int)getpid(), tracer_pid());
	int fd = open("exec-loop.log", O_WRONLY | O_CREAT | O_APPEND, 0644);
	/* one write: the lines of concurrent children do not mix */
	if (fd < 0 || write(fd, line, len) != len)
		die("exec-loop.log");
	close(fd);
	return 0;
}

static int
exit_with(int n)
{
	return n;
}

static int
after_exec(int n)
{
	(void)n;
	return result(true, "exec from a thread while the others slept");
}

static const struct {
	const char *name;
	int (*run)(int n);
} modes[] = {
	{ "exit", exit_with },
	{ "after-exec", after_exec },
	{ "logged", logged },
	{ "children", children },
	{ "chain", chain },
	{ "thread-forks", thread_forks },
	{ "exec-blocked", exec_blocked },
	{ "rt-signals", rt_signals },
	{ "vfork-noexec", vfork_noexec },
	{ "kill-blocked", kill_blocked },
	{ "pid-reuse", pid_reuse },
	{ "exec-loop", exec_loop },
};

int
main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	int n = argc > 2 ? atoi(argv[2]) : 0;

	self = argv[0];
	if (argc > 2)
		arg_text = argv[2];
	setvbuf(stdout, NULL, _IOLBF, 0);
	block_signal(SIGCHLD, SIG_BLOCK);
	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (!strcmp(mode, modes[i].name))
			return modes[i].run(n);
	fprintf(stderr, "torture: unknown mode '%s'\n", mode);
	return 2;
}
