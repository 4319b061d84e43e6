/* symbols: tracee addresses to files and symbols (see symbols.h). */
#include "stack/symbols.h"

#include <elf.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stack/demangle.h"
#include "stack/elfview.h"
#include "util/die.h"

/* ---- the ELF symbol cache: one entry per mapped file, kept for good ---- */

struct sym {
	uint64_t value;
	const char *name;   /* in the file's mapped image: no length limit */
	const char *shown;  /* name as frame lines print it (demangled); NULL until first asked */
	size_t seq;         /* order of appearance: the first of equal values wins */
};

struct elf_file {
	char *key;              /* "dev inode path" from the maps line */
	const char *path;       /* in key */
	const unsigned char *image;
	size_t size;
	struct elf_seg loads[16];   /* PT_LOAD segments: file offset to address */
	size_t nloads;
	struct elf_seg relro;   /* PT_GNU_RELRO: relocated in memory, unlike the file (or type 0) */
	struct elf_seg eh_hdr;  /* PT_GNU_EH_FRAME: .eh_frame_hdr (or type 0) */
	struct sym *syms;       /* sorted by value */
	size_t nsyms;
	struct elf_file *next;
};

static struct elf_file *files;

static bool in_image(const struct elf_file *f, uint64_t off, uint64_t len)
{
	return off <= f->size && len <= f->size - off;
}

static void add_symbols(struct elf_file *f, const struct elf_view *v, const struct elf_sec *sh,
			const struct elf_sec *strsh)
{
	size_t entsize = elf_sym_size(v);
	if (!elf_view_has(v, sh->offset, sh->size) || !elf_view_has(v, strsh->offset, strsh->size)
	    || sh->entsize != entsize)
		return;
	const char *strs = (const char *)f->image + strsh->offset;
	size_t n = sh->size / entsize;
	f->syms = xrealloc(f->syms, (f->nsyms + n) * sizeof(*f->syms));
	for (size_t i = 0; i < n; i++) {
		struct elf_symbol s = elf_sym_at(v, sh->offset + i * entsize);
		int type = ELF64_ST_TYPE(s.info);
		if ((type != STT_FUNC && type != STT_GNU_IFUNC) || s.shndx == SHN_UNDEF || !s.value
		    || s.name >= strsh->size || !memchr(strs + s.name, '\0', strsh->size - s.name))
			continue;
		f->syms[f->nsyms] = (struct sym){ s.value, strs + s.name, NULL, f->nsyms };
		f->nsyms++;
	}
}

static int by_value(const void *a, const void *b)
{
	const struct sym *x = a, *y = b;
	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The symbol tables (.dynsym and .symtab, in section order) and the loadable segments, of a
 * 64-bit or a 32-bit file alike. */
static void parse_elf(struct elf_file *f)
{
	struct elf_view v;
	if (!elf_view_init(&v, f->image, f->size))
		return;
	for (size_t i = 0; i < v.phnum; i++) {
		struct elf_seg ph = elf_seg_at(&v, i);
		if (ph.type == PT_LOAD && f->nloads < 16)
			f->loads[f->nloads++] = ph;
		else if (ph.type == PT_GNU_RELRO)
			f->relro = ph;
		else if (ph.type == PT_GNU_EH_FRAME)
			f->eh_hdr = ph;
	}
	for (size_t i = 0; i < v.shnum; i++) {
		struct elf_sec sh = elf_sec_at(&v, i);
		if ((sh.type == SHT_SYMTAB || sh.type == SHT_DYNSYM) && sh.link < v.shnum) {
			struct elf_sec strsh = elf_sec_at(&v, sh.link);
			add_symbols(f, &v, &sh, &strsh);
		}
	}
	qsort(f->syms, f->nsyms, sizeof(*f->syms), by_value);
}

static struct elf_file *elf_open(const char *key, const char *path)
{
	struct elf_file *f = xcalloc(1, sizeof(*f));
	f->key = xstrdup(key);
	f->path = f->key + (path - key);
	int fd = path[0] == '/' ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	struct stat st;
	if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 0) {
		void *m = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (m != MAP_FAILED) {
			f->image = m;
			f->size = st.st_size;
			parse_elf(f);
		}
	}
	if (fd >= 0)
		close(fd);
	f->next = files;
	files = f;
	return f;
}

/* The cached file for a maps line's "dev inode path"; a replaced file has a new inode. */
static struct elf_file *elf_get(const char *key, const char *path)
{
	for (struct elf_file *f = files; f; f = f->next)
		if (strcmp(f->key, key) == 0)
			return f;
	return elf_open(key, path);
}

static uint64_t to_vaddr(const struct elf_file *f, uint64_t off)
{
	for (size_t i = 0; i < f->nloads; i++) {
		const struct elf_seg *ph = &f->loads[i];
		if (off >= ph->offset && off - ph->offset < ph->filesz)
			return off - ph->offset + ph->vaddr;
	}
	return off;
}

/* The nearest symbol at or before vaddr, as libunwind (and so strace) picks it: no size check. */
static struct sym *sym_at(const struct elf_file *f, uint64_t vaddr)
{
	size_t lo = 0, hi = f->nsyms;   /* first with value > vaddr */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f->syms[mid].value <= vaddr)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	while (lo > 1 && f->syms[lo - 2].value == f->syms[lo - 1].value)
		lo--;
	return &f->syms[lo - 1];
}

/* Demangled once per symbol, on the first frame that shows it: most symbols never are. */
static const char *shown_name(struct sym *s)
{
	if (!s->shown) {
		const char *d = demangle(s->name);
		s->shown = d ? d : s->name;
	}
	return s->shown;
}

