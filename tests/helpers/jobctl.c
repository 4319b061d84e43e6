/* jobctl MODE: job control in a pseudo-terminal, done as an interactive shell does it, for
 * tests/job-control.bats. Three kinds of process play the parts:
 *   the terminal (this process) holds the pty's master side: it types what the shell asks it to
 *     (^Z, a line) and, at the end, says whether the jobs' text reached the screen;
 *   the shell, a session leader whose controlling terminal is the pty, ignores SIGTSTP, SIGTTIN
 *     and SIGTTOU as shells do, starts a job in a process group of its own, in the foreground or
 *     the background, waits for it with WUNTRACED and WCONTINUED, and resumes it as `fg` does;
 *   the job's processes, each an exec of "jobctl job ROLE".
 * Modes:
 *   tstp   a foreground job of two processes: ^Z typed at the terminal stops both (SIGTSTP);
 *   ttin   a background job reads the terminal: SIGTTIN stops it;
 *   ttou   with TOSTOP, a background job writes to the terminal: SIGTTOU stops it;
 *   group  the shell stops a background job of three processes with SIGSTOP to its group;
 *   bash   the shell is a real interactive bash: ^Z stops /bin/cat, and fg resumes it (the
 *          terminal itself checks and says what happened, see bash_session).
 * Each time the job is then checked to stay stopped, brought to the foreground, sent SIGCONT,
 * and must finish its read or write and exit 0. The shell prints what it saw, a line each:
 *	stopped by SIG: N of N
 *	stayed stopped: yes
 *	continued: N of N
 *	exited 0: N of N
 * (and in ttou mode the terminal adds "the terminal got the job's text: yes"). A tracer that lets a
 * stopped job run, keeps it stopped after SIGCONT, or hides a stop from the shell changes them.
 * Every step waits for the one before it (the job is asleep in its read before anything is typed
 * or sent), so the traced events of each process come in one order. SIGCHLD stays blocked in the
 * shell and the terminal: no signal lines but the job's own.
 */
#include "helpers.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>

#define JOB_TEXT "written by the job"
#define MAX_MEMBERS 3

struct job {
	pid_t pids[MAX_MEMBERS];
	int n;
	pid_t pgrp;
	int tty;          /* the shell's descriptor of the terminal */
	int feed[2];      /* the pipe the "read-pipe" members read from */
	bool foreground;
};

/* ---- the job's processes ---- */

static int job_main(const char *role)
{
	char buf[64] = "";
	ssize_t n;
	if (!strcmp(role, "read-tty")) {   /* a line from the terminal, which must be "go" */
		n = read(0, buf, sizeof(buf) - 1);
		return n == 3 && !memcmp(buf, "go\n", 3) ? 0 : 1;
	}
	if (!strcmp(role, "read-pipe")) {   /* one byte from the shell's pipe */
		n = read(0, buf, 1);
		return n == 1 && buf[0] == 'g' ? 0 : 1;
	}
	if (!strcmp(role, "write-tty")) {   /* then, as read-tty, wait for "go": the shell sees
					      * it continued before it sees it exit */
		n = write(1, JOB_TEXT "\n", sizeof(JOB_TEXT));
		return n == (ssize_t)sizeof(JOB_TEXT) ? job_main("read-tty") : 1;
	}
	fprintf(stderr, "jobctl: unknown role '%s'\n", role);
	return 2;
}

/* ---- the shell ---- */

static void shell_signals(void (*action)(int))
{
	signal(SIGTSTP, action);
	signal(SIGTTIN, action);
	signal(SIGTTOU, action);
}

/* Start one process of job j, reading from in_fd (the terminal or the feed pipe), writing to the
 * terminal. Both sides set its group, and a foreground job takes the terminal before it execs
 * (SIGTTOU is still ignored then), as shells do: whichever runs first, no read of the terminal can
 * come while the job is in the background. */
static void start_member(struct job *j, const char *role, bool from_tty)
{
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		setpgid(0, j->n ? j->pgrp : 0);
		if (j->foreground && tcsetpgrp(j->tty, getpgrp()) < 0)
			die("tcsetpgrp (job)");
		shell_signals(SIG_DFL);
		dup2(from_tty ? j->tty : j->feed[0], 0);
		dup2(j->tty, 1);
		execl("/proc/self/exe", "jobctl", "job", role, (char *)NULL);
		die("execl");
	}
	if (j->n == 0)
		j->pgrp = pid;
	setpgid(pid, j->pgrp);   /* EACCES once it has exec'd: its own call did it */
	j->pids[j->n++] = pid;
	if (j->foreground)
		tcsetpgrp(j->tty, j->pgrp);
}

/* Type s into fd: the terminal's command pipe (from the shell) or the pty's master side (from
 * the terminal itself). */
static void type(int fd, const char *s)
{
	if (write(fd, s, strlen(s)) != (ssize_t)strlen(s))
		die("write to the terminal");
}

