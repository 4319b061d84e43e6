/* demangle: a symbol name as -k prints it. strace demangles C++ (and Rust) names with
 * libiberty; so does estrace when built with it, else names print as they are. */
#ifndef ESTRACE_DEMANGLE_H
#define ESTRACE_DEMANGLE_H

/* The readable form of a mangled name, newly allocated; NULL when name is not mangled (or this
 * build cannot demangle), and it prints as it is. */
char *demangle(const char *name);
/* Non-empty when names are demangled: -V says so. */
extern const char demangle_feature[];

#endif
