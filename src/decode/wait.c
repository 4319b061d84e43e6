/* wait4, waitpid, waitid: the pid (or idtype and id) at entry, what was reaped at exit. */
#include "decode/decoder.h"

#include <inttypes.h>
#include <string.h>
#include <sys/wait.h>

#include "decode/procinfo.h"
#include "decode/siginfo.h"
#include "mem/umem.h"
#include "opt/filter.h"
#include "print/xlat.h"

/* mem holds what exit captured: the status word, rusage, or siginfo; val[k] its size or 0 */
enum { CAP_STATUS, CAP_RUSAGE, CAP_SIGINFO };

static void capture_block(struct call *c, pid_t pid, int k, uint64_t addr, size_t size)
{
	c->val[k] = 0;
	if (!addr || c->rval < 0 || !verbose_wanted(c->id))
		return;   /* printed as the address */
	size_t off = c->mem.len;
	char *dst = buf_tail(&c->mem, size);
	if (umem_read(pid, addr, dst, size) == 0) {
		buf_commit(&c->mem, size);
		c->val[k] = size;
		c->blk_off[k] = off;
	}
}

static const unsigned char *block(const struct call *c, int k)
{
	return c->val[k] ? (const unsigned char *)c->mem.data + c->blk_off[k] : NULL;
}