/* ---- per-process maps: read at the first stack of a process, again when an address is in
 * none of them (a library loaded since), dropped at exec and death ---- */

struct mapping {
	uint64_t start, end, off;
	bool exec, writable;
	struct elf_file *file;
};

struct proc_maps {
	pid_t pid;
	struct mapping *maps;
	size_t n, cap;
	struct proc_maps *next;   /* most recently used first */
};

enum { MAX_PROCS = 64 };   /* pids whose death was missed fall off the end */

static struct proc_maps *procs;

static void add_mapping(struct proc_maps *pm, const char *line)
{
	uint64_t start, end, off;
	char perms[8], dev[16];
	unsigned long ino;
	int name_at = 0;
	if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %7s %" SCNx64 " %15s %lu %n",
		   &start, &end, perms, &off, dev, &ino, &name_at) < 6 || !name_at
	    || !line[name_at] || (!ino && perms[2] != 'x'))
		return;   /* files and code ([vdso]): where frames and unwind tables are */
	char key[64 + 4096];
	int pre = snprintf(key, sizeof(key), "%s %lu ", dev, ino);
	snprintf(key + pre, sizeof(key) - pre, "%s", line + name_at);
	if (pm->n == pm->cap) {
		pm->cap = pm->cap ? 2 * pm->cap : 32;
		pm->maps = xrealloc(pm->maps, pm->cap * sizeof(*pm->maps));
	}
	pm->maps[pm->n++] = (struct mapping){ start, end, off, perms[2] == 'x', perms[1] == 'w',
					      elf_get(key, key + pre) };
}

static void read_maps(struct proc_maps *pm)
{
	char path[32];
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pm->pid);
	pm->n = 0;
	FILE *fp = fopen(path, "re");
	if (!fp)
		return;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, fp)) > 0) {
		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		add_mapping(pm, line);
	}
	free(line);
	fclose(fp);
}

static void drop(struct proc_maps **link)
{
	struct proc_maps *pm = *link;
	*link = pm->next;
	free(pm->maps);
	free(pm);
}

/* pid's maps, moved to the front; *fresh says whether they were read just now. */
static struct proc_maps *maps_of(pid_t pid, bool *fresh)
{
	size_t depth = 0;
	struct proc_maps **link = &procs;
	for (; *link; link = &(*link)->next, depth++) {
		if ((*link)->pid != pid)
			continue;
		struct proc_maps *pm = *link;
		*link = pm->next;
		pm->next = procs;
		procs = pm;
		*fresh = false;
		return pm;
	}
	if (depth >= MAX_PROCS) {
		link = &procs;
		while ((*link)->next)
			link = &(*link)->next;
		drop(link);
	}
	struct proc_maps *pm = xcalloc(1, sizeof(*pm));
	pm->pid = pid;
	pm->next = procs;
	procs = pm;
	read_maps(pm);
	*fresh = true;
	return pm;
}

static const struct mapping *mapping_at(const struct proc_maps *pm, uint64_t addr)
{
	for (size_t i = 0; i < pm->n; i++)
		if (addr >= pm->maps[i].start && addr < pm->maps[i].end)
			return &pm->maps[i];
	return NULL;
}

bool symbols_place(pid_t pid, uint64_t addr, struct place *p)
{
	bool fresh;
	struct proc_maps *pm = maps_of(pid, &fresh);
	const struct mapping *m = mapping_at(pm, addr);
	if (!m && !fresh) {
		read_maps(pm);
		m = mapping_at(pm, addr);
	}
	if (!m)
		return false;
	p->path = m->file->path;
	p->file_off = addr - m->start + m->off;
	struct sym *s = sym_at(m->file, to_vaddr(m->file, p->file_off));
	p->sym = s ? shown_name(s) : NULL;
	p->sym_off = s ? to_vaddr(m->file, p->file_off) - s->value : 0;
	return true;
}

void symbols_forget(pid_t pid)
{
	for (struct proc_maps **link = &procs; *link; link = &(*link)->next)
		if ((*link)->pid == pid) {
			drop(link);
			return;
		}
}

/* ---- the tracee's read-only file mappings, read from the files themselves ---- */

/* Their bytes are the file's, except where the loader relocated them (RELRO): unwind tables
 * and code read from the cached image cost no syscall and are shared by all processes. */
bool symbols_read(pid_t pid, uint64_t addr, void *dst, size_t len)
{
	bool fresh;
	const struct mapping *m = mapping_at(maps_of(pid, &fresh), addr);
	if (!m || m->writable || len > m->end - addr)
		return false;
	const struct elf_file *f = m->file;
	uint64_t off = addr - m->start + m->off;
	if (!f->image || !in_image(f, off, len) || !f->nloads)
		return false;
	uint64_t va = to_vaddr(f, off);
	const struct elf_seg *r = &f->relro;
	if (r->type && va + len > r->vaddr && va < r->vaddr + r->memsz)
		return false;
	memcpy(dst, f->image + off, len);
	return true;
}

bool symbols_eh_table(pid_t pid, uint64_t ip, struct eh_table *t)
{
	bool fresh;
	const struct mapping *m = mapping_at(maps_of(pid, &fresh), ip);
	if (!m || !m->file->eh_hdr.type || !in_image(m->file, m->file->eh_hdr.offset, m->file->eh_hdr.filesz))
		return false;
	const struct elf_file *f = m->file;
	t->start = m->start;
	t->end = m->end;
	t->hdr = f->eh_hdr.vaddr + (m->start - to_vaddr(f, m->off));
	t->bytes = f->image + f->eh_hdr.offset;
	t->len = f->eh_hdr.filesz;
	return true;
}
