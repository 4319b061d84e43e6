/* attach: -p, tracing processes that already run, and leaving them running again (detach). */
#include "trace/tracer.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include "opt/options.h"
#include "print/out.h"
#include "trace/event.h"
#include "util/die.h"

/* Seize tid and make it stop (the stop is its first event, as a new child's is). */
static int seize(pid_t tid)
{
	if (ptrace(PTRACE_SEIZE, tid, 0, tracer_ptrace_options(false)) < 0 ||
	    ptrace(PTRACE_INTERRUPT, tid, 0, 0) < 0) {
		int err = errno;
		ptrace(PTRACE_DETACH, tid, 0, 0);   /* after a failed INTERRUPT; harmless otherwise */
		return -err;
	}
	/* strace names the call numbered 0 (read) as the one an attached thread's first
	 * restart_syscall resumes, whatever it was: so does estrace */
	tracer_attach(tid)->prev_id = sysent_id(ABI_X86_64, 0);
	return 0;
}

/* With -f, every thread of pid: seize those not yet seized until a scan of /proc/PID/task finds
 * no new one (a thread created by a seized thread is seized by the kernel). Returns how many. */
static size_t seize_threads(pid_t pid)
{
	char dir[32];
	snprintf(dir, sizeof(dir), "/proc/%d/task", pid);
	size_t n = 0;
	for (bool found = true; found;) {
		found = false;
		DIR *d = opendir(dir);
		if (!d)
			break;
		for (struct dirent *e; (e = readdir(d));) {
			pid_t tid = (pid_t)atoi(e->d_name);
			if (tid <= 0 || tracee_find(tid))
				continue;
			if (seize(tid) == 0) {
				n++;
				found = true;
			}
		}
		closedir(d);
	}
	return n;
}

/* A field of /proc/PID/status as a number; -1 when unreadable. */
static long status_field(pid_t pid, const char *name)
{
	char path[40], line[128];
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	FILE *f = fopen(path, "re");
	long value = -1;
	size_t len = strlen(name);
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, name, len) == 0 && line[len] == ':')
			value = atol(line + len + 1);
	fclose(f);
	return value;
}

/* Whether the process pid traces estrace, or traces its tracer, and so on up. Tracing it back
 * would make each wait for the other: the first stop of either stops both for good, and at an
 * exit event not even SIGKILL frees them. strace 6.1 hangs there; estrace refuses. */
static bool in_tracer_chain(pid_t pid)
{
	long tgid = status_field(pid, "Tgid");
	long tracer = status_field(getpid(), "TracerPid");
	for (int depth = 0; tracer > 0 && depth < 64; depth++) {   /* a chain, or a cycle already */
		if (tracer == pid || status_field((pid_t)tracer, "Tgid") == tgid)
			return true;
		tracer = status_field((pid_t)tracer, "TracerPid");
	}
	return false;
}

static bool attach_one(pid_t pid)
{
	if (tracee_find(pid))
		return true;   /* listed twice, or a thread of one listed before */
	if (in_tracer_chain(pid)) {
		warnmsg("attach: process %d traces estrace: tracing it would stop both for good", pid);
		return false;
	}
	int err = seize(pid);
	if (err) {
		warnmsg("attach: ptrace(PTRACE_SEIZE, %d): %s", pid, strerror(-err));
		return false;
	}
	size_t n = 1 + (opt.follow ? seize_threads(pid) : 0);
	if (opt.quiet_set & QUIET_ATTACH)
		return true;
	if (n > 1)
		message("Process %d attached with %zu threads", pid, n);
	else
		message("Process %d attached", pid);
	return true;
}

void tracer_attach_pids(const int *pids, size_t n)
{
	size_t ok = 0;
	for (size_t i = 0; i < n; i++)
		ok += attach_one(pids[i]);
	if (!ok && !opt.cmd)
		tracer_fail();   /* nothing to trace; each failure was reported */
}

/* ---- detach ---- */

/* The signal a tracee stopped with status st is about to get, if the stop is a signal-delivery
 * stop; else 0. */
static int stop_signal(int st)
{
	int sig = WSTOPSIG(st);
	return (unsigned)st >> 16 == 0 && sig != (SIGTRAP | 0x80) ? sig : 0;
}

