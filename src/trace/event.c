/* event: capture, resume and render one tracee stop. Capture runs while the tracee is stopped
 * and reads all that rendering needs; render runs after the tracee was resumed. */
#include "trace/event.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>

#include "compat/syscall_info.h"
#include "decode/decoder.h"
#include "decode/procinfo.h"
#include "opt/filter.h"
#include "opt/options.h"
#include "opt/present.h"
#include "print/out.h"
#include "print/xlat.h"
#include "stack/stack.h"
#include "stats/stats.h"
#include "trace/tracer.h"
#include "util/timespec.h"

static struct buf scratch;   /* render text, reused */
static struct buf signal_frames;   /* -k: the stack at the signal being rendered */

static const char *call_name(const struct call *c)
{
	static char unknown[32];
	if (c->id != SC_COUNT)
		return sysent[c->id].name;
	snprintf(unknown, sizeof(unknown), "syscall_%#" PRIx64, c->nr);
	return unknown;
}

static const struct decoder *decoder_of(const struct call *c)
{
	extern const struct decoder dec_raw, dec_raw_hex;
	if (c->id == SC_COUNT)
		return &dec_raw;
	return raw_wanted(c->id) ? &dec_raw_hex : sysent[c->id].decoder;
}

/* ---- capture ---- */

/* -k: the stack of t's traced call, once per call, at entry for the calls that need it there
 * (stack.h). The command's own first execve is estrace's: its stack is the new image's. */
static void take_stack(struct tracee *t, bool entry)
{
	struct call *c = &t->call;
	if (!opt.stack_trace || c->frames.len)
		return;
	if (entry && (!stack_at_entry(c->id) || (t->is_command && !t->execd)))
		return;
	stack_capture(t->pid, opt.stack_frame_limit, opt.stack_source, entry, &c->frames);
}

/* The tracee runs code of this ABI: strace says so when it changes ("[ Process PID=N runs in
 * 32 bit mode. ]"). A child heard of before its parent's fork event has none yet: it has its
 * parent's, which is no change. */
static void note_abi(struct event *ev, enum abi abi)
{
	struct tracee *t = ev->t;
	if (t->abi == abi)
		return;
	if (t->abi != ABI_COUNT)
		ev->personality = abi;
	t->abi = abi;
}

static void capture_entry(struct event *ev, const struct syscall_stop *s)
{
	struct tracee *t = ev->t;
	struct call *c = &t->call;
	if (s->abi != ABI_COUNT)
		note_abi(ev, s->abi);
	call_reset(c);
	c->abi = s->abi == ABI_COUNT ? ABI_X86_64 : s->abi;
	c->nr = s->nr;
	c->id = s->abi == ABI_COUNT ? SC_COUNT : sysent_id(s->abi, s->nr);
	for (int i = 0; i < 6; i++)
		c->args[i] = s->args[i];
	if (t->startup && c->id == SC_execve)
		t->startup = false;   /* the command's own execve: from here on all is shown */
	t->traced_call = !t->startup && trace_wanted(c->abi, c->id);
	t->entry_printed = false;
	/* Under the filter an untraced call is let run to its end without an exit stop. */
	t->in_syscall = t->traced_call || !seccomp_active || t->startup;
	if (!t->traced_call)
		return;
	c->prev_id = t->prev_id;
	t->prev_id = c->id;
	const struct decoder *d = decoder_of(c);
	if (d->capture_entry)
		d->capture_entry(c, t->pid);
	take_stack(t, true);
	c->entered = ev->when;
	c->clock_entered = ev->clock;
	ev->kind = EV_ENTRY;
}

/* The syscall in flight of t returned rval at the stop ev. */
static void call_returned(struct tracee *t, int64_t rval, const struct event *ev)
{
	t->in_syscall = false;
	t->call.rval = rval;
	t->call.exited = true;
	t->call.returned = ev->when;
	if (t->traced_call)
		stats_count(&t->call, &ev->clock);
}

/* The syscall in flight returned rval: capture what its exit prints. */
static void finish_call(struct event *ev, int64_t rval)
{
	struct tracee *t = ev->t;
	call_returned(t, rval, ev);
	if (t->is_command && !t->execd && t->call.id == SC_execve && rval < 0)
		t->startup = true;   /* estrace's child reports the failure and exits: not shown */
	if (t->startup && t->call.id == SC_seccomp && rval == 0)
		seccomp_active = true;
	if (!t->traced_call)
		return;
	const struct decoder *d = decoder_of(&t->call);
	if (d->capture_exit)
		d->capture_exit(&t->call, t->pid);
	take_stack(t, false);
	ev->kind = EV_EXIT;
}

