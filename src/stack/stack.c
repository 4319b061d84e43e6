/* stack: -k's frame lines. The stopped thread's registers tell its ABI, which picks the
 * unwinder (libunwind for x86_64 when built, libdw for i386 and where libunwind is not); the
 * frames it finds are printed from the one symbol cache, alike for both. */
#include "stack/stack.h"

#include <inttypes.h>
#include <sys/ptrace.h>

#include "compat/syscall_info.h"
#include "stack/backend.h"
#include "stack/demangle.h"
#include "stack/symbols.h"
#include "util/die.h"

static const struct unwinder *unwinder_for(bool i386, bool source)
{
	if (unwinder_libunwind && !(i386 && !unwinder_libunwind->i386) && !source)
		return unwinder_libunwind;
	if (unwinder_libdw)
		return unwinder_libdw;
	return NULL;
}

const char *stack_unavailable(void)
{
	if (unwinder_libunwind || unwinder_libdw)
		return NULL;
	return "estrace was built without libunwind and libdw (configure --without-libunwind --without-libdw)";
}

const char *stack_source_unavailable(void)
{
	if (unwinder_libdw && unwinder_libdw->source)
		return NULL;
	return "estrace was built without libdw (configure --without-libdw)";
}

const char *stack_features(void)
{
	static struct buf features;
	static bool done;
	if (!done) {
		buf_adds(&features, "");
		if (unwinder_libunwind)
			buf_printf(&features, " stack-trace=%s", unwinder_libunwind->name);
		if (unwinder_libdw)
			buf_printf(&features, " stack-trace=%s", unwinder_libdw->name);
		if (!stack_unavailable() && demangle_feature[0])
			buf_adds(&features, " stack-demangle");
		done = true;
	}
	return features.data;
}

static void frame_line(pid_t pid, uint64_t ip, bool entry, struct buf *frames)
{
	struct place p;
	if (!symbols_place(pid, ip, &p))
		buf_printf(frames, " > ?() [0x%" PRIx64 "]", ip);
	else if (p.sym)
		buf_printf(frames, " > %s(%s+0x%" PRIx64 ") [0x%" PRIx64 "]", p.path, p.sym,
			   p.sym_off, p.file_off);
	else
		buf_printf(frames, " > %s(%s) [0x%" PRIx64 "]", p.path, entry ? "+0x0" : "",
			   p.file_off);
}

void stack_capture(pid_t pid, unsigned limit, bool source, bool entry, struct buf *frames)
{
	static uint64_t *ips;
	static size_t cap;
	struct stop_regs r = { .pid = pid };
	if (ptrace(PTRACE_GETREGS, pid, 0, &r.regs) < 0)
		return;   /* gone */
	r.i386 = abi_of_code_segment(r.regs.cs) == ABI_I386;
	if (cap < limit) {
		cap = limit;
		ips = xrealloc(ips, cap * sizeof(*ips));
	}
	const struct unwinder *u = unwinder_for(r.i386, source);
	stop_mem_begin(pid);
	size_t n = u ? u->unwind(&r, ips, limit) : 0;
	if (!n)   /* strace's words for a stack it cannot take */
		buf_printf(frames, " > unexpected_backtracing_error [0x%llx]\n", r.regs.rip);
	for (size_t i = 0; i < n; i++) {
		frame_line(pid, ips[i], entry, frames);
		if (source)   /* a return address's call is the byte before it */
			u->source(&r, i ? ips[i] - 1 : ips[i], frames);
		buf_addc(frames, '\n');
	}
}

void stack_forget(pid_t pid)
{
	if (unwinder_libunwind)
		unwinder_libunwind->forget(pid);
	if (unwinder_libdw)
		unwinder_libdw->forget(pid);
	symbols_forget(pid);
}