/* A wait status of a pid with no record. Under -f, a new child whose first stop came before its
 * parent's fork event: its record, announced. Without -f, a child that is none of estrace's
 * business though the kernel tells estrace of it: made with CLONE_PTRACE, it starts as estrace's
 * tracee, and is let go; made with CLONE_PARENT, it is estrace's own child, whose end estrace
 * reaps. Either is said, as strace says it; NULL then. */
struct tracee *tracer_unknown(pid_t pid, int status)
{
	if (opt.follow) {
		struct tracee *t = tracer_new_child(pid);
		t->abi = ABI_COUNT;   /* its parent's, told at the fork event */
		return t;
	}
	if (WIFSTOPPED(status)) {
		ptrace(PTRACE_DETACH, pid, 0, (long)stop_signal(status));
		if (!(opt.quiet_set & QUIET_ATTACH))
			message("Detached unknown pid %d", pid);
	} else if (!(opt.quiet_set & QUIET_EXIT)) {
		message("Exit of unknown pid %d ignored", pid);
	}
	return NULL;
}

void tracer_leave(struct tracee *t)
{
	event_detaching(t);   /* a call held back by -e status= is shown now, if detached ones are */
	if (!(opt.quiet_set & QUIET_ATTACH))
		message("Process %d detached", t->pid);
	if (t->out->owner == t) {   /* its call in progress; on stderr after the message, as strace */
		out_puts(t->out, " <detached ...>");
		line_end(t);
	}
	if (t->pid == command_pid)
		tracer_disown_command();
	tracer_forget(t);
}

/* Whether pid holds estrace's seccomp filter: detached, its filtered syscalls would fail with
 * ENOSYS. Such a tracee is killed, as PTRACE_O_EXITKILL would kill it when estrace exits. A
 * filter of an attached process's own is not ours (with -p, estrace installs none). */
static bool holds_filter(pid_t pid)
{
	return seccomp_active && status_field(pid, "Seccomp") == 2;   /* SECCOMP_MODE_FILTER */
}

/* Make t stop (or die) soon; either is reaped below. ESRCH: dead already, its death comes. */
static void stop_or_kill(struct tracee *t, void *arg)
{
	if (holds_filter(t->pid))
		kill(t->pid, SIGKILL);
	else
		ptrace(PTRACE_INTERRUPT, t->pid, 0, 0);
}

/* t stopped with wait status st: let it go, with the signal it was about to get, if any. */
static void detach_stopped(struct tracee *t, int st)
{
	unsigned event = (unsigned)st >> 16;
	int inject = stop_signal(st);
	if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK || event == PTRACE_EVENT_CLONE) {
		unsigned long child = 0;
		ptrace(PTRACE_GETEVENTMSG, t->pid, 0, &child);
		if (child > 0 && !tracee_find((pid_t)child))
			tracer_attach((pid_t)child);   /* auto-attached: its first stop comes, then it goes */
	}
	ptrace(PTRACE_DETACH, t->pid, 0, (long)inject);
	tracer_leave(t);
}

void tracer_detach_all(void)
{
	tracee_foreach(stop_or_kill, NULL);
	while (tracee_count() > 0) {
		int st;
		pid_t pid = wait4(-1, &st, __WALL, NULL);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		struct tracee *t = tracee_find(pid);
		if (!t && !opt.follow) {
			tracer_unknown(pid, st);
			continue;
		}
		if (!t) {
			t = tracer_attach(pid);   /* a new child whose fork event was not seen yet */
			stop_or_kill(t, NULL);
		}
		if (WIFSTOPPED(st) && (unsigned)st >> 16 == PTRACE_EVENT_EXIT) {
			/* dying (killed just now, or on its way out): let it; its death is next */
			ptrace(PTRACE_CONT, pid, 0, 0);
			continue;
		}
		if (WIFSTOPPED(st) && holds_filter(pid))
			continue;   /* killed: its exit event and death are next */
		if (WIFSTOPPED(st))
			detach_stopped(t, st);
		else if (WIFEXITED(st) || WIFSIGNALED(st))
			tracer_forget(t);
	}
}
