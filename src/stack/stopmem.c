/* stopmem: the memory of the thread being unwound, read once per page per stop (backend.h). */
#include "stack/backend.h"

#include <string.h>

#include "mem/umem.h"
#include "stack/symbols.h"

enum { PAGE = 4096, NPAGES = 16 };

static struct {
	pid_t pid;
	struct page {
		uint64_t addr;
		size_t len;   /* bytes readable from addr */
		char data[PAGE];
	} pages[NPAGES];
	size_t npages, next;   /* filled slots; the one to refill next */
} stop;

void stop_mem_begin(pid_t pid)
{
	stop.pid = pid;
	stop.npages = stop.next = 0;
}

static const struct page *page_at(uint64_t addr)
{
	for (size_t i = 0; i < stop.npages; i++)
		if (stop.pages[i].addr == addr)
			return &stop.pages[i];
	struct page *p = &stop.pages[stop.next];
	stop.next = (stop.next + 1) % NPAGES;
	if (stop.npages < NPAGES)
		stop.npages++;
	p->addr = addr;
	if (umem_read_some(stop.pid, addr, p->data, PAGE, &p->len) < 0)
		p->len = 0;
	return p;
}

int stop_mem_read(uint64_t addr, void *dst, size_t len)
{
	if (symbols_read(stop.pid, addr, dst, len))
		return 0;
	char *out = dst;
	while (len) {
		uint64_t base = addr & ~(uint64_t)(PAGE - 1);
		size_t at = addr - base, n = PAGE - at < len ? PAGE - at : len;
		const struct page *p = page_at(base);
		if (p->len < at + n)
			return -1;
		memcpy(out, p->data + at, n);
		out += n;
		addr += n;
		len -= n;
	}
	return 0;
}
