/* umem: tracee memory reads (see umem.h). */
#include "mem/umem.h"

#include <errno.h>
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

int umem_read_some(pid_t pid, uint64_t addr, void *dst, size_t len, size_t *got)
{
	*got = 0;
	if (len == 0)
		return 0;
	if (vm_readv_broken)
		return peek_some(pid, addr, dst, len, got);
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
