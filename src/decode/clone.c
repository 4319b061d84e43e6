/* clone, clone3, fork, vfork. clone's results (parent_tid=, tls=, child_tidptr=) print at
 * exit; clone3 prints its struct at entry and " => {...}" with what the kernel wrote at exit. */
#include "decode/decoder.h"

#include <inttypes.h>
#include <linux/sched.h>
#include <stddef.h>
#include <string.h>

#include "decode/procinfo.h"
#include "mem/umem.h"
#include "opt/filter.h"
#include "print/xlat.h"

#define CSIGNAL_MASK 0xffu
#define CHILD_TID_FLAGS (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)

/* flags with the exit signal in the low byte: CLONE_VM|...|SIGCHLD */
static void render_clone_flags(struct buf *b, uint64_t flags)
{
	uint64_t sig = flags & CSIGNAL_MASK;
	uint64_t rest = flags & ~(uint64_t)CSIGNAL_MASK;
	if (rest || !sig)
		xlat_flags(b, &xlat_clone_flags, rest, "CLONE_???");
	if (sig) {
		if (rest)
			buf_addc(b, '|');
		render_signal(b, (int)sig);
	}
}

/* clone3's exit_signal is a u64: past the signals it prints unsigned, not as an int */
static void render_exit_signal(struct buf *b, uint64_t sig)
{
	if (sig <= CSIGNAL_MASK)
		render_signal(b, (int)sig);
	else
		buf_printf(b, "%" PRIu64, sig);
}

/* The argument slots of clone's tid and tls pointers differ between ABIs. */
struct clone_slots {
	int parent_tid, child_tid, tls;
};

static struct clone_slots clone_slots(const struct call *c)
{
	if (c->abi == ABI_I386)
		return (struct clone_slots){ 2, 4, 3 };
	return (struct clone_slots){ 2, 3, 4 };
}

/* An int the kernel wrote at exit: [N], or the pointer when unreadable. */
static void render_written_int(struct buf *b, const struct call *c, int k, uint64_t addr)
{
	if (c->val_err[k] || c->rval < 0)
		render_ptr(b, addr);
	else
		buf_printf(b, "[%d]", (int)c->val[k]);
}

static void capture_int(struct call *c, pid_t pid, int k, uint64_t addr)
{
	int32_t v = 0;
	c->val_err[k] = addr ? umem_read(pid, addr, &v, sizeof(v)) : -1;
	c->val[k] = (uint64_t)(int64_t)v;
}

static void clone_capture_exit(struct call *c, pid_t pid)
{
	if (c->args[0] & CLONE_PARENT_SETTID)
		capture_int(c, pid, 0, c->args[clone_slots(c).parent_tid]);
}

static void clone_render_entry(const struct call *c, struct buf *b)
{
	buf_adds(b, "child_stack=");
	render_ptr(b, c->args[1]);
	buf_adds(b, ", flags=");
	render_clone_flags(b, c->args[0]);
}

static void clone_render_exit(const struct call *c, struct buf *b)
{
	uint64_t flags = c->args[0];
	struct clone_slots s = clone_slots(c);
	if (flags & CLONE_PARENT_SETTID) {
		buf_adds(b, ", parent_tid=");
		render_written_int(b, c, 0, c->args[s.parent_tid]);
	}
	if (flags & CLONE_SETTLS) {
		buf_adds(b, ", tls=");
		render_ptr(b, c->args[s.tls]);
	}
	if (flags & CHILD_TID_FLAGS) {
		buf_adds(b, ", child_tidptr=");
		render_ptr(b, c->args[s.child_tid]);
	}
}

static void render_ret_child(const struct call *c, struct buf *b);

const struct decoder dec_clone = {
	.capture_exit = clone_capture_exit,
	.render_entry = clone_render_entry,
	.render_exit = clone_render_exit,
	.render_ret = render_ret_child,
};

/* ---- clone3 ---- */

#define CLONE_ARGS_VER0 64
#define CLONE_ARGS_MAX 88

struct cargs {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls,
		set_tid, set_tid_size, cgroup;
};

/* val[3]: 1 when the struct was read into mem (as struct cargs, zero-padded) */
static const struct cargs *cargs_of(const struct call *c)
{
	return c->val[3] ? (const struct cargs *)c->mem.data : NULL;
}

static bool has_results(const struct cargs *a)
{
	return a && (a->flags & (CLONE_PIDFD | CLONE_PARENT_SETTID));
}

