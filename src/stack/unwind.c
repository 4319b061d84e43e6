/* unwind: the libunwind unwinder, for x86_64 threads. libunwind reads the tracee through
 * estrace's own accessors: registers from the stop's PTRACE_GETREGS; memory through the stop's
 * cache (backend.h: the mapped files' cached images, then umem's bulk reads). The unwind table
 * of an address is the .eh_frame_hdr of its file, found in the same cache; libunwind's ptrace
 * helpers (_UPT_*), which open and map the file again for every change of file, only for
 * unusual layouts. */
#include "stack/backend.h"

#include <inttypes.h>
#include <libunwind-ptrace.h>
#include <stddef.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>

#include "mem/umem.h"
#include "stack/demangle.h"
#include "stack/symbols.h"
#include "util/die.h"

/* The stop being unwound. libunwind hands the accessors _UPT_'s argument, not ours, so they
 * find it here; estrace unwinds one thread at a time. */
static const struct stop_regs *stop;

static int access_mem(unw_addr_space_t as, unw_word_t addr, unw_word_t *val, int write, void *arg)
{
	if (write)
		return -UNW_EINVAL;   /* estrace only looks */
	return stop_mem_read(addr, val, sizeof(*val)) < 0 ? -UNW_EINVAL : 0;
}

/* Where each register libunwind asks for sits in the kernel's register set. */
static const size_t reg_offset[] = {
	[UNW_X86_64_RAX] = offsetof(struct user_regs_struct, rax),
	[UNW_X86_64_RDX] = offsetof(struct user_regs_struct, rdx),
	[UNW_X86_64_RCX] = offsetof(struct user_regs_struct, rcx),
	[UNW_X86_64_RBX] = offsetof(struct user_regs_struct, rbx),
	[UNW_X86_64_RSI] = offsetof(struct user_regs_struct, rsi),
	[UNW_X86_64_RDI] = offsetof(struct user_regs_struct, rdi),
	[UNW_X86_64_RBP] = offsetof(struct user_regs_struct, rbp),
	[UNW_X86_64_RSP] = offsetof(struct user_regs_struct, rsp),
	[UNW_X86_64_R8] = offsetof(struct user_regs_struct, r8),
	[UNW_X86_64_R9] = offsetof(struct user_regs_struct, r9),
	[UNW_X86_64_R10] = offsetof(struct user_regs_struct, r10),
	[UNW_X86_64_R11] = offsetof(struct user_regs_struct, r11),
	[UNW_X86_64_R12] = offsetof(struct user_regs_struct, r12),
	[UNW_X86_64_R13] = offsetof(struct user_regs_struct, r13),
	[UNW_X86_64_R14] = offsetof(struct user_regs_struct, r14),
	[UNW_X86_64_R15] = offsetof(struct user_regs_struct, r15),
	[UNW_X86_64_RIP] = offsetof(struct user_regs_struct, rip),
};

static int access_reg(unw_addr_space_t as, unw_regnum_t reg, unw_word_t *val, int write, void *arg)
{
	if (write || reg < 0 || (size_t)reg >= sizeof(reg_offset) / sizeof(reg_offset[0]))
		return -UNW_EBADREG;
	memcpy(val, (const char *)&stop->regs + reg_offset[reg], sizeof(*val));
	return 0;
}

/* Exported by libunwind, used by its own _UPT_find_proc_info, but not in its headers. */
extern int UNW_OBJ(dwarf_search_unwind_table)(unw_addr_space_t as, unw_word_t ip,
					      unw_dyn_info_t *di, unw_proc_info_t *pi,
					      int need_unwind_info, void *arg);

/* .eh_frame_hdr as toolchains write it: version 1, a 4-byte pointer to .eh_frame, a 4-byte
 * count, then that many (start, FDE) pairs of 4-byte offsets from the header. */
enum { EH_UDATA4 = 0x03, EH_SDATA4 = 0x0b, EH_DATAREL = 0x30, EH_HDR_SIZE = 12 };

