/* loop: the tracer's main loop, the tracee records' outputs, and leaving as the command left. */
#include "trace/tracer.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "opt/options.h"
#include "opt/present.h"
#include "print/out.h"
#include "print/tips.h"
#include "stats/stats.h"
#include "trace/event.h"
#include "util/die.h"

int command_status = -1;
static struct out *shared_out;
static struct out *trace_out;   /* shared_out, or under -c a sink: only the summary is shown */
static pid_t pipe_pid = -1;   /* -o '|CMD': the shell reading the trace, not a tracee */
static pid_t disowned_pid = -1;   /* the command, detached (-b execve): still estrace's child */
static volatile sig_atomic_t fatal_signal;

struct tracee *tracer_attach(pid_t pid)
{
	struct tracee *t = tracee_add(pid);
	if (opt.output_separately && opt.outfile) {
		struct buf name = BUF_INIT;
		buf_printf(&name, "%s.%d", opt.outfile, pid);
		t->out = out_open_file(name.data, opt.append);
		t->own_out = true;
		buf_free(&name);
	} else {
		t->out = trace_out;
	}
	return t;
}

struct tracee *tracer_new_child(pid_t pid)
{
	struct tracee *t = tracer_attach(pid);
	if (!(opt.quiet_set & QUIET_ATTACH))
		message("Process %d attached", pid);
	return t;
}

void tracer_disown_command(void)
{
	disowned_pid = command_pid;
	command_pid = -1;
}

void tracer_forget(struct tracee *t)
{
	if (t->out->owner == t)
		line_end(t);
	if (t->own_out)
		out_close(t->out);
	tracee_remove(t);
}

static void on_fatal_signal(int sig)
{
	fatal_signal = sig;
	/* Come between wait_event's check and its wait4, the signal would be seen only at the next
	 * event, which may never come: a timer signal soon after wakes that wait4 (EINTR). */
	struct itimerval soon = { .it_value = { .tv_usec = 10000 } };
	setitimer(ITIMER_REAL, &soon, NULL);
}

static void on_wake_alarm(int sig) { }

/* strace's -I levels: which of estrace's own fatal signals it ignores. At -I1 it touches none of
 * them, as strace: estrace dies of one as any process does, and the kernel detaches its tracees
 * (killing those that hold the filter, PTRACE_O_EXITKILL); no "detached" line, no -c table. */
static void setup_signals(void)
{
	if (opt.interactive == 1)
		return;
	static const int fatal[] = { SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM };
	sigset_t block;
	sigemptyset(&block);
	struct sigaction sa = { .sa_handler = on_fatal_signal };   /* no SA_RESTART: wake wait4 */
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++) {
		if (opt.interactive >= 3)
			sigaddset(&block, fatal[i]);
		else
			sigaction(fatal[i], &sa, NULL);
	}
	if (opt.interactive < 3) {
		sa.sa_handler = on_wake_alarm;
		sigaction(SIGALRM, &sa, NULL);
	}
	if (opt.interactive >= 4)
		sigaddset(&block, SIGTSTP);
	sigprocmask(SIG_BLOCK, &block, NULL);
}

/* estrace was told to die: leave the tracees running (as strace does; those holding the filter
 * are killed), then die of the signal. Under --kill-on-exit the kernel kills them as it dies.
 * The command estrace started gets the signal too, and a SIGCONT in case it is stopped, as under
 * strace: a ^C or a kill meant for the pair reaches both (not under -D, where the command is not
 * estrace's child and the signal was for estrace alone). Sent while it is still a tracee, whose
 * pid cannot have been reused; detaching lets the signal through, and no line shows it. */
static void die_of_signal(int sig) __attribute__((noreturn));

static void die_of_signal(int sig)
{
	if (command_pid > 0 && !opt.daemonize && tracee_find(command_pid)) {
		kill(command_pid, SIGCONT);
		kill(command_pid, sig);
	}
	if (!opt.kill_on_exit)
		tracer_detach_all();
	stats_report(shared_out);   /* after "detached", as strace */
	out_flush_all();
	signal(sig, SIG_DFL);
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);
}