static void clone3_capture_entry(struct call *c, pid_t pid)
{
	uint64_t size = c->args[1];
	c->val[3] = 0;
	if (!c->args[0] || size < CLONE_ARGS_VER0 || !verbose_wanted(c->id))
		return;   /* printed as the address */
	struct cargs a;
	memset(&a, 0, sizeof(a));
	if (umem_read(pid, c->args[0], &a, size < sizeof(a) ? size : sizeof(a)))
		return;
	buf_add(&c->mem, &a, sizeof(a));
	c->val[3] = 1;
	/* set_tid: an array of pid_t, printed whole */
	size_t off = c->mem.len;
	for (uint64_t i = 0; i < a.set_tid_size && i < 32; i++) {
		int32_t tid;
		if (umem_read(pid, a.set_tid + 4 * i, &tid, 4))
			break;
		buf_add(&c->mem, &tid, 4);
	}
	c->val[2] = (c->mem.len - off) / 4;
}

static void clone3_capture_exit(struct call *c, pid_t pid)
{
	const struct cargs *a = cargs_of(c);
	if (!has_results(a) || c->rval < 0)
		return;
	if (a->flags & CLONE_PIDFD)
		capture_int(c, pid, 0, a->pidfd);
	if (a->flags & CLONE_PARENT_SETTID)
		capture_int(c, pid, 1, a->parent_tid);
}

static void field_ptr(struct buf *b, const char *name, uint64_t v)
{
	buf_printf(b, ", %s=", name);
	render_ptr(b, v);
}

static void clone3_render_entry(const struct call *c, struct buf *b)
{
	const struct cargs *a = cargs_of(c);
	if (!a) {
		render_ptr(b, c->args[0]);
		buf_printf(b, ", %" PRIu64, c->args[1]);
		return;
	}
	buf_adds(b, "{flags=");
	xlat_flags(b, &xlat_clone_flags, a->flags, "CLONE_???");
	if (a->flags & CLONE_PIDFD)
		field_ptr(b, "pidfd", a->pidfd);
	if (a->flags & CHILD_TID_FLAGS)
		field_ptr(b, "child_tid", a->child_tid);
	if (a->flags & CLONE_PARENT_SETTID)
		field_ptr(b, "parent_tid", a->parent_tid);
	buf_adds(b, ", exit_signal=");
	render_exit_signal(b, a->exit_signal);
	field_ptr(b, "stack", a->stack);
	buf_printf(b, a->stack_size ? ", stack_size=%#" PRIx64 : ", stack_size=%" PRIu64, a->stack_size);
	if (a->flags & CLONE_SETTLS)
		field_ptr(b, "tls", a->tls);
	if (a->set_tid_size) {
		buf_adds(b, ", set_tid=");
		if (c->val[2] == a->set_tid_size) {
			const int32_t *tids = (const int32_t *)(c->mem.data + sizeof(struct cargs));
			buf_addc(b, '[');
			for (uint64_t i = 0; i < c->val[2]; i++)
				buf_printf(b, "%s%d", i ? ", " : "", tids[i]);
			buf_addc(b, ']');
		} else {
			render_ptr(b, a->set_tid);
		}
		buf_printf(b, ", set_tid_size=%" PRIu64, a->set_tid_size);
	}
	if (a->flags & CLONE_INTO_CGROUP)
		buf_printf(b, ", cgroup=%" PRIu64, a->cgroup);
	buf_addc(b, '}');
	if (!has_results(a))
		buf_printf(b, ", %" PRIu64, c->args[1]);
}

static void clone3_render_exit(const struct call *c, struct buf *b)
{
	const struct cargs *a = cargs_of(c);
	if (!has_results(a))
		return;
	if (c->rval >= 0) {
		const char *sep = "";
		buf_adds(b, " => {");
		if (a->flags & CLONE_PIDFD) {
			buf_adds(b, "pidfd=");
			render_written_int(b, c, 0, a->pidfd);
			sep = ", ";
		}
		if (a->flags & CLONE_PARENT_SETTID) {
			buf_printf(b, "%sparent_tid=", sep);
			render_written_int(b, c, 1, a->parent_tid);
		}
		buf_addc(b, '}');
	}
	buf_printf(b, ", %" PRIu64, c->args[1]);
}

const struct decoder dec_clone3 = {
	.capture_entry = clone3_capture_entry,
	.render_entry = clone3_render_entry,
	.capture_exit = clone3_capture_exit,
	.render_exit = clone3_render_exit,
	.render_ret = render_ret_child,
};

/* the child's pid; with -Y its name */
static void render_ret_child(const struct call *c, struct buf *b)
{
	if (!render_error(c, b))
		render_pid(b, c->rval);
}

/* fork and vfork take no arguments: the generic printer prints "fork()" */
const struct decoder dec_fork = { .render_ret = render_ret_child };
const struct decoder dec_vfork = { .render_ret = render_ret_child };
