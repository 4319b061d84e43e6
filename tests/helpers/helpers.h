/* Shared utilities for the estrace test helpers.
 *
 * The helpers must behave the same way on every run so that the
 * per-process order of traced events is deterministic.  The main tool
 * for that is wait_blocked(): a child that is about to do something
 * observable (exit, raise a signal) first waits until its parent is
 * asleep inside the expected system call.
 */
#ifndef ESTRACE_TEST_HELPERS_H
#define ESTRACE_TEST_HELPERS_H

#define _GNU_SOURCE
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

static inline void
die(const char *what)
{
	perror(what);
	_exit(99);
}

static inline void
msleep(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

/* The text of a task's /proc file NAME (stat, syscall, ...) in buf; false if unreadable. */
static inline bool
task_file(pid_t pid, pid_t tid, const char *name, char *buf, size_t size)
{
	char path[64];
	if (tid)
		snprintf(path, sizeof(path), "/proc/%d/task/%d/%s", pid, tid, name);
	else
		snprintf(path, sizeof(path), "/proc/%d/%s", pid, name);
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	size_t n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = 0;
	return true;
}

/* State letter of a task ('R', 'S', 'T', 't', 'Z', ...) or 0. */
static inline char
task_state(pid_t pid, pid_t tid)
{
	char buf[512];
	if (!task_file(pid, tid, "stat", buf, sizeof(buf)))
		return 0;
	char *p = strrchr(buf, ')');
	return p && p[1] == ' ' ? p[2] : 0;
}

/* Number of the system call a task is blocked in, -1 if running,
 * -2 if unknown. */
static inline long
task_syscall(pid_t pid, pid_t tid)
{
	char buf[256];
	if (!task_file(pid, tid, "syscall", buf, sizeof(buf)))
		return -2;
	if (!strncmp(buf, "running", 7))
		return -1;
	return strtol(buf, NULL, 10);
}

/* Wait (up to ~20s) until task pid/tid sleeps ('S') inside system call
 * nr.  Being asleep means the tracer has already seen and printed the
 * syscall entry. */
static inline void
wait_blocked(pid_t pid, pid_t tid, long nr)
{
	for (int i = 0; i < 20000; i++) {
		if (task_state(pid, tid) == 'S' && task_syscall(pid, tid) == nr)
			return;
		msleep(1);
	}
	fprintf(stderr, "helper: timeout waiting for %d/%d to block in %ld\n",
		pid, tid, nr);
	_exit(98);
}

/* Wait (up to ~20s) until a task reaches the given state letter. */
static inline int
wait_state(pid_t pid, pid_t tid, const char *states)
{
	for (int i = 0; i < 20000; i++) {
		char s = task_state(pid, tid);
		if (s && strchr(states, s))
			return s;
		msleep(1);
	}
	fprintf(stderr, "helper: timeout waiting for %d to reach %s\n",
		pid, states);
	_exit(98);
}

#endif
