/* alloc: allocation that never returns NULL (see die.h); running out of memory is fatal. */
#include "util/die.h"

#include <string.h>

static void *checked(void *p)
{
	if (!p)
		die_out_of_memory();
	return p;
}

void *xmalloc(size_t n)
{
	return checked(malloc(n ? n : 1));
}

void *xcalloc(size_t n, size_t size)
{
	return checked(calloc(n ? n : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
	return checked(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
	return checked(strdup(s));
}
