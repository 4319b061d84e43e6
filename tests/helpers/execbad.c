/* execbad MODE [TARGET]: call execve/execveat with unusual arguments.
 *
 * Pointers are placed next to an unmapped page so that the tracer's reads
 * fail at a well-defined spot.  Every failing call is followed by
 * exit_group(EXIT_CODE) so the trace ends deterministically.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef AT_EMPTY_PATH
#define AT_EMPTY_PATH 0x1000
#endif

static long page;

/* Map two pages, unmap the second: returns the first; the byte after
 * it is unmapped. */
static char *
guarded_page(void)
{
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		exit(99);
	}
	if (munmap(p + page, page)) {
		perror("munmap");
		exit(99);
	}
	return p;
}

/* An address that is certainly not mapped. */
static void *
unmapped(void)
{
	return guarded_page() + page;
}

static long
do_execve(const char *path, char *const argv[], char *const envp[])
{
	return syscall(SYS_execve, path, argv, envp);
}

static long
do_execveat(int fd, const char *path, char *const argv[],
	    char *const envp[], int flags)
{
	return syscall(SYS_execveat, fd, path, argv, envp, flags);
}

int
main(int argc, char **argv)
{
	page = sysconf(_SC_PAGESIZE);
	if (argc < 2) {
		fprintf(stderr, "usage: execbad MODE [TARGET]\n");
		return 2;
	}
	const char *mode = argv[1];
	const char *target = argc > 2 ? argv[2] : "/bin/true";
	char *tname = strrchr(target, '/') ? strrchr(target, '/') + 1 : (char *)target;
	char *good_env[] = { "A=1", "B=two", NULL };
	char *good_argv[] = { tname, "x", NULL };

	if (!strcmp(mode, "null-argv")) {
		do_execve(target, NULL, good_env);
	} else if (!strcmp(mode, "null-envp")) {
		do_execve(target, good_argv, NULL);
	} else if (!strcmp(mode, "null-both")) {
		do_execve(target, NULL, NULL);
	} else if (!strcmp(mode, "bad-argv")) {
		/* argv itself points to an unmapped page */
		do_execve(target, unmapped(), good_env);
	} else if (!strcmp(mode, "bad-envp")) {
		do_execve(target, good_argv, unmapped());
	} else if (!strcmp(mode, "bad-path")) {
		do_execve(unmapped(), good_argv, good_env);
	} else if (!strcmp(mode, "bad-elem")) {
		/* second element points to an unmapped page */
		char *v[] = { tname, unmapped(), "after", NULL };
		do_execve(target, v, good_env);
	} else if (!strcmp(mode, "bad-env-elem")) {
		char *e[] = { "A=1", unmapped(), "C=3", NULL };
		do_execve(target, good_argv, e);
	} else if (!strcmp(mode, "unterminated-argv")) {
		/* argv array fills the end of a page; no NULL terminator
		 * before the unmapped page */
		char *p = guarded_page();
		char **v = (char **)(p + page - 3 * sizeof(char *));
		v[0] = tname;
		v[1] = "one";
		v[2] = "two";
		do_execve(target, v, good_env);
	} else if (!strcmp(mode, "unterminated-envp")) {
		char *p = guarded_page();
		char **e = (char **)(p + page - 2 * sizeof(char *));
		e[0] = "A=1";
		e[1] = "B=2";
		do_execve(target, good_argv, e);
	} else if (!strcmp(mode, "unterminated-string")) {
		/* argv[1] is "abc" at the very end of a page, no NUL */
		char *p = guarded_page();
		memcpy(p + page - 3, "abc", 3);
		char *v[] = { tname, p + page - 3, NULL };
		do_execve(target, v, good_env);
	} else if (!strcmp(mode, "unterminated-path")) {
		char *p = guarded_page();
		memcpy(p + page - 4, "/bin", 4);
		do_execve(p + page - 4, good_argv, good_env);
	} else if (!strcmp(mode, "batch-layout")) {
		/* what batched reads must get right: 1100 short strings laid end to end from one
		 * page into the next, an unmapped pointer among them, a string whose NUL is the
		 * last byte before an unmapped page, and a long string far from the others */
		char *p = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED || munmap(p + 2 * page, page)) {
			perror("mmap");
			exit(99);
		}
		char **v = calloc(1200, sizeof(*v));
		char *s = p + page - 100;
		int n = 0;
		v[n++] = tname;
		for (int i = 0; i < 1100; i++) {
			int len = 1 + i % 3;
			memset(s, 'a' + i % 26, len);
			s[len] = '\0';
			v[n++] = s;
			s += len + 1;
			if (i == 500)
				v[n++] = unmapped();
		}
		char *last = p + 2 * page - 6;
		memcpy(last, "last!", 6);
		v[n++] = last;
		char *big = malloc(5000);
		memset(big, 'L', 4999);
		big[4999] = '\0';
		v[n++] = big;
		v[n] = NULL;
		do_execve(target, v, good_env);
	} else if (!strcmp(mode, "span-hole")) {
		/* a span too big for one pinned read: 200 strings of 1000 bytes laid end to end
		 * over 48 pages, page 24 unmapped; strings in the hole or running into it are
		 * printed as addresses, those after it in full */
		char *p = mmap(NULL, 48 * page, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED) {
			perror("mmap");
			exit(99);
		}
		char **v = calloc(202, sizeof(*v));
		int n = 0;
		v[n++] = tname;
		for (int i = 0; i < 190; i++) {
			char *s = p + i * 1000;
			memset(s, 'a' + i % 26, 999);
			s[999] = '\0';
			v[n++] = s;
		}
		v[n] = NULL;
		if (munmap(p + 24 * page, page)) {
			perror("munmap");
			exit(99);
		}
		do_execve(target, v, good_env);
	} else if (!strcmp(mode, "empty-argv")) {
		char *v[] = { NULL };
		char *e[] = { NULL };
		do_execve(target, v, e);
	} else if (!strcmp(mode, "execveat-fd")) {
		int fd = open(target, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			perror(target);
			return 99;
		}
		do_execveat(fd, "", good_argv, good_env, AT_EMPTY_PATH);
	} else if (!strcmp(mode, "execveat-cwd")) {
		do_execveat(AT_FDCWD, target, good_argv, good_env, 0);
	} else if (!strcmp(mode, "execveat-dirfd")) {
		/* relative path resolved against a directory fd */
		char dir[4096];
		strncpy(dir, target, sizeof(dir) - 1);
		dir[sizeof(dir) - 1] = 0;
		char *slash = strrchr(dir, '/');
		if (!slash)
			return 98;
		*slash = 0;
		int fd = open(*dir ? dir : "/", O_RDONLY | O_DIRECTORY);
		if (fd < 0)
			return 99;
		do_execveat(fd, slash + 1, good_argv, good_env, 0);
	} else if (!strcmp(mode, "execveat-badflags")) {
		/* AT_SYMLINK_NOFOLLOW plus an unknown bit: EINVAL */
		do_execveat(AT_FDCWD, target, good_argv, good_env,
			    0x100 | 0x80000000);
	} else if (!strcmp(mode, "execveat-allflags")) {
		do_execveat(AT_FDCWD, target, good_argv, good_env,
			    AT_EMPTY_PATH | 0x100 | 0x4000);
	} else if (!strcmp(mode, "execveat-badfd")) {
		/* fd 99: below any pid, so the normaliser cannot take it
		 * for one */
		do_execveat(99, "true", good_argv, good_env, 0);
	} else {
		fprintf(stderr, "execbad: unknown mode %s\n", mode);
		return 2;
	}
	/* only reached when the exec failed */
	_exit(errno == EFAULT ? 14 : 1);
}
