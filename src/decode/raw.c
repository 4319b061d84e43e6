/* raw: syscalls without a decoder of their own print their arguments in hex, exactly as
 * strace's -e raw= does, and their return value as strace's decoders print it; the syscalls
 * of -e raw=SET print their return value in hex too. */
#include "decode/decoder.h"
#include "decode/procinfo.h"

#include <inttypes.h>
#include <stdbool.h>

static void raw_value(struct buf *b, uint64_t v)
{
	if (v)
		buf_printf(b, "%#" PRIx64, v);
	else
		buf_addc(b, '0');
}

static unsigned nargs(const struct call *c)
{
	return c->id == SC_COUNT ? 6 : sysent[c->id].nargs[c->abi];
}

static void render_entry(const struct call *c, struct buf *b)
{
	for (unsigned i = 0; i < nargs(c); i++) {
		if (i)
			buf_adds(b, ", ");
		raw_value(b, c->abi == ABI_I386 ? (uint32_t)c->args[i] : c->args[i]);
	}
}

/* strace's own decoders print most return values in decimal and addresses in hex; a syscall
 * estrace does not decode returns as strace would show it. */
static bool returns_address(enum sc_id id)
{
	return id == SC_mmap || id == SC_mmap2 || id == SC_brk || id == SC_mremap || id == SC_shmat;
}

static void render_ret(const struct call *c, struct buf *b)
{
	if (render_error(c, b))
		return;
	if (c->id == SC_getpid || c->id == SC_getppid || c->id == SC_gettid) {
		render_pid(b, c->rval);   /* with -Y its name, as strace's decoders print it */
		return;
	}
	if (c->id != SC_COUNT && !returns_address(c->id)) {
		render_ret_default(c, b);
		return;
	}
	raw_value(b, c->abi == ABI_I386 ? (uint32_t)c->rval : (uint64_t)c->rval);
}

const struct decoder dec_raw = {
	.render_entry = render_entry,
	.render_ret = render_ret,
};

static void render_ret_hex(const struct call *c, struct buf *b)
{
	if (!render_error(c, b))
		raw_value(b, c->abi == ABI_I386 ? (uint32_t)c->rval : (uint64_t)c->rval);
}

const struct decoder dec_raw_hex = {
	.render_entry = render_entry,
	.render_ret = render_ret_hex,
};
