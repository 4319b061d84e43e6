/* umem: tracee memory reads (see umem.h). */
#include "mem/umem.h"

#include "util/die.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

#define PAGE 4096u

static bool vm_readv_broken;   /* kernel without CONFIG_CROSS_MEMORY_ATTACH */

static size_t to_page_end(uint64_t addr)
{
	return PAGE - (addr & (PAGE - 1));
}

/* One word at a time; slow, only for kernels that refuse process_vm_readv. */
static int peek_some(pid_t pid, uint64_t addr, char *dst, size_t len, size_t *got)
{
	*got = 0;
	while (*got < len) {
		uint64_t at = addr + *got;
		uint64_t aligned = at & ~(uint64_t)7;
		errno = 0;
		long word = ptrace(PTRACE_PEEKDATA, pid, (void *)aligned, 0);
		if (errno)
			return *got ? 0 : -errno;
		size_t skip = at - aligned;
		size_t n = sizeof(word) - skip;
		if (n > len - *got)
			n = len - *got;
		memcpy(dst + *got, (char *)&word + skip, n);
		*got += n;
	}
	return 0;
}

/* Large reads go through /proc/PID/mem. process_vm_readv pins the tracee's pages, and pinning
 * a page that a fork left shared copy-on-write makes the kernel copy it first: reading a
 * 2 MiB argv in a forked child would copy 2 MiB of its memory. The file reads the pages without
 * pinning them; its open costs more than a small read saves. Returns -1 to fall back. */
enum { MEM_FILE_MIN = 64 * 1024 };

