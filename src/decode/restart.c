/* restart_syscall: the kernel going on with a call that a stop or a signal interrupted (nanosleep,
 * poll, futex with a timeout). strace names the call it resumes: the thread's previous printed
 * one, or "system call" when there is none. */
#include "decode/decoder.h"

static void restart_render(const struct call *c, struct buf *b)
{
	buf_printf(b, "<... resuming interrupted %s ...>",
		   c->prev_id < SC_COUNT ? sysent[c->prev_id].name : "system call");
}

const struct decoder dec_restart_syscall = { .render_entry = restart_render };