static int find_proc_info(unw_addr_space_t as, unw_word_t ip, unw_proc_info_t *pi,
			  int need_unwind_info, void *arg)
{
	struct eh_table t;
	if (!symbols_eh_table(stop->pid, ip, &t) || t.len < EH_HDR_SIZE || t.bytes[0] != 1
	    || (t.bytes[1] & 0x0f) != EH_SDATA4 || t.bytes[2] != EH_UDATA4
	    || t.bytes[3] != (EH_DATAREL | EH_SDATA4))
		return _UPT_find_proc_info(as, ip, pi, need_unwind_info, arg);
	uint32_t count;
	memcpy(&count, t.bytes + 8, sizeof(count));
	unw_dyn_info_t di = { .start_ip = t.start, .end_ip = t.end,
			      .format = UNW_INFO_FORMAT_REMOTE_TABLE };
	di.u.rti.segbase = t.hdr;
	di.u.rti.table_data = t.hdr + EH_HDR_SIZE;
	di.u.rti.table_len = (uint64_t)count * 8 / sizeof(unw_word_t);
	return UNW_OBJ(dwarf_search_unwind_table)(as, ip, &di, pi, need_unwind_info, arg);
}

static unw_accessors_t accessors = {
	.find_proc_info = find_proc_info,
	.put_unwind_info = _UPT_put_unwind_info,
	.get_dyn_info_list_addr = _UPT_get_dyn_info_list_addr,
	.access_mem = access_mem,
	.access_reg = access_reg,
	.access_fpreg = _UPT_access_fpreg,
	.resume = _UPT_resume,
	.get_proc_name = _UPT_get_proc_name,
};

/* libunwind's state for one process: its address space (with libunwind's cache of the unwind
 * info it found) and _UPT_'s handle on the process's ELF files. Dropped at exec and death. */
struct remote {
	pid_t pid;   /* 0: free slot */
	unw_addr_space_t as;
	void *upt;
};

enum { NREMOTES = 64 };   /* slots are reused round-robin when the deaths were missed */

static struct remote remotes[NREMOTES];
static size_t next_slot;

static void remote_drop(struct remote *u)
{
	if (!u->pid)
		return;
	unw_destroy_addr_space(u->as);
	_UPT_destroy(u->upt);
	u->pid = 0;
}

static struct remote *remote_of(pid_t pid)
{
	for (size_t i = 0; i < NREMOTES; i++)
		if (remotes[i].pid == pid)
			return &remotes[i];
	struct remote *u = &remotes[next_slot];
	next_slot = (next_slot + 1) % NREMOTES;
	remote_drop(u);
	u->as = unw_create_addr_space(&accessors, 0);
	u->upt = _UPT_create(pid);
	if (!u->as || !u->upt)
		die("libunwind: cannot create an address space");
	unw_set_caching_policy(u->as, UNW_CACHE_GLOBAL);
	u->pid = pid;
	return u;
}

static size_t unwind(const struct stop_regs *r, uint64_t *ips, size_t limit)
{
	struct remote *u = remote_of(r->pid);
	stop = r;
	unw_cursor_t cursor;
	size_t n = 0;
	if (unw_init_remote(&cursor, u->as, u->upt) < 0)
		return 0;
	while (n < limit) {
		unw_word_t ip;
		if (unw_get_reg(&cursor, UNW_REG_IP, &ip) < 0)
			break;
		ips[n++] = ip;
		if (unw_step(&cursor) <= 0)
			break;
	}
	return n;
}

static void forget(pid_t pid)
{
	for (size_t i = 0; i < NREMOTES; i++)
		if (remotes[i].pid == pid)
			remote_drop(&remotes[i]);
}

static const struct unwinder libunwind = {
	.name = "libunwind",
	.unwind = unwind,
	.forget = forget,
};
const struct unwinder *const unwinder_libunwind = &libunwind;