static void capture_exit(struct event *ev, const struct syscall_stop *s)
{
	if (!ev->t->in_syscall)
		return;   /* a new child's return from fork, or a call finished at its event */
	finish_call(ev, s->rval);
}

/* Under the filter (PTRACE_CONT between calls) a call finished at its event stop has no exit
 * stop to wait for. Without it the exit stop comes anyway, and the register fallback of old
 * kernels tells entry from exit only by counting stops: there the call ends at its exit. */
static bool ends_at_event(const struct tracee *t)
{
	return seccomp_active && t->in_syscall;
}

static bool in_fork_call(const struct tracee *t)
{
	enum sc_id id = t->call.id;
	return ends_at_event(t) && (id == SC_clone || id == SC_clone3 || id == SC_fork);
}

static bool in_exec_call(const struct tracee *t)
{
	return ends_at_event(t) && (t->call.id == SC_execve || t->call.id == SC_execveat);
}

static void capture_syscall(struct event *ev)
{
	struct syscall_stop s;
	if (syscall_stop_get(ev->pid, !ev->t->in_syscall, &s) < 0) {
		ev->how = RESUME_NONE;   /* gone: its death is reported next */
		return;
	}
	if (opt.instruction_pointer) {   /* -i: the syscall's stop tells where, at no extra cost */
		ev->ip_known = true;
		ev->ip = s.ip;
		ev->ip_abi = s.abi == ABI_I386 ? ABI_I386 : ABI_X86_64;
	}
	if (s.op == OP_SECCOMP && ev->t->in_syscall)
		return;   /* its entry stop came first (the tracee was in PTRACE_SYSCALL mode) */
	if (s.op == OP_ENTRY || s.op == OP_SECCOMP)
		capture_entry(ev, &s);
	else if (s.op == OP_EXIT)
		capture_exit(ev, &s);
}

static bool is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static void capture_signal(struct event *ev, int sig)
{
	struct tracee *t = ev->t;
	if (t->startup && (sig == SIGSTOP || sig == SIGCONT)) {
		ev->inject_sig = sig == SIGCONT ? sig : 0;   /* estrace's own start-up signals */
		return;
	}
	ev->inject_sig = sig;
	if (t->startup || !signal_wanted(sig))
		return;
	if (ptrace(PTRACE_GETSIGINFO, ev->pid, 0, ev->siginfo) < 0) {
		if (errno == ESRCH)
			ev->how = RESUME_NONE;
		return;
	}
	ev->kind = EV_SIGNAL;
	buf_reset(&signal_frames);
	if (opt.stack_trace)   /* strace shows where the signal caught the thread */
		stack_capture(ev->pid, opt.stack_frame_limit, opt.stack_source, false, &signal_frames);
}

static void capture_stop(struct event *ev, int sig)
{
	struct tracee *t = ev->t;
	if (!t->attached) {
		t->attached = true;   /* a new child's first stop */
		return;
	}
	if (is_stop_signal(sig) && !t->startup) {
		ev->kind = signal_wanted(sig) ? EV_GROUP_STOP : EV_NOTHING;
		ev->how = RESUME_LISTEN;
		ev->other = sig;
	}
}

static unsigned long event_msg(pid_t pid)
{
	unsigned long msg = 0;
	ptrace(PTRACE_GETEVENTMSG, pid, 0, &msg);
	return msg;
}

static void capture_new_child(struct event *ev, bool vfork)
{
	pid_t child = (pid_t)event_msg(ev->pid);
	struct tracee *t = child > 0 ? tracee_find(child) : NULL;
	if (child > 0 && !t) {
		t = tracer_new_child(child);
		t->abi = ABI_COUNT;
	}
	if (t && t->abi == ABI_COUNT)
		t->abi = ev->t->abi;   /* a child runs its parent's code */
	/* The kernel has written parent_tid and pidfd and the call can only return the child's
	 * pid now: finish it here and save the exit stop. Not a vfork, whose return comes after
	 * the child's exec or exit, and its line with it. */
	if (child > 0 && !vfork && in_fork_call(ev->t))
		finish_call(ev, child);
}

