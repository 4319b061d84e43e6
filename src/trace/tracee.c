/* tracee: records and the pid hash table (chained, resized to keep chains short). */
#include "trace/tracee.h"

#include <stdlib.h>

#include "util/die.h"

static struct tracee **buckets;
static size_t nbuckets;
static size_t count;

static size_t slot(pid_t pid, size_t n)
{
	return ((size_t)pid * 2654435761u) & (n - 1);
}

static void resize(size_t n)
{
	struct tracee **nb = xcalloc(n, sizeof(*nb));
	for (size_t i = 0; i < nbuckets; i++) {
		struct tracee *t = buckets[i];
		while (t) {
			struct tracee *next = t->hash_next;
			size_t s = slot(t->pid, n);
			t->hash_next = nb[s];
			nb[s] = t;
			t = next;
		}
	}
	free(buckets);
	buckets = nb;
	nbuckets = n;
}

struct tracee *tracee_find(pid_t pid)
{
	if (!nbuckets)
		return NULL;
	for (struct tracee *t = buckets[slot(pid, nbuckets)]; t; t = t->hash_next)
		if (t->pid == pid)
			return t;
	return NULL;
}

struct tracee *tracee_add(pid_t pid)
{
	if (count >= nbuckets / 2)
		resize(nbuckets ? nbuckets * 2 : 64);
	struct tracee *t = xcalloc(1, sizeof(*t));
	t->pid = pid;
	t->prev_id = SC_COUNT;
	buf_init(&t->call.mem);
	size_t s = slot(pid, nbuckets);
	t->hash_next = buckets[s];
	buckets[s] = t;
	count++;
	return t;
}

void tracee_remove(struct tracee *t)
{
	for (struct tracee **p = &buckets[slot(t->pid, nbuckets)]; *p; p = &(*p)->hash_next) {
		if (*p == t) {
			*p = t->hash_next;
			count--;
			break;
		}
	}
	call_free(&t->call);
	free(t);
}

size_t tracee_count(void)
{
	return count;
}

void tracee_foreach(void (*fn)(struct tracee *t, void *arg), void *arg)
{
	for (size_t i = 0; i < nbuckets; i++) {
		struct tracee *t = buckets[i];
		while (t) {
			struct tracee *next = t->hash_next;
			fn(t, arg);
			t = next;
		}
	}
}
