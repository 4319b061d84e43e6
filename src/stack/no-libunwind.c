/* no-libunwind: a build without libunwind (configure --without-libunwind). */
#include "stack/backend.h"

const struct unwinder *const unwinder_libunwind = NULL;