static bool all_stopped(const struct job *j)
{
	for (int i = 0; i < j->n; i++) {
		char s = task_state(j->pids[i], 0);
		if (s != 'T' && s != 't')
			return false;
	}
	return true;
}

/* Wait for every member with options; count those whose status passes check(st, arg). */
static int wait_members(const struct job *j, int options, bool (*check)(int, int), int arg)
{
	int ok = 0;
	for (int i = 0; i < j->n; i++) {
		int st;
		if (waitpid(j->pids[i], &st, options) != j->pids[i])
			die("waitpid");
		ok += check(st, arg);
	}
	return ok;
}

static bool stopped_by(int st, int sig) { return WIFSTOPPED(st) && WSTOPSIG(st) == sig; }
static bool continued(int st, int unused) { return WIFCONTINUED(st); }
static bool exited_0(int st, int unused) { return WIFEXITED(st) && WEXITSTATUS(st) == 0; }

/* The job is stopped by sig: check it stays so, bring it to the foreground, continue it, let it
 * finish its read, and take the terminal back. */
static void stop_and_resume(struct job *j, int sig, int cmd)
{
	printf("stopped by SIG%s: %d of %d\n", sigabbrev_np(sig),
	       wait_members(j, WUNTRACED, stopped_by, sig), j->n);
	bool stayed = true;
	for (int i = 0; i < 20; i++) {   /* a broken tracer has ample time to let it run */
		msleep(10);
		stayed = stayed && all_stopped(j);
	}
	printf("stayed stopped: %s\n", stayed ? "yes" : "no");
	if (tcsetpgrp(j->tty, j->pgrp) < 0)
		die("tcsetpgrp (fg)");
	if (kill(-j->pgrp, SIGCONT) < 0)
		die("kill SIGCONT");
	printf("continued: %d of %d\n", wait_members(j, WCONTINUED, continued, 0), j->n);
	type(cmd, "go\n");
	if (write(j->feed[1], "ggg", MAX_MEMBERS) != MAX_MEMBERS)
		die("write to the job");
	printf("exited 0: %d of %d\n", wait_members(j, 0, exited_0, 0), j->n);
	if (tcsetpgrp(j->tty, getpgrp()) < 0)
		die("tcsetpgrp (shell)");
}

/* Wait until every member is asleep in its first read or write: it has exec'd, and what is typed
 * or sent next finds it there. */
static void wait_job_blocked(const struct job *j, long nr)
{
	for (int i = 0; i < j->n; i++)
		wait_blocked(j->pids[i], 0, i == 0 ? nr : SYS_read);
}

static int shell_main(const char *mode, const char *tty_name, int cmd)
{
	if (setsid() < 0)
		die("setsid");
	struct job j = { .n = 0 };
	j.tty = open(tty_name, O_RDWR | O_CLOEXEC);   /* the session's controlling terminal now */
	if (j.tty < 0 || pipe2(j.feed, O_CLOEXEC) < 0)
		die("open the terminal");
	shell_signals(SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(mode, "tstp")) {
		j.foreground = true;
		start_member(&j, "read-tty", true);
		start_member(&j, "read-pipe", false);
		wait_job_blocked(&j, SYS_read);
		type(cmd, "\032");   /* ^Z */
		stop_and_resume(&j, SIGTSTP, cmd);
	} else if (!strcmp(mode, "ttin")) {
		start_member(&j, "read-tty", true);
		stop_and_resume(&j, SIGTTIN, cmd);
	} else if (!strcmp(mode, "ttou")) {
		struct termios t;
		if (tcgetattr(j.tty, &t) < 0)
			die("tcgetattr");
		t.c_lflag |= TOSTOP;
		if (tcsetattr(j.tty, TCSANOW, &t) < 0)
			die("tcsetattr");
		start_member(&j, "write-tty", true);
		stop_and_resume(&j, SIGTTOU, cmd);
		type(cmd, "?");   /* the terminal looks at its screen */
	} else if (!strcmp(mode, "group")) {
		for (int i = 0; i < MAX_MEMBERS; i++)
			start_member(&j, "read-pipe", false);
		wait_job_blocked(&j, SYS_read);
		if (kill(-j.pgrp, SIGSTOP) < 0)
			die("kill SIGSTOP");
		stop_and_resume(&j, SIGSTOP, cmd);
	} else {
		fprintf(stderr, "jobctl: unknown mode '%s'\n", mode);
		return 2;
	}
	return 0;
}

/* ---- the terminal ---- */

static char screen[8192];   /* what the terminal showed so far */
static size_t screen_len;

static void look(int master)
{
	ssize_t n;
	while (screen_len < sizeof(screen) - 1 &&
	       (n = read(master, screen + screen_len, sizeof(screen) - 1 - screen_len)) > 0)
		screen_len += (size_t)n;
	screen[screen_len] = 0;
}

/* Whether the screen shows s `times` times within ~20 s: what a process wrote to the terminal
 * reaches the master side a little later. */