static void render_status(struct buf *b, const struct call *c, uint64_t addr)
{
	const unsigned char *p = block(c, CAP_STATUS);
	if (!p) {
		render_ptr(b, addr);
		return;
	}
	int s = *(const int *)p;
	buf_adds(b, "[{");
	if (WIFEXITED(s)) {
		buf_printf(b, "WIFEXITED(s) && WEXITSTATUS(s) == %d", WEXITSTATUS(s));
	} else if (WIFSIGNALED(s)) {
		buf_adds(b, "WIFSIGNALED(s) && WTERMSIG(s) == ");
		signal_print(b, WTERMSIG(s));   /* by name whatever -X says, as strace */
		if (WCOREDUMP(s))
			buf_adds(b, " && WCOREDUMP(s)");
	} else if (WIFSTOPPED(s)) {
		buf_adds(b, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
		signal_print(b, WSTOPSIG(s));
	} else if (WIFCONTINUED(s)) {
		buf_adds(b, "WIFCONTINUED(s)");
	} else {
		buf_printf(b, "%#x", s);
	}
	buf_adds(b, "}]");
}

/* A tracee's long, as strace prints rusage's: unsigned (ru_maxrss=18446744073709551615). The
 * block sits after the status word in mem: read it unaligned. */
static uint64_t word_at(const unsigned char *p, size_t w)
{
	uint64_t v64;
	uint32_t v32;
	if (w == 8)
		return memcpy(&v64, p, 8), v64;
	return memcpy(&v32, p, 4), v32;
}

/* tv_sec signed, tv_usec unsigned, as strace prints a rusage's times */
static void render_timeval(struct buf *b, const char *name, const unsigned char *p, size_t w)
{
	uint64_t sec = word_at(p, w);
	int64_t ssec = w == 8 ? (int64_t)sec : (int32_t)sec;
	buf_printf(b, "%s={tv_sec=%" PRId64 ", tv_usec=%" PRIu64 "}", name, ssec, word_at(p + w, w));
}

static const char *const rusage_longs[] = {
	"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt", "ru_nswap",
	"ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
};

static size_t rusage_size(const struct call *c)
{
	size_t w = c->abi == ABI_I386 ? 4 : 8;
	return 4 * w + 14 * w;
}

static void render_rusage(struct buf *b, const struct call *c, uint64_t addr)
{
	const unsigned char *p = block(c, CAP_RUSAGE);
	if (!p) {
		render_ptr(b, addr);
		return;
	}
	size_t w = c->abi == ABI_I386 ? 4 : 8;
	buf_addc(b, '{');
	render_timeval(b, "ru_utime", p, w);
	render_timeval(b, ", ru_stime", p + 2 * w, w);
	if (abbrev_wanted(c->id)) {
		buf_adds(b, ", ...}");
		return;
	}
	for (size_t i = 0; i < sizeof(rusage_longs) / sizeof(rusage_longs[0]); i++) {
		buf_printf(b, ", %s=%" PRIu64, rusage_longs[i], word_at(p + 4 * w + i * w, w));
	}
	buf_addc(b, '}');
}

/* the waited-for pid's name, for -Y: read before the call can reap it */
static void wait4_capture_entry(struct call *c, pid_t pid)
{
	capture_pid(c, 0, (int32_t)c->args[0]);
}

static void render_pid_comma(const struct call *c, struct buf *b)
{
	render_pid_arg(c, b, 0, (int32_t)c->args[0]);
	buf_adds(b, ", ");
}

/* the pid reaped (or 0): with -Y its name, while it still exists (a stopped child) */
static void render_ret_pid(const struct call *c, struct buf *b)
{
	if (!render_error(c, b))
		render_pid(b, c->rval);
}

/* wait4(pid, status, options, rusage) and waitpid(pid, status, options). Returning 0
 * (WNOHANG, nothing to reap) the kernel wrote neither status nor rusage: both print as
 * addresses. */
static void wait4_capture_exit(struct call *c, pid_t pid)
{
	c->val[CAP_STATUS] = c->val[CAP_RUSAGE] = 0;
	if (c->rval <= 0)
		return;
	capture_block(c, pid, CAP_STATUS, c->args[1], sizeof(int));
	if (c->id != SC_waitpid)
		capture_block(c, pid, CAP_RUSAGE, c->args[3], rusage_size(c));
}

static void wait4_render_exit(const struct call *c, struct buf *b)
{
	render_status(b, c, c->args[1]);
	buf_adds(b, ", ");
	xlat_flags(b, &xlat_wait_options, (uint32_t)c->args[2], "W???");
	if (c->id == SC_waitpid)
		return;
	buf_adds(b, ", ");
	render_rusage(b, c, c->args[3]);
}

const struct decoder dec_wait4 = {
	.capture_entry = wait4_capture_entry,
	.render_entry = render_pid_comma,
	.capture_exit = wait4_capture_exit,
	.render_exit = wait4_render_exit,
	.render_ret = render_ret_pid,
};

const struct decoder dec_waitpid = {
	.capture_entry = wait4_capture_entry,
	.render_entry = render_pid_comma,
	.capture_exit = wait4_capture_exit,
	.render_exit = wait4_render_exit,
	.render_ret = render_ret_pid,
};

/* waitid(idtype, id, infop, options, rusage): id is a pid (-Y), a pidfd (-y) or a number */
#define IDTYPE_PIDFD 3   /* P_PIDFD: glibc 2.36's idtype_t lacks it */

static void waitid_capture_entry(struct call *c, pid_t pid)
{
	if ((uint32_t)c->args[0] == P_PID)
		capture_pid(c, 1, (int32_t)c->args[1]);
	else if ((uint32_t)c->args[0] == IDTYPE_PIDFD)
		capture_fd(c, pid, (int32_t)c->args[1]);
}

static void waitid_render_entry(const struct call *c, struct buf *b)
{
	xlat_value(b, &xlat_idtypes, (uint32_t)c->args[0], "P_???");
	buf_adds(b, ", ");
	if ((uint32_t)c->args[0] == P_PID)
		render_pid_arg(c, b, 1, (int32_t)c->args[1]);
	else if ((uint32_t)c->args[0] == IDTYPE_PIDFD)
		render_fd(c, b, (int32_t)c->args[1]);
	else
		render_int(b, c->args[1]);
	buf_adds(b, ", ");
}

static void waitid_capture_exit(struct call *c, pid_t pid)
{
	capture_block(c, pid, CAP_SIGINFO, c->args[2], SIGINFO_SIZE);
	capture_block(c, pid, CAP_RUSAGE, c->args[4], rusage_size(c));
}

static void waitid_render_exit(const struct call *c, struct buf *b)
{
	const unsigned char *si = block(c, CAP_SIGINFO);
	if (si)
		render_siginfo(b, si, c->abi);
	else
		render_ptr(b, c->args[2]);
	buf_adds(b, ", ");
	xlat_flags(b, &xlat_wait_options, (uint32_t)c->args[3], "W???");
	buf_adds(b, ", ");
	render_rusage(b, c, c->args[4]);
}

const struct decoder dec_waitid = {
	.capture_entry = waitid_capture_entry,
	.render_entry = waitid_render_entry,
	.capture_exit = waitid_capture_exit,
	.render_exit = waitid_render_exit,
};