/* -b execve: every exec but the command's own first one (which estrace made it do). */
static bool detach_at_exec(const struct tracee *t)
{
	return opt.detach_on_exec && !(t->is_command && !t->execd);
}

/* Under the filter the new image's first syscall is not seen: its ABI is read at the exec
 * event, from the code segment, so that the personality line follows the execve line as
 * under strace. */
static void note_exec_abi(struct event *ev)
{
	struct user_regs_struct regs;
	if (seccomp_active && ptrace(PTRACE_GETREGS, ev->pid, 0, &regs) == 0)
		note_abi(ev, abi_of_code_segment(regs.cs));
}

static void capture_exec(struct event *ev)
{
	note_exec_abi(ev);
	if (opt.stack_trace)
		stack_forget(ev->pid);   /* a new image: new maps */
	if (detach_at_exec(ev->t))
		ev->how = RESUME_DETACH;   /* its execve stays unfinished: " <detached ...>" */
	ev->t->execd = true;
	pid_t old = (pid_t)event_msg(ev->pid);
	if (old > 0 && old != ev->pid) {
		ev->kind = EV_EXEC_SWITCH;   /* render moves old's execve here and finishes it */
		ev->other = old;
	} else if (in_exec_call(ev->t)) {
		finish_call(ev, 0);   /* the exec succeeded: no need to stop at its exit */
	}
}

void event_capture(struct event *ev)
{
	int st = ev->status;
	ev->kind = EV_NOTHING;
	ev->how = RESUME_SYSCALL;
	ev->inject_sig = 0;
	ev->personality = ABI_COUNT;
	ev->ip_known = false;
	if (WIFEXITED(st) || WIFSIGNALED(st)) {
		ev->kind = EV_DEATH;
		ev->how = RESUME_NONE;
		if (opt.stack_trace)
			stack_forget(ev->pid);
		return;
	}
	if (!WIFSTOPPED(st)) {
		ev->how = RESUME_NONE;
		return;
	}
	if (opt.decode_pids & DECODE_PID_COMM)   /* the name its prefix shows, read while stopped */
		proc_comm(ev->pid, ev->t->comm);
	int sig = WSTOPSIG(st);
	if (sig == (SIGTRAP | 0x80)) {
		capture_syscall(ev);
		return;
	}
	unsigned event = (unsigned)st >> 16;
	if (opt.instruction_pointer && event != PTRACE_EVENT_SECCOMP)   /* -i, at any other stop */
		ev->ip_known = stop_where(ev->pid, &ev->ip, &ev->ip_abi) == 0;
	switch (event) {
	case 0:
		capture_signal(ev, sig);
		break;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_CLONE:
		capture_new_child(ev, false);
		break;
	case PTRACE_EVENT_VFORK:
		capture_new_child(ev, true);
		break;
	case PTRACE_EVENT_EXEC:
		capture_exec(ev);
		break;
	case PTRACE_EVENT_SECCOMP:
		capture_syscall(ev);
		break;
	case PTRACE_EVENT_STOP:
		capture_stop(ev, sig);
		break;
	case PTRACE_EVENT_EXIT:
		ev->kind = EV_EXITING;
		break;
	default:
		break;
	}
}

/* ---- resume ---- */

void event_resume(struct event *ev)
{
	long r = 0;
	switch (ev->how) {
	case RESUME_SYSCALL: {
		/* Under the filter, the next stop that matters outside a syscall is a seccomp one. */
		struct tracee *t = ev->t;
		bool cont = seccomp_active && !t->in_syscall && !t->startup;
		r = ptrace(cont ? PTRACE_CONT : PTRACE_SYSCALL, ev->pid, 0, (long)ev->inject_sig);
		break;
	}
	case RESUME_LISTEN:
		r = ptrace(PTRACE_LISTEN, ev->pid, 0, 0);
		break;
	case RESUME_DETACH:
		r = ptrace(PTRACE_DETACH, ev->pid, 0, 0);
		break;
	case RESUME_NONE:
		break;
	}
	(void)r;   /* ESRCH: killed meanwhile; its death is the next event */
}

/* ---- render ---- */

/* -k: the frame lines follow the line's end, with no prefix. */
static void render_stack(struct tracee *t, const struct buf *frames)
{
	if (frames->len)
		out_add(t->out, frames->data, frames->len);
}

