/* exit, exit_group: the status; they never return, so their line ends "= ?" at the death. */
#include "decode/decoder.h"

static void exit_render(const struct call *c, struct buf *b)
{
	render_int(b, c->args[0]);
}

const struct decoder dec_exit = { .render_entry = exit_render };
const struct decoder dec_exit_group = { .render_entry = exit_render };
