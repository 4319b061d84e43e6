/* symbols: what an address of a tracee is, for its frame line: the mapped file it lies in
 * (from /proc/PID/maps, cached per process until it execs or dies), its offset in that file,
 * and the nearest symbol before it (from the file's .dynsym and .symtab, cached per file and
 * shared by every process that maps it). */
#ifndef ESTRACE_SYMBOLS_H
#define ESTRACE_SYMBOLS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct place {
	const char *path;     /* the mapping's name: a file, or "[vdso]" and the like */
	uint64_t file_off;    /* the address as an offset in that file */
	const char *sym;      /* the nearest symbol at or before it, demangled, or NULL */
	uint64_t sym_off;     /* the address minus the symbol's */
};

/* Where addr lies in pid's address space; false when no mapping holds it. The strings belong
 * to the file cache, which keeps them for estrace's lifetime. */
bool symbols_place(pid_t pid, uint64_t addr, struct place *p);
/* Copy len bytes at addr from the file mapped there, when it is mapped read-only and not
 * relocated by the loader (so the file holds what memory holds); false otherwise. */
bool symbols_read(pid_t pid, uint64_t addr, void *dst, size_t len);

/* The .eh_frame_hdr of the file whose code holds ip: its address in the tracee, its bytes in
 * the cached image, and the range of the mapping holding ip. */
struct eh_table {
	uint64_t start, end;
	uint64_t hdr;
	const unsigned char *bytes;
	size_t len;
};
bool symbols_eh_table(pid_t pid, uint64_t ip, struct eh_table *t);

/* pid exec'd or is gone: its maps are read again next time. */
void symbols_forget(pid_t pid);

#endif
