/* elfview: the headers, segments, sections and symbols of a mapped ELF file of either class
 * (ELF64 for x86_64 programs, ELF32 for i386 ones), read into the same class-free records. */
#ifndef ESTRACE_ELFVIEW_H
#define ESTRACE_ELFVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct elf_view {
	const unsigned char *image;
	size_t size;
	bool is64;
	uint64_t phoff, shoff;   /* both tables lie wholly in the image (or their count is 0) */
	size_t phnum, shnum;
};

struct elf_seg {
	uint32_t type;
	uint64_t offset, vaddr, filesz, memsz;
};

struct elf_sec {
	uint32_t type, link;
	uint64_t offset, size, entsize;
};

struct elf_symbol {
	uint64_t value;
	uint32_t name;
	unsigned char info;
	uint16_t shndx;
};

/* false when image is no ELF file of either class */
bool elf_view_init(struct elf_view *v, const void *image, size_t size);
/* whether [off, off + len) lies in the image */
bool elf_view_has(const struct elf_view *v, uint64_t off, uint64_t len);
/* the i-th program header (i < phnum), section header (i < shnum) */
struct elf_seg elf_seg_at(const struct elf_view *v, size_t i);
struct elf_sec elf_sec_at(const struct elf_view *v, size_t i);
/* the size of one symbol table entry of the file's class, and the entry at off (in the image) */
size_t elf_sym_size(const struct elf_view *v);
struct elf_symbol elf_sym_at(const struct elf_view *v, uint64_t off);

#endif