static bool shows(int master, const char *s, int times)
{
	for (int i = 0; i < 20000; i++) {
		look(master);
		int seen = 0;
		for (const char *p = strstr(screen, s); p; p = strstr(p + 1, s))
			seen++;
		if (seen >= times)
			return true;
		msleep(1);
	}
	return false;
}

/* Type what the shell sends on cmd until it closes it; '?' is not typed but looks at the screen. */
static int terminal_main(int master, int cmd, pid_t shell)
{
	char c;
	int looked = -1;
	while (read(cmd, &c, 1) == 1) {
		if (c == '?')
			looked = shows(master, JOB_TEXT, 1);
		else if (write(master, &c, 1) != 1)
			die("write to the pty");
	}
	int st;
	if (waitpid(shell, &st, 0) != shell)
		die("waitpid (shell)");
	if (looked >= 0)
		printf("the terminal got the job's text: %s\n", looked ? "yes" : "no");
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

/* ---- a real interactive bash ---- */

/* The first child of pid, waited for (~20 s): the command bash runs. */
static pid_t wait_child(pid_t pid)
{
	char buf[64], name[32];
	snprintf(name, sizeof(name), "task/%d/children", (int)pid);
	for (int i = 0; i < 20000; i++) {
		if (task_file(pid, 0, name, buf, sizeof(buf)) && atoi(buf) > 0)
			return atoi(buf);
		msleep(1);
	}
	fprintf(stderr, "jobctl: bash started no command\n");
	_exit(98);
}

/* Wait (~20 s) until pid has exec'd the program named comm. */
static void wait_exec(pid_t pid, const char *comm)
{
	char buf[32];
	size_t n = strlen(comm);
	for (int i = 0; i < 20000; i++) {
		if (task_file(pid, 0, "comm", buf, sizeof(buf)) && !strncmp(buf, comm, n) &&
		    buf[n] == '\n')
			return;
		msleep(1);
	}
	fprintf(stderr, "jobctl: %d did not exec %s\n", (int)pid, comm);
	_exit(98);
}

static pid_t start_bash(const char *tty_name)
{
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		int tty;
		if (setsid() < 0 || (tty = open(tty_name, O_RDWR)) < 0)
			die("the terminal");
		for (int fd = 0; fd < 3; fd++)
			dup2(tty, fd);
		char *env[] = { "PATH=/usr/bin:/bin", "PS1=$ ", NULL };
		execle("/bin/bash", "bash", "--norc", "--noprofile", "--noediting", "+o", "history", "-i",
		       (char *)NULL, env);
		die("exec bash");
	}
	return pid;
}

/* Type /bin/cat at bash's prompt, ^Z, fg, ^D, exit, each once the one before has been taken in:
 * bash is back in its read of the next command, or cat in its read. */
static int bash_session(int master, const char *tty_name)
{
	pid_t bash = start_bash(tty_name);
	wait_blocked(bash, 0, SYS_read);
	type(master, "/bin/cat\n");
	pid_t cat = wait_child(bash);
	wait_exec(cat, "cat");   /* bash's child reads a pipe too before it execs */
	wait_blocked(cat, 0, SYS_read);
	type(master, "\032");
	wait_state(cat, 0, "Tt");
	wait_blocked(bash, 0, SYS_read);
	bool stayed = true;
	for (int i = 0; i < 20; i++) {
		msleep(10);
		stayed = stayed && strchr("Tt", task_state(cat, 0));
	}
	printf("bash said Stopped: %s\n", shows(master, "Stopped", 1) ? "yes" : "no");
	printf("cat stayed stopped: %s\n", stayed ? "yes" : "no");
	type(master, "fg\n");
	wait_blocked(cat, 0, SYS_read);
	type(master, "meow\n");   /* shown twice: echoed as typed, then written by cat */
	printf("cat ran after fg: %s\n", shows(master, "meow", 2) ? "yes" : "no");
	type(master, "\004");   /* ^D: end of cat's input */
	wait_blocked(bash, 0, SYS_read);
	type(master, "exit\n");
	int st;
	if (waitpid(bash, &st, 0) != bash)
		die("waitpid (bash)");
	printf("bash exited 0: %s\n", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "yes" : "no");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "job"))
		return job_main(argv[2]);
	if (argc != 2) {
		fprintf(stderr, "usage: jobctl tstp|ttin|ttou|group|bash\n");
		return 2;
	}
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	int cmd[2];
	if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0 || pipe2(cmd, O_CLOEXEC) < 0)
		die("pty");
	char *tty_name = ptsname(master);
	fcntl(master, F_SETFL, O_NONBLOCK);
	if (!strcmp(argv[1], "bash"))
		return bash_session(master, tty_name);
	pid_t shell = fork();
	if (shell < 0)
		die("fork");
	if (shell == 0) {
		close(master);
		close(cmd[0]);
		_exit(shell_main(argv[1], tty_name, cmd[1]));
	}
	close(cmd[1]);
	return terminal_main(master, cmd[0], shell);
}