/* The call's name and the arguments known at entry, on a new line begun as `many` says. */
static void render_entry_as(struct tracee *t, bool many)
{
	const struct call *c = &t->call;
	const struct decoder *d = decoder_of(c);
	line_begin_as(t, many);
	size_t mark;
	struct buf *b = out_text_begin(t->out, &mark);   /* argv can be megabytes: no copy */
	buf_adds(b, call_name(c));
	buf_addc(b, '(');
	if (d->render_entry)
		d->render_entry(c, b);
	out_text_end(t->out, mark);
	t->entry_printed = true;
}

/* Under a status filter the line waits for the call's end, when its status is known: it is then
 * printed whole, never split by other tracees' lines, with the time and prefix of its entry. */
static void render_entry(struct tracee *t)
{
	if (!status_filtering()) {
		render_entry_as(t, tracee_count() > 1);
		return;
	}
	t->entry_many = tracee_count() > 1;
}

/* Under a status filter: whether a call that ended as `status` is shown, and if so its entry. */
static bool held_entry_shown(struct tracee *t, enum call_status status)
{
	if (!status_filtering() || t->entry_printed)
		return true;
	if (!status_wanted(status))
		return false;
	line_set_time(&t->call.entered);
	render_entry_as(t, t->entry_many);
	return true;
}

void event_detaching(struct tracee *t)
{
	if (t->in_syscall && t->traced_call)
		held_entry_shown(t, STATUS_DETACHED);
}

static bool call_failed(const struct call *c)
{
	return c->rval < 0 && c->rval >= -4095;
}

static void render_exit(struct tracee *t)
{
	const struct call *c = &t->call;
	const struct decoder *d = decoder_of(c);
	if (!held_entry_shown(t, call_failed(c) ? STATUS_FAILED : STATUS_SUCCESSFUL))
		return;
	line_resume(t, call_name(c));
	buf_reset(&scratch);
	if (d->render_exit)
		d->render_exit(c, &scratch);
	buf_addc(&scratch, ')');
	out_add(t->out, scratch.data, scratch.len);
	buf_reset(&scratch);
	if (d->render_ret)
		d->render_ret(c, &scratch);
	else
		render_ret_default(c, &scratch);
	if (opt.durations) {
		struct timespec spent = timespec_sub(c->returned, c->entered);
		char frac[16];
		timespec_fraction(frac, sizeof(frac), spent, opt.duration_digits);
		buf_printf(&scratch, " <%ld%s>", (long)spent.tv_sec, frac);
	}
	line_ret(t, scratch.data);
	render_stack(t, &t->call.frames);
}

static void render_signal_line(struct event *ev)
{
	int sig = WSTOPSIG(ev->status);
	buf_reset(&scratch);
	buf_adds(&scratch, "--- ");
	signal_print(&scratch, sig);
	buf_addc(&scratch, ' ');
	render_siginfo(&scratch, ev->siginfo, ABI_X86_64);   /* GETSIGINFO gives estrace's layout */
	buf_adds(&scratch, " ---");
	line_full(ev->t, scratch.data);
	render_stack(ev->t, &signal_frames);
}

static void render_group_stop(struct event *ev)
{
	buf_reset(&scratch);
	buf_adds(&scratch, "--- stopped by ");
	signal_print(&scratch, ev->other);
	buf_adds(&scratch, " ---");
	line_full(ev->t, scratch.data);
}

/* A syscall cut short by the death of its thread ends "= ?". Returns whether that line was
 * printed: its -k frames are the caller's to print, whose place differs by case. */
static bool render_cut_short(struct tracee *t)
{
	if (!t->in_syscall || !t->traced_call)
		return false;
	t->in_syscall = false;
	if (!held_entry_shown(t, STATUS_UNFINISHED) || !t->entry_printed)
		return false;
	line_resume(t, call_name(&t->call));
	out_add(t->out, ")", 1);
	line_ret(t, "?");
	return true;
}

/* The thread's exit event: a call it was in ends here; its death is reported later. */
static void render_exiting(struct tracee *t)
{
	if (render_cut_short(t))
		t->frames_due = true;
}

