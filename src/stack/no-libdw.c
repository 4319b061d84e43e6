/* no-libdw: a build without elfutils libdw (configure --without-libdw). */
#include "stack/backend.h"

const struct unwinder *const unwinder_libdw = NULL;
