/* demangle-none: a build without libiberty prints symbol names as they are in the file. */
#include "stack/demangle.h"

#include <stddef.h>

const char demangle_feature[] = "";

char *demangle(const char *name)
{
	return NULL;
}