static void render_death(struct event *ev)
{
	struct tracee *t = ev->t;
	int st = ev->status;
	bool cut_short = render_cut_short(t) || t->frames_due;
	buf_reset(&scratch);
	if (WIFEXITED(st) && !(opt.quiet_set & QUIET_EXIT)) {
		buf_printf(&scratch, "+++ exited with %d +++", WEXITSTATUS(st));
		line_full(t, scratch.data);
	} else if (WIFSIGNALED(st) && signal_wanted(WTERMSIG(st))) {
		buf_adds(&scratch, "+++ killed by ");
		signal_print(&scratch, WTERMSIG(st));
		buf_adds(&scratch, WCOREDUMP(st) ? " (core dumped) +++" : " +++");
		line_full(t, scratch.data);
	}
	if (cut_short)   /* strace shows the frames of exit and exit_group after "+++ exited" */
		render_stack(t, &t->call.frames);
	if (t->pid == command_pid)
		command_status = st;
	tracer_forget(t);
}

/* Thread `old` exec'd, and the kernel gave it the leader's pid: the leader's record takes over
 * old's syscall in flight, and old's record goes. */
static void render_exec_switch(struct event *ev)
{
	struct tracee *leader = ev->t;
	struct tracee *old = tracee_find(ev->other);
	if (!old)
		return;
	if (render_cut_short(leader))   /* the leader's own call in flight ends "= ?" */
		render_stack(leader, &leader->call.frames);
	if (old->out->owner == old) {
		out_printf(old->out, " <pid changed to %d ...>", leader->pid);
		line_end(old);
	}
	if (leader->frames_due)   /* its call ended at its exit event; it will not die now */
		render_stack(leader, &leader->call.frames);
	leader->frames_due = false;
	pid_t old_pid = old->pid;
	struct call tmp = leader->call;
	leader->call = old->call;
	old->call = tmp;
	leader->in_syscall = old->in_syscall;
	leader->traced_call = old->traced_call;
	leader->entry_printed = old->entry_printed;
	leader->entry_many = old->entry_many;
	leader->abi = old->abi;
	if (old->pid == command_pid)
		command_pid = leader->pid;
	tracer_forget(old);
	/* after the forget: the "[pid N]" prefix counts the tracees left, as strace's does */
	if (!(opt.quiet_set & QUIET_THREAD_EXECVE)) {
		buf_reset(&scratch);
		buf_printf(&scratch, "+++ superseded by execve in pid %d +++", old_pid);
		line_full(leader, scratch.data);
	}
	if (ends_at_event(leader)) {   /* the execve succeeded; its exit stop is not waited for */
		call_returned(leader, 0, ev);
		if (leader->traced_call)
			render_exit(leader);
	}
}

static void render_personality(struct event *ev)
{
	if (ev->personality == ABI_COUNT || (opt.quiet_set & QUIET_PERSONALITY))
		return;
	buf_reset(&scratch);
	buf_printf(&scratch, "[ Process PID=%d runs in %s mode. ]", ev->pid,
		   ev->personality == ABI_I386 ? "32 bit" : "64 bit");
	line_full(ev->t, scratch.data);
}

void event_render(struct event *ev)
{
	line_set_time(&ev->when);
	/* a death: "[????...]", as wide as the personality it died in */
	enum abi dead_abi = ev->t->abi == ABI_I386 ? ABI_I386 : ABI_X86_64;
	line_set_ip(ev->ip_known && ev->kind != EV_DEATH, ev->ip,
		    ev->kind != EV_DEATH ? ev->ip_abi : dead_abi);
	if (ev->kind != EV_EXEC_SWITCH && ev->kind != EV_EXIT)
		render_personality(ev);   /* before the line of the call it was seen at */
	switch (ev->kind) {
	case EV_ENTRY:
		render_entry(ev->t);
		break;
	case EV_EXIT:
		render_exit(ev->t);
		break;
	case EV_SIGNAL:
		render_signal_line(ev);
		break;
	case EV_GROUP_STOP:
		render_group_stop(ev);
		break;
	case EV_EXEC_SWITCH:
		render_exec_switch(ev);
		break;
	case EV_EXITING:
		render_exiting(ev->t);
		break;
	case EV_DEATH:
		render_death(ev);
		break;
	case EV_NOTHING:
		break;
	}
	if (ev->kind == EV_EXEC_SWITCH || ev->kind == EV_EXIT)
		render_personality(ev);   /* after the execve line, at the exec event */
	if (ev->how == RESUME_DETACH)
		tracer_leave(ev->t);
}
