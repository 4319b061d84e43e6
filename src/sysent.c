/* sysent: the generated syscall tables instantiated once. */
#include "sysent.h"

#include <linux/audit.h>
#include <string.h>

#include "decode/decoder.h"

#define SC(name, nargs64, nargs32, classes, dec) extern const struct decoder dec_##dec;
#include "syscalls.def"
#undef SC

const struct sysent sysent[SC_COUNT] = {
#define SC(name, nargs64, nargs32, classes, dec) \
	[SC_##name] = { #name, { nargs64, nargs32 }, classes, &dec_##dec },
#include "syscalls.def"
#undef SC
};

/* number -> id + 1 (0 marks a hole in the numbering) */
static const uint16_t nr_x86_64[] = {
#define NR(nr, name) [nr] = SC_##name + 1,
#include "nr-x86_64.def"
#undef NR
};

static const uint16_t nr_i386[] = {
#define NR(nr, name) [nr] = SC_##name + 1,
#include "nr-i386.def"
#undef NR
};

static const struct {
	const uint16_t *map;
	uint64_t size;
} nr_maps[ABI_COUNT] = {
	[ABI_X86_64] = { nr_x86_64, sizeof(nr_x86_64) / sizeof(nr_x86_64[0]) },
	[ABI_I386] = { nr_i386, sizeof(nr_i386) / sizeof(nr_i386[0]) },
};

enum sc_id sysent_id(enum abi abi, uint64_t nr)
{
	if (abi >= ABI_COUNT || nr >= nr_maps[abi].size || !nr_maps[abi].map[nr])
		return SC_COUNT;
	return nr_maps[abi].map[nr] - 1;
}

bool sysent_in_abi(enum abi abi, enum sc_id id)
{
	for (uint64_t nr = 0; abi < ABI_COUNT && nr < nr_maps[abi].size; nr++)
		if (nr_maps[abi].map[nr] == id + 1)
			return true;
	return false;
}

enum sc_id sysent_by_name(const char *name)
{
	for (size_t i = 0; i < SC_COUNT; i++)
		if (strcmp(name, sysent[i].name) == 0)
			return i;
	return SC_COUNT;
}

uint32_t sysent_audit_arch(enum abi abi)
{
	static const uint32_t arch[ABI_COUNT] = {
		[ABI_X86_64] = AUDIT_ARCH_X86_64, [ABI_I386] = AUDIT_ARCH_I386,
	};
	return arch[abi];
}
