/* demangle-iberty: libiberty's demangler, with strace's choice of style: any scheme it knows,
 * with the parameter list ("ns::f3(int)", "ns::V::get() const"). */
#include "stack/demangle.h"

#include <libiberty/demangle.h>

const char demangle_feature[] = " stack-demangle";

char *demangle(const char *name)
{
	return cplus_demangle(name, DMGL_AUTO | DMGL_PARAMS);
}
