/* kill, tkill, tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo, pidfd_send_signal: pids as
 * numbers, the signal by name, a siginfo the caller passes decoded. */
#include "decode/decoder.h"

#include <inttypes.h>

#include "decode/procinfo.h"
#include "decode/siginfo.h"
#include "mem/umem.h"
#include "opt/filter.h"

/* the pid arguments' names, for -Y: the signal may end the process before the line prints */
static void kill_capture(struct call *c, pid_t pid)
{
	capture_pid(c, 0, (int32_t)c->args[0]);
	capture_pid(c, 1, (int32_t)c->args[1]);
}

static void kill_render(const struct call *c, struct buf *b)
{
	render_pid_arg(c, b, 0, (int32_t)c->args[0]);
	buf_adds(b, ", ");
	render_signal(b, (int32_t)c->args[1]);
}

static void tgkill_render(const struct call *c, struct buf *b)
{
	render_pid_arg(c, b, 0, (int32_t)c->args[0]);
	buf_adds(b, ", ");
	render_pid_arg(c, b, 1, (int32_t)c->args[1]);
	buf_adds(b, ", ");
	render_signal(b, (int32_t)c->args[2]);
}

const struct decoder dec_kill = { .capture_entry = kill_capture, .render_entry = kill_render };
const struct decoder dec_tkill = { .capture_entry = kill_capture, .render_entry = kill_render };
const struct decoder dec_tgkill = { .capture_entry = kill_capture, .render_entry = tgkill_render };

/* The siginfo at args[k], read at entry into mem; val[0] says whether it was readable. */
static void capture_info(struct call *c, pid_t pid, int k)
{
	c->val[0] = 0;
	if (!c->args[k] || !verbose_wanted(c->id))
		return;   /* printed as the address */
	char *dst = buf_tail(&c->mem, SIGINFO_SIZE);
	if (umem_read(pid, c->args[k], dst, SIGINFO_SIZE) == 0) {
		buf_commit(&c->mem, SIGINFO_SIZE);
		c->val[0] = 1;
	}
}

static void render_info(const struct call *c, struct buf *b, int k)
{
	if (c->val[0])
		render_siginfo(b, (const unsigned char *)c->mem.data, c->abi);
	else
		render_ptr(b, c->args[k]);
}

static void sigqueueinfo_capture(struct call *c, pid_t pid)
{
	kill_capture(c, pid);
	capture_info(c, pid, 2);
}

static void sigqueueinfo_render(const struct call *c, struct buf *b)
{
	kill_render(c, b);
	buf_adds(b, ", ");
	render_info(c, b, 2);
}

static void tgsigqueueinfo_capture(struct call *c, pid_t pid)
{
	kill_capture(c, pid);
	capture_info(c, pid, 3);
}

static void tgsigqueueinfo_render(const struct call *c, struct buf *b)
{
	tgkill_render(c, b);
	buf_adds(b, ", ");
	render_info(c, b, 3);
}

static void pidfd_send_signal_capture(struct call *c, pid_t pid)
{
	capture_fd(c, pid, (int)c->args[0]);
	capture_info(c, pid, 2);
}

static void pidfd_send_signal_render(const struct call *c, struct buf *b)
{
	render_fd(c, b, (int)c->args[0]);
	buf_adds(b, ", ");
	render_signal(b, (int32_t)c->args[1]);
	buf_adds(b, ", ");
	render_info(c, b, 2);
	uint32_t flags = (uint32_t)c->args[3];
	buf_printf(b, flags ? ", %#" PRIx32 : ", %" PRIu32, flags);
}

const struct decoder dec_rt_sigqueueinfo = {
	.capture_entry = sigqueueinfo_capture,
	.render_entry = sigqueueinfo_render,
};
const struct decoder dec_rt_tgsigqueueinfo = {
	.capture_entry = tgsigqueueinfo_capture,
	.render_entry = tgsigqueueinfo_render,
};
const struct decoder dec_pidfd_send_signal = {
	.capture_entry = pidfd_send_signal_capture,
	.render_entry = pidfd_send_signal_render,
};