static bool wait_event(struct event *ev)
{
	for (;;) {
		out_flush_all();
		/* Checked before waiting, never after: an event wait4 has returned must be handled
		 * (its tracee resumed), or detaching would wait for a stop that was already reaped. */
		if (fatal_signal)
			die_of_signal(fatal_signal);
		struct rusage usage;
		pid_t pid = wait4(-1, &ev->status, __WALL, opt.summary ? &usage : NULL);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			if (errno != ECHILD)
				warnmsg_errno("wait4");
			return false;
		}
		if (pid == pipe_pid)
			continue;   /* the output command ended early: its output is dropped from now on */
		if (pid == disowned_pid)
			continue;   /* not traced any more; its status is not estrace's */
		ev->pid = pid;
		if (opt.timestamps || opt.relative || opt.durations || opt.summary)
			clock_gettime(CLOCK_REALTIME, &ev->when);
		if (opt.summary)
			ev->clock = stats_clock(&ev->when, &usage);
		ev->t = tracee_find(pid);
		if (!ev->t) {
			/* a new child whose first stop came before its parent's fork event: its
			 * personality is its parent's, told there */
			ev->t = tracer_new_child(pid);
			ev->t->abi = ABI_COUNT;
		}
		return true;
	}
}

void tracer_run(void)
{
	struct line_layout l = {
		.prefix = PREFIX_NONE,
		.always_pid = opt.always_show_pid,
		.comm = opt.decode_pids & DECODE_PID_COMM,
		.column = opt.column,
		.stamps = opt.timestamps,
		.stamp_digits = opt.stamp_digits,
		.relative = opt.relative,
		.relative_digits = opt.relative_digits,
		.syscall_number = opt.syscall_number,
		.ip = opt.instruction_pointer,
	};
	/* Under -o, every line names its process when several can be traced: -f, or more than one
	 * process from the start (-p PID PID, -p PID CMD), even after all but one have gone. */
	size_t processes = opt.nattach + (opt.cmd != NULL);
	if (!opt.outfile)
		l.prefix = PREFIX_STDERR;
	else if (opt.output_separately)
		l.prefix = PREFIX_NONE;
	else if (opt.follow || processes > 1)
		l.prefix = PREFIX_FILE;
	else if (opt.always_show_pid)
		l.prefix = PREFIX_FILE;   /* --always-show-pid: "PID   " in a -o file, as strace 6.9 */
	line_setup(&l);
	struct event ev;
	unsigned long shown = 0;   /* --syscall-limit: traced calls finished so far */
	while (tracee_count() > 0 && wait_event(&ev)) {
		event_capture(&ev);
		event_resume(&ev);
		event_render(&ev);
		if (ev.kind == EV_EXIT && ++shown == opt.syscall_limit) {
			if (!opt.kill_on_exit)
				tracer_detach_all();   /* else they die as estrace exits */
			break;
		}
	}
}

/* Let the output command of -o '|CMD' read everything and finish: it is estrace's child, and is
 * not left behind. */
static void close_output(void)
{
	out_flush_all();
	if (pipe_pid > 0) {
		out_close(shared_out);
		while (waitpid(pipe_pid, NULL, 0) < 0 && errno == EINTR)
			;
		pipe_pid = -1;
	}
}

void tracer_fail(void)
{
	close_output();
	exit(1);
}

void tracer_exit(void)
{
	stats_report(shared_out);
	close_output();
	tips_show();
	int st = command_status;
	if (st != -1 && WIFSIGNALED(st)) {
		int sig = WTERMSIG(st);
		struct rlimit no_core = { 0, 0 };
		setrlimit(RLIMIT_CORE, &no_core);   /* the command dumped core already, if it did */
		signal(sig, SIG_DFL);
		sigset_t set;
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		raise(sig);
		exit(128 + sig);
	}
	exit(st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : 0);
}

void tracer_init(void)
{
	if (opt.outfile && !opt.output_pipe && !opt.output_separately)
		shared_out = out_open_file(opt.outfile, opt.append);   /* fails before anything starts */
	if (!opt.daemonize)
		tracer_init_own();
}

void tracer_init_own(void)
{
	if (opt.output_pipe)   /* under -D too the output command is the tracer's child */
		shared_out = out_open_pipe(opt.output_pipe, opt.outfile, &pipe_pid);
	else if (!shared_out)
		shared_out = out_open_fd(2);
	trace_out = opt.summary_only ? out_open_null() : shared_out;
	setup_signals();   /* with -o, SIGPIPE is blocked: a closed output pipe is EPIPE, not death */
}
