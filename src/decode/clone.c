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
#include "opt/options.h"
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

/* The int the kernel wrote at addr at exit, into val[k] (val_err[k]: could not be read). */
static void capture_int(struct call *c, pid_t pid, int k, uint64_t addr)
{
	int32_t v = 0;
	c->val_err[k] = addr ? umem_read(pid, addr, &v, sizeof(v)) : -1;
	c->val[k] = (uint64_t)(int64_t)v;
}

/* The same for CLONE_PIDFD's descriptor, and what -y shows of it while it is open. */
static void capture_pidfd(struct call *c, pid_t pid, int k, uint64_t addr)
{
	capture_int(c, pid, k, addr);
	if (!c->val_err[k])
		capture_fd(c, pid, (int)c->val[k]);
}

static bool written(const struct call *c, int k)
{
	return !c->val_err[k] && c->rval >= 0;
}

/* What the kernel wrote, or the pointer when nothing was: [1234] (-Y: [1234<comm>]) ... */
static void render_written_pid(struct buf *b, const struct call *c, int k, uint64_t addr)
{
	if (!written(c, k)) {
		render_ptr(b, addr);
		return;
	}
	buf_addc(b, '[');
	render_pid(b, (int32_t)c->val[k]);
	buf_addc(b, ']');
}

/* ... [3] (-y: [3<anon_inode:[pidfd]>], -yy: [3<pid:1234>]) */
static void render_written_fd(struct buf *b, const struct call *c, int k, uint64_t addr)
{
	if (!written(c, k)) {
		render_ptr(b, addr);
		return;
	}
	buf_addc(b, '[');
	render_fd(c, b, (int32_t)c->val[k]);
	buf_addc(b, ']');
}

/* parent_tid gets the child's tid, or with CLONE_PIDFD its pidfd (the kernel refuses both);
 * -e verbose=none shows the pointer */
