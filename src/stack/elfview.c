/* elfview: both ELF classes through one set of records (see elfview.h). Entries are copied
 * out with memcpy: a file may place its tables at any offset. */
#include "stack/elfview.h"

#include <elf.h>
#include <string.h>

bool elf_view_has(const struct elf_view *v, uint64_t off, uint64_t len)
{
	return off <= v->size && len <= v->size - off;
}

bool elf_view_init(struct elf_view *v, const void *image, size_t size)
{
	*v = (struct elf_view){ .image = image, .size = size };
	if (size < EI_NIDENT || memcmp(image, ELFMAG, SELFMAG) != 0)
		return false;
	v->is64 = v->image[EI_CLASS] == ELFCLASS64;
	if (v->is64 && size >= sizeof(Elf64_Ehdr)) {
		Elf64_Ehdr eh;
		memcpy(&eh, image, sizeof(eh));
		v->phoff = eh.e_phoff, v->phnum = eh.e_phnum;
		v->shoff = eh.e_shoff, v->shnum = eh.e_shnum;
	} else if (v->image[EI_CLASS] == ELFCLASS32 && size >= sizeof(Elf32_Ehdr)) {
		Elf32_Ehdr eh;
		memcpy(&eh, image, sizeof(eh));
		v->phoff = eh.e_phoff, v->phnum = eh.e_phnum;
		v->shoff = eh.e_shoff, v->shnum = eh.e_shnum;
	} else {
		return false;
	}
	if (!elf_view_has(v, v->phoff, (uint64_t)v->phnum * (v->is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr))))
		v->phnum = 0;
	if (!elf_view_has(v, v->shoff, (uint64_t)v->shnum * (v->is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr))))
		v->shnum = 0;
	return true;
}

struct elf_seg elf_seg_at(const struct elf_view *v, size_t i)
{
	if (v->is64) {
		Elf64_Phdr p;
		memcpy(&p, v->image + v->phoff + i * sizeof(p), sizeof(p));
		return (struct elf_seg){ p.p_type, p.p_offset, p.p_vaddr, p.p_filesz, p.p_memsz };
	}
	Elf32_Phdr p;
	memcpy(&p, v->image + v->phoff + i * sizeof(p), sizeof(p));
	return (struct elf_seg){ p.p_type, p.p_offset, p.p_vaddr, p.p_filesz, p.p_memsz };
}

struct elf_sec elf_sec_at(const struct elf_view *v, size_t i)
{
	if (v->is64) {
		Elf64_Shdr s;
		memcpy(&s, v->image + v->shoff + i * sizeof(s), sizeof(s));
		return (struct elf_sec){ s.sh_type, s.sh_link, s.sh_offset, s.sh_size, s.sh_entsize };
	}
	Elf32_Shdr s;
	memcpy(&s, v->image + v->shoff + i * sizeof(s), sizeof(s));
	return (struct elf_sec){ s.sh_type, s.sh_link, s.sh_offset, s.sh_size, s.sh_entsize };
}

size_t elf_sym_size(const struct elf_view *v)
{
	return v->is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
}

struct elf_symbol elf_sym_at(const struct elf_view *v, uint64_t off)
{
	if (v->is64) {
		Elf64_Sym s;
		memcpy(&s, v->image + off, sizeof(s));
		return (struct elf_symbol){ s.st_value, s.st_name, s.st_info, s.st_shndx };
	}
	Elf32_Sym s;
	memcpy(&s, v->image + off, sizeof(s));
	return (struct elf_symbol){ s.st_value, s.st_name, s.st_info, s.st_shndx };
}