static int read_mem_file(pid_t pid, uint64_t addr, void *dst, size_t len, size_t *got)
{
	char path[32];
	snprintf(path, sizeof(path), "/proc/%d/mem", (int)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	ssize_t n = addr <= (uint64_t)INT64_MAX ? pread(fd, dst, len, (off_t)addr) : -1;
	close(fd);
	if (n <= 0)
		return -1;   /* the first page faulted: process_vm_readv says why */
	*got = n;
	return 0;
}

int umem_read_some(pid_t pid, uint64_t addr, void *dst, size_t len, size_t *got)
{
	*got = 0;
	if (len == 0)
		return 0;
	if (vm_readv_broken)
		return peek_some(pid, addr, dst, len, got);
	if (len >= MEM_FILE_MIN && read_mem_file(pid, addr, dst, len, got) == 0)
		return 0;
	struct iovec local = { dst, len };
	struct iovec remote = { (void *)(uintptr_t)addr, len };
	ssize_t n = process_vm_readv(pid, &local, 1, &remote, 1, 0);
	if (n > 0) {
		*got = n;   /* a partial read stops at the first page that faulted */
		return 0;
	}
	if (n < 0 && (errno == ENOSYS || errno == EPERM)) {
		vm_readv_broken = errno == ENOSYS;
		return peek_some(pid, addr, dst, len, got);
	}
	return n < 0 ? -errno : -EFAULT;
}

int umem_read(pid_t pid, uint64_t addr, void *dst, size_t len)
{
	size_t got;
	int err = umem_read_some(pid, addr, dst, len, &got);
	if (err)
		return err;
	return got == len ? 0 : -EFAULT;
}

int umem_read_str(pid_t pid, uint64_t addr, size_t max, struct buf *out, bool *complete)
{
	size_t start = out->len;
	*complete = false;
	if (addr == 0)
		return -EFAULT;
	while (out->len - start < max) {
		/* Most strings are short: the first read stops early (within the page); later reads
		 * take the rest of the page and then up to 16 pages at once. */
		size_t want = to_page_end(addr);
		if (out->len == start && want > 256)
			want = 256;
		else
			while (want < 16 * PAGE && want < max - (out->len - start))
				want += PAGE;
		if (want > max - (out->len - start))
			want = max - (out->len - start);
		char *dst = buf_tail(out, want);
		size_t got;
		int err = umem_read_some(pid, addr, dst, want, &got);
		if (err) {
			out->len = start;   /* unterminated: the string is lost, print the address */
			out->data[start] = '\0';
			return err;
		}
		char *nul = memchr(dst, '\0', got);
		if (nul) {
			buf_commit(out, nul - dst);
			*complete = true;
			return 0;
		}
		buf_commit(out, got);
		addr += got;
		if (got < want) {
			out->len = start;
			out->data[start] = '\0';
			return -EFAULT;
		}
	}
	return 0;
}

/* Bytes to read for string i of a batch: up to the next string when they are laid out one
 * after another, else a guess; never past the page end, so a fault spoils one string only. */
static size_t batch_chunk(const uint64_t *addrs, size_t n, size_t i, size_t max)
{
	size_t want = 256;
	if (i + 1 < n && addrs[i + 1] > addrs[i] && addrs[i + 1] - addrs[i] <= PAGE)
		want = addrs[i + 1] - addrs[i];
	if (want > to_page_end(addrs[i]))
		want = to_page_end(addrs[i]);
	return want < max ? want : max;
}

static void read_one(pid_t pid, uint64_t addr, size_t max, struct buf *out, struct umem_str *r)
{
	r->off = out->len;
	r->err = umem_read_str(pid, addr, max, out, &r->complete);
	r->len = out->len - r->off;
	buf_addc(out, '\0');
}

/* One round: read want[i] bytes of each pending string in IOV_MAX batches. A string whose
 * bytes all came and hold no NUL, and can grow, is extended by a page and left pending;
 * one that faulted is read alone, which says exactly why. Returns how many are pending. */
static size_t read_round(pid_t pid, const uint64_t *addrs, size_t *pending, size_t npending,
			 size_t *want, size_t max, struct buf *out, struct umem_str *res)
{
	enum { BATCH = 1024 };   /* IOV_MAX */
	struct iovec local[BATCH], remote[BATCH];
	size_t offs[BATCH];
	size_t still = 0;
	for (size_t first = 0; first < npending; first += BATCH) {
		size_t cnt = npending - first < BATCH ? npending - first : BATCH;
		size_t total = 0;   /* reserve every chunk (and a NUL after it): the buffer moves */
		for (size_t k = 0; k < cnt; k++) {
			size_t i = pending[first + k];
			offs[k] = out->len + total;
			remote[k] = (struct iovec){ (void *)(uintptr_t)addrs[i], want[i] };
			total += want[i] + 1;
		}
		buf_tail(out, total);
		for (size_t k = 0; k < cnt; k++)
			local[k] = (struct iovec){ out->data + offs[k], remote[k].iov_len };
		ssize_t got = vm_readv_broken ? -1 : process_vm_readv(pid, local, cnt, remote, cnt, 0);
		size_t left = got > 0 ? (size_t)got : 0;   /* bytes read, in iovec order */
		buf_commit(out, total);
		for (size_t k = 0; k < cnt; k++) {
			size_t i = pending[first + k], len = want[i];
			char *chunk = out->data + offs[k];
			bool whole = len > 0 && left >= len;
			left = left >= len ? left - len : 0;
			char *nul = whole ? memchr(chunk, '\0', len) : NULL;
			if (nul) {
				res[i] = (struct umem_str){ 0, true, offs[k], (size_t)(nul - chunk) };
			} else if (whole && len == max) {
				chunk[len] = '\0';   /* the cap reached: longer than max, as umem_read_str says */
				res[i] = (struct umem_str){ 0, false, offs[k], len };
			} else if (whole) {
				size_t grown = len + to_page_end(addrs[i] + len);
				want[i] = grown < max ? grown : max;
				pending[still++] = i;   /* rounds go forward: still <= first + k */
			} else {
				read_one(pid, addrs[i], max, out, &res[i]);
			}
		}
	}
	return still;
}

/* Strings i..j-1 lie one after another, each ending before the next begins: read the span
 * [addrs[i], addrs[j]) at once (each page pinned once, not once per string) and point the
 * strings into it. Those it cannot settle are added to pending. */
static void read_span(pid_t pid, const uint64_t *addrs, size_t i, size_t j, size_t max,
		      struct buf *out, struct umem_str *res, size_t *pending, size_t *npending)
{
	size_t size = addrs[j] - addrs[i];
	size_t base = out->len;
	size_t got;
	if (umem_read_some(pid, addrs[i], buf_tail(out, size), size, &got) < 0)
		got = 0;
	buf_commit(out, got);
	for (size_t k = i; k < j; k++) {
		size_t from = addrs[k] - addrs[i], gap = addrs[k + 1] - addrs[k];
		size_t look = gap < max ? gap : max;
		const char *nul = from + look <= got ? memchr(out->data + base + from, '\0', look) : NULL;
		if (nul)
			res[k] = (struct umem_str){ 0, true, base + from, (size_t)(nul - (out->data + base + from)) };
		else if (look == max && from + look <= got)
			res[k] = (struct umem_str){ 0, false, base + from, max };   /* longer than the cap */
		else
			pending[(*npending)++] = k;
	}
}

void umem_read_strings(pid_t pid, const uint64_t *addrs, size_t n, size_t max,
		       struct buf *out, struct umem_str *res)
{
	static size_t *pending, *want, cap;
	if (n > cap) {
		cap = n;
		pending = xrealloc(pending, cap * sizeof(*pending));
		want = xrealloc(want, cap * sizeof(*want));
	}
	size_t npending = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;   /* the run of strings laid out end to end from i on */
		while (j + 1 < n && addrs[j + 1] > addrs[j] && addrs[j + 1] - addrs[j] <= PAGE && addrs[j])
			j++;
		if (j - i >= 8)
			read_span(pid, addrs, i, j, max, out, res, pending, &npending);
		else
			for (size_t k = i; k < j; k++)
				pending[npending++] = k;
		pending[npending++] = j;   /* the run's last string: its end is unknown */
		i = j + 1;
	}
	size_t npend = npending;
	npending = 0;
	for (size_t k = 0; k < npend; k++) {
		size_t i = pending[k];
		if (!addrs[i]) {
			read_one(pid, addrs[i], max, out, &res[i]);
			continue;
		}
		want[i] = batch_chunk(addrs, n, i, max);
		pending[npending++] = i;
	}
	/* a few rounds settle strings that cross a page or two; longer ones are read alone */
	for (int round = 0; round < 3 && npending; round++)
		npending = read_round(pid, addrs, pending, npending, want, max, out, res);
	for (size_t k = 0; k < npending; k++)
		read_one(pid, addrs[pending[k]], max, out, &res[pending[k]]);
}