static void clone_capture_exit(struct call *c, pid_t pid)
{
	uint64_t flags = c->args[0], at = c->args[clone_slots(c).parent_tid];
	c->val_err[0] = -1;
	if (c->rval < 0 || !verbose_wanted(c->id))
		return;
	if (flags & CLONE_PIDFD)
		capture_pidfd(c, pid, 0, at);
	else if (flags & CLONE_PARENT_SETTID)
		capture_int(c, pid, 0, at);
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
	if (flags & CLONE_PIDFD) {
		buf_adds(b, ", parent_tid=");
		render_written_fd(b, c, 0, c->args[s.parent_tid]);
	} else if (flags & CLONE_PARENT_SETTID) {
		buf_adds(b, ", parent_tid=");
		render_written_pid(b, c, 0, c->args[s.parent_tid]);
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

#define CLONE_ARGS_VER0 64       /* the first struct clone_args */
#define CLONE_ARGS_KNOWN 88      /* the last one, with cgroup: bytes past it print raw */
#define CLONE_ARGS_READ_MAX 4096 /* the kernel refuses a larger struct; strace reads no further */
#define SET_TID_MAX 32           /* the kernel's limit: a longer set_tid prints as its address */

struct cargs {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls,
		set_tid, set_tid_size, cgroup;
};

/* What entry captured, at blk_off[3] in mem when val[3] is 1 (else the struct prints as its
 * address). */
struct clone3_rec {
	struct cargs a;          /* zero past the size given */
	uint64_t size;           /* the size given */
	uint32_t tls_desc[4];    /* i386: the struct user_desc at tls ... */
	bool tls_read;           /* ... when it could be read */
	size_t tids_off;         /* set_tid's elements in mem, ntids of them ... */
	uint32_t ntids;
	bool tids_fault;         /* ... up to an unreadable one */
	enum { TAIL_ZERO, TAIL_BYTES, TAIL_UNREADABLE } tail;   /* the bytes past the known struct */
	size_t tail_off, tail_len;                                /* TAIL_BYTES: in mem */
};

static const struct clone3_rec *clone3_rec(const struct call *c)
{
	return c->val[3] ? (const struct clone3_rec *)(c->mem.data + c->blk_off[3]) : NULL;
}

/* A field is shown when the size given reaches into it (the rest of it reads as zero). */
#define HAS_FIELD(r, f) ((r)->size > offsetof(struct cargs, f))

static bool has_results(const struct clone3_rec *r)
{
	return r && (r->a.flags & (CLONE_PIDFD | CLONE_PARENT_SETTID));
}

static void capture_set_tid(struct call *c, pid_t pid, struct clone3_rec *r)
{
	r->tids_off = c->mem.len;
	uint64_t n = r->a.set_tid_size;
	if (!r->a.set_tid || n == 0 || n > SET_TID_MAX)
		return;   /* printed as the address */
	int32_t tids[SET_TID_MAX];
	size_t got = 0;
	umem_read_some(pid, r->a.set_tid, tids, n * sizeof(tids[0]), &got);
	r->ntids = got / sizeof(tids[0]);
	r->tids_fault = r->ntids < n;
	buf_add(&c->mem, tids, r->ntids * sizeof(tids[0]));
}

/* The bytes past the known struct, up to the kernel's limit: shown unless all zero. */
static void capture_tail(struct call *c, pid_t pid, struct clone3_rec *r)
{
	size_t end = r->size < CLONE_ARGS_READ_MAX ? r->size : CLONE_ARGS_READ_MAX;
	size_t len = end - CLONE_ARGS_KNOWN;
	char *dst = buf_tail(&c->mem, len);
	if (umem_read(pid, c->args[0] + CLONE_ARGS_KNOWN, dst, len)) {
		r->tail = TAIL_UNREADABLE;
		return;
	}
	for (size_t i = 0; i < len; i++) {
		if (dst[i]) {
			r->tail = TAIL_BYTES;
			r->tail_off = c->mem.len;
			r->tail_len = len;
			buf_commit(&c->mem, len);
			return;
		}
	}
}

static void clone3_capture_entry(struct call *c, pid_t pid)
{
	struct clone3_rec r = { .size = c->args[1] };
	c->val[3] = 0;
	if (!c->args[0] || r.size < CLONE_ARGS_VER0 || !verbose_wanted(c->id))
		return;   /* printed as the address */
	if (umem_read(pid, c->args[0], &r.a, r.size < sizeof(r.a) ? r.size : sizeof(r.a)))
		return;
	capture_set_tid(c, pid, &r);
	if (c->abi == ABI_I386 && (r.a.flags & CLONE_SETTLS) && r.a.tls)
		r.tls_read = !umem_read(pid, r.a.tls, r.tls_desc, sizeof(r.tls_desc));
	if (r.size > CLONE_ARGS_KNOWN)
		capture_tail(c, pid, &r);
	static const char pad[_Alignof(struct clone3_rec)];   /* the record is read in place */
	buf_add(&c->mem, pad, -c->mem.len % sizeof(pad));
	c->blk_off[3] = c->mem.len;
	buf_add(&c->mem, &r, sizeof(r));
	c->val[3] = 1;
}

static void clone3_capture_exit(struct call *c, pid_t pid)
{
	const struct clone3_rec *r = clone3_rec(c);
	if (!has_results(r) || c->rval < 0)
		return;
	uint64_t flags = r->a.flags, pidfd = r->a.pidfd, parent_tid = r->a.parent_tid;
	if (flags & CLONE_PIDFD)
		capture_pidfd(c, pid, 0, pidfd);
	if (flags & CLONE_PARENT_SETTID)
		capture_int(c, pid, 1, parent_tid);
}

static void field_ptr(struct buf *b, const char *name, uint64_t v)
{
	buf_printf(b, ", %s=", name);
	render_ptr(b, v);
}

/* An i386 thread's tls is a struct user_desc: strace prints its fields (its %#08x prints a
 * zero base or limit as "00000000"); an x86_64 one's is a plain address. */
static void render_tls(struct buf *b, const struct clone3_rec *r)
{
	if (!r->tls_read) {
		field_ptr(b, "tls", r->a.tls);
		return;
	}
	const uint32_t *d = r->tls_desc;
	buf_printf(b, ", tls={entry_number=%d, base_addr=%#08x, limit=%#08x, seg_32bit=%u, "
		   "contents=%u, read_exec_only=%u, limit_in_pages=%u, seg_not_present=%u, "
		   "useable=%u}", (int32_t)d[0], d[1], d[2], d[3] & 1, (d[3] >> 1) & 3,
		   (d[3] >> 3) & 1, (d[3] >> 4) & 1, (d[3] >> 5) & 1, (d[3] >> 6) & 1);
}

/* [5, 6], cut at -s elements ("[5, ...]"), or ending where an element could not be read
 * ("[5, ... / * 0x7f.. * /]"); the address when the first could not */
static void render_set_tid(const struct call *c, struct buf *b, const struct clone3_rec *r)
{
	buf_adds(b, ", set_tid=");
	if (r->ntids == 0) {
		render_ptr(b, r->a.set_tid);
	} else {
		size_t cap = opt.strlen_given && abbrev_wanted(c->id) ? opt.max_strlen : SIZE_MAX;
		uint32_t i;
		buf_addc(b, '[');
		for (i = 0; i < r->ntids && i < cap; i++) {
			int32_t tid;
			memcpy(&tid, c->mem.data + r->tids_off + i * sizeof(tid), sizeof(tid));
			buf_printf(b, "%s%d", i ? ", " : "", tid);
		}
		if (i < r->ntids)
			buf_adds(b, i ? ", ..." : "...");
		else if (r->tids_fault)
			buf_printf(b, ", ... /* %#" PRIx64 " */", r->a.set_tid + i * sizeof(int32_t));
		buf_addc(b, ']');
	}
	buf_printf(b, ", set_tid_size=%" PRIu64, r->a.set_tid_size);
}

/* ", ???" when unreadable; ", / * bytes 88..95 * / "\x00..."" when not all zero */
static void render_tail(const struct call *c, struct buf *b, const struct clone3_rec *r)
{
	if (r->tail == TAIL_UNREADABLE) {
		buf_adds(b, ", ???");
	} else if (r->tail == TAIL_BYTES) {
		buf_printf(b, ", /* bytes %d..%zu */ ", CLONE_ARGS_KNOWN,
			   CLONE_ARGS_KNOWN + r->tail_len - 1);
		render_quoted(b, c->mem.data + r->tail_off, r->tail_len, QUOTE_HEX_ALL);
	}
}

static void clone3_render_entry(const struct call *c, struct buf *b)
{
	const struct clone3_rec *r = clone3_rec(c);
	if (!r) {
		render_ptr(b, c->args[0]);
		buf_printf(b, ", %" PRIu64, c->args[1]);
		return;
	}
	const struct cargs *a = &r->a;
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
		render_tls(b, r);
	if (HAS_FIELD(r, set_tid) && (a->set_tid || a->set_tid_size))
		render_set_tid(c, b, r);
	if (HAS_FIELD(r, cgroup) && (a->cgroup || (a->flags & CLONE_INTO_CGROUP)))
		buf_printf(b, ", cgroup=%" PRIu64, a->cgroup);
	render_tail(c, b, r);
	buf_addc(b, '}');
	if (!has_results(r))
		buf_printf(b, ", %" PRIu64, c->args[1]);
}

static void clone3_render_exit(const struct call *c, struct buf *b)
{
	const struct clone3_rec *r = clone3_rec(c);
	if (!has_results(r))
		return;
	if (c->rval >= 0) {
		const char *sep = "";
		buf_adds(b, " => {");
		if (r->a.flags & CLONE_PIDFD) {
			buf_adds(b, "pidfd=");
			render_written_fd(b, c, 0, r->a.pidfd);
			sep = ", ";
		}
		if (r->a.flags & CLONE_PARENT_SETTID) {
			buf_printf(b, "%sparent_tid=", sep);
			render_written_pid(b, c, 1, r->a.parent_tid);
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
