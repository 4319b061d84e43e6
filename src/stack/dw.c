/* dw: the elfutils libdw (libdwfl) unwinder, for i386 threads (which libunwind built for
 * x86_64 cannot unwind) and for x86_64 ones where libunwind is not built. libdwfl finds each
 * module's CFI from /proc/PID/maps and the files themselves; it reads registers and memory
 * through estrace's callbacks: the stop's PTRACE_GETREGS and its memory cache (backend.h). */
#include "stack/backend.h"

#include <elfutils/libdwfl.h>
#include <string.h>

#include "util/die.h"

/* The stop being unwound: libdwfl's callbacks find it here. */
static const struct stop_regs *stop;

static pid_t next_thread(Dwfl *dwfl, void *arg, void **thread_argp)
{
	if (*thread_argp)
		return 0;
	*thread_argp = (void *)stop;
	return stop->pid;
}

static bool get_thread(Dwfl *dwfl, pid_t tid, void *arg, void **thread_argp)
{
	*thread_argp = (void *)stop;
	return tid == stop->pid;
}

/* A word of the ABI's width: libdwfl wants an i386 word zero-extended. */
static bool memory_read(Dwfl *dwfl, Dwarf_Addr addr, Dwarf_Word *result, void *arg)
{
	uint64_t word = 0;
	if (stop_mem_read(addr, &word, stop->i386 ? 4 : 8) < 0)
		return false;
	*result = word;
	return true;
}

/* The registers in DWARF's numbering for the ABI: i386 eax ecx edx ebx esp ebp esi edi eip;
 * x86_64 rax rdx rcx rbx rsi rdi rbp rsp r8-r15 rip. */
static bool set_initial_registers(Dwfl_Thread *thread, void *arg)
{
	const struct user_regs_struct *g = &stop->regs;
	if (stop->i386) {
		Dwarf_Word r[] = { g->rax, g->rcx, g->rdx, g->rbx, g->rsp, g->rbp, g->rsi, g->rdi, g->rip };
		for (size_t i = 0; i < sizeof(r) / sizeof(r[0]); i++)
			r[i] = (uint32_t)r[i];
		return dwfl_thread_state_registers(thread, 0, sizeof(r) / sizeof(r[0]), r);
	}
	Dwarf_Word r[] = { g->rax, g->rdx, g->rcx, g->rbx, g->rsi, g->rdi, g->rbp, g->rsp,
			   g->r8, g->r9, g->r10, g->r11, g->r12, g->r13, g->r14, g->r15, g->rip };
	return dwfl_thread_state_registers(thread, 0, sizeof(r) / sizeof(r[0]), r);
}

static const Dwfl_Thread_Callbacks thread_callbacks = {
	.next_thread = next_thread,
	.get_thread = get_thread,
	.memory_read = memory_read,
	.set_initial_registers = set_initial_registers,
};

/* Frames need only the modules' CFI (.eh_frame, in the files themselves); -kk's source lines
 * are in their DWARF, or in the separate debug files of /usr/lib/debug. */
static const Dwfl_Callbacks proc_callbacks = {
	.find_elf = dwfl_linux_proc_find_elf,
	.find_debuginfo = dwfl_standard_find_debuginfo,
};

/* libdwfl's state for one thread: its modules and their CFI. Dropped at exec and death. */
struct session {
	pid_t pid;   /* 0: free slot */
	Dwfl *dwfl;
};

enum { NSESSIONS = 64 };   /* slots are reused round-robin when the deaths were missed */

static struct session sessions[NSESSIONS];
static size_t next_slot;

static void session_drop(struct session *s)
{
	if (!s->pid)
		return;
	dwfl_end(s->dwfl);
	s->pid = 0;
}

/* The session of the stop's thread, its modules read from its maps when new. NULL when they
 * cannot be (the thread is gone, or no module tells its architecture). */
static struct session *session_of(const struct stop_regs *r)
{
	for (size_t i = 0; i < NSESSIONS; i++)
		if (sessions[i].pid == r->pid)
			return &sessions[i];
	struct session *s = &sessions[next_slot];
	session_drop(s);
	Dwfl *dwfl = dwfl_begin(&proc_callbacks);
	if (!dwfl)
		die("libdw: %s", dwfl_errmsg(-1));
	if (dwfl_linux_proc_report(dwfl, r->pid) != 0 || dwfl_report_end(dwfl, NULL, NULL) != 0
	    || !dwfl_attach_state(dwfl, NULL, r->pid, &thread_callbacks, NULL)) {
		dwfl_end(dwfl);
		return NULL;
	}
	next_slot = (next_slot + 1) % NSESSIONS;
	*s = (struct session){ r->pid, dwfl };
	return s;
}

struct frames {
	Dwfl *dwfl;
	uint64_t *ips;
	size_t n, limit;
	bool strict;     /* stop at a frame that lies in no module the session knows */
	bool unmapped;   /* it did */
};

static int on_frame(Dwfl_Frame *state, void *arg)
{
	struct frames *f = arg;
	Dwarf_Addr pc;
	if (!dwfl_frame_pc(state, &pc, NULL))
		return DWARF_CB_ABORT;
	if (f->strict && !dwfl_addrmodule(f->dwfl, pc)) {
		f->unmapped = true;
		return DWARF_CB_ABORT;
	}
	f->ips[f->n++] = pc;
	return f->n < f->limit ? DWARF_CB_OK : DWARF_CB_ABORT;
}

/* The modules mapped since the session began (libraries the loader or dlopen brought), added
 * to those it knows. */
static void report_new_modules(const struct session *s)
{
	dwfl_report_begin_add(s->dwfl);
	dwfl_linux_proc_report(s->dwfl, s->pid);
	dwfl_report_end(s->dwfl, NULL, NULL);
}

static size_t unwind(const struct stop_regs *r, uint64_t *ips, size_t limit)
{
	stop = r;
	struct session *s = session_of(r);
	if (!s)
		return 0;
	struct frames f = { s->dwfl, ips, 0, limit, true, false };
	/* its end is reported as an error as often as not: the frames found are the answer */
	dwfl_getthread_frames(s->dwfl, r->pid, on_frame, &f);
	if (f.unmapped) {   /* once more with the modules mapped since; code in none is let be */
		report_new_modules(s);
		f.n = 0;
		f.strict = false;
		dwfl_getthread_frames(s->dwfl, r->pid, on_frame, &f);
	}
	return f.n;
}

/* -kk: " FILE:LINE" of the code at ip, from the line table of its module's DWARF */
static void source(const struct stop_regs *r, uint64_t ip, struct buf *out)
{
	struct session *s = session_of(r);
	Dwfl_Module *mod = s ? dwfl_addrmodule(s->dwfl, ip) : NULL;
	Dwfl_Line *line = mod ? dwfl_module_getsrc(mod, ip) : NULL;
	int lineno = 0;
	const char *file = line ? dwfl_lineinfo(line, NULL, &lineno, NULL, NULL, NULL) : NULL;
	if (file)
		buf_printf(out, " %s:%d", file, lineno);
}

static void forget(pid_t pid)
{
	for (size_t i = 0; i < NSESSIONS; i++)
		if (sessions[i].pid == pid)
			session_drop(&sessions[i]);
}

static const struct unwinder libdw = {
	.name = "libdw",
	.i386 = true,
	.unwind = unwind,
	.source = source,
	.forget = forget,
};
const struct unwinder *const unwinder_libdw = &libdw;
