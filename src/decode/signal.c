/* kill, tkill, tgkill: pids as numbers, the signal by name. */
#include "decode/decoder.h"

static void kill_render(const struct call *c, struct buf *b)
{
	render_int(b, c->args[0]);
	buf_adds(b, ", ");
	render_signal(b, (uint32_t)c->args[1]);
}

static void tgkill_render(const struct call *c, struct buf *b)
{
	render_int(b, c->args[0]);
	buf_adds(b, ", ");
	render_int(b, c->args[1]);
	buf_adds(b, ", ");
	render_signal(b, (uint32_t)c->args[2]);
}

const struct decoder dec_kill = { .render_entry = kill_render };
const struct decoder dec_tkill = { .render_entry = kill_render };
const struct decoder dec_tgkill = { .render_entry = tgkill_render };
