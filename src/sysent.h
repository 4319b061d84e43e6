/* sysent: what estrace knows of each syscall, keyed by an ABI-neutral id (enum sc_id), and
 * the per-ABI number-to-id maps. All generated from syscallent/ (syscalls.def, nr-*.def). */
#ifndef ESTRACE_SYSENT_H
#define ESTRACE_SYSENT_H

#include <stdbool.h>
#include <stdint.h>

enum abi {
	ABI_X86_64,
	ABI_I386,
	ABI_COUNT
};

/* strace's trace classes (-e trace=%file ...) */
enum {
	CL_FILE = 1 << 0, CL_IPC = 1 << 1, CL_NETWORK = 1 << 2, CL_PROCESS = 1 << 3,
	CL_SIGNAL = 1 << 4, CL_DESC = 1 << 5, CL_MEMORY = 1 << 6, CL_CREDS = 1 << 7,
	CL_CLOCK = 1 << 8, CL_STAT = 1 << 9, CL_LSTAT = 1 << 10, CL_FSTAT = 1 << 11,
	CL_STAT_LIKE = 1 << 12, CL_STATFS = 1 << 13, CL_FSTATFS = 1 << 14,
	CL_STATFS_LIKE = 1 << 15, CL_PURE = 1 << 16,
};

enum sc_id {
#define SC(name, nargs64, nargs32, classes, dec) SC_##name,
#include "syscalls.def"
#undef SC
	SC_COUNT,          /* also the id of a number no table knows */
};

struct decoder;

struct sysent {
	const char *name;
	uint8_t nargs[ABI_COUNT];
	uint32_t classes;
	const struct decoder *decoder;
};

extern const struct sysent sysent[SC_COUNT];

/* The id for a syscall number of an ABI, or SC_COUNT when unknown (bounds-checked). */
enum sc_id sysent_id(enum abi abi, uint64_t nr);
/* Whether the ABI has the syscall id (some number of its table names it). */
bool sysent_in_abi(enum abi abi, enum sc_id id);
/* The id for a name, or SC_COUNT. */
enum sc_id sysent_by_name(const char *name);
/* The AUDIT_ARCH_* value of an ABI: seccomp_data.arch, and si_arch of a SIGSYS. */
uint32_t sysent_audit_arch(enum abi abi);

#endif
