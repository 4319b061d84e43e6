# gen-xlat.awk: C name table ("xlat") from a committed list.
#
# Input (NAME.in):
#   #include <...>      copied to the output, in order, before anything else
#   # anything else     comment
#   IDENT [VALUE]       an entry: the macro IDENT, with an optional fallback
#                       VALUE (rest of the line) used when the included
#                       headers do not define IDENT; when they do, a
#                       _Static_assert checks that they agree.  Entries
#                       without VALUE use the header's definition.
# Output (NAME.h): the includes, the fallback definitions, and
#   static const struct xlat xlat_NAME_data[] = { { value, "IDENT" }, ... };
#   const struct xlat_set xlat_NAME = { xlat_NAME_data, count };
# with entries in file order (the first entry matching a value wins).
# Variables: name (the set's C name), src (the input's path for the comment).
#
# Usage: awk -v name=clone_flags -v src=syscallent/xlat/clone_flags.in \
#            -f gen-xlat.awk clone_flags.in > clone_flags.h

function err(msg) {
	printf "%s:%d: error: %s\n", src, FNR, msg > "/dev/stderr"
	status = 1
}

BEGIN {
	status = 0
	n = 0
	ninc = 0
	if (name !~ /^[A-Za-z_][A-Za-z0-9_]*$/) {
		printf "gen-xlat.awk: error: bad or missing -v name='%s'\n", \
			name > "/dev/stderr"
		status = 1
		exit 1
	}
	if (src == "")
		src = name ".in"
	base = src
	sub(/.*\//, "", base)
}

{
	sub(/\r$/, "")
	sub(/[ \t]+$/, "")
}

/^#[ \t]*include[ \t]/ {
	inc[++ninc] = $0
	next
}

/^[ \t]*(#|$)/ {
	next
}

{
	ident = $1
	if (ident !~ /^[A-Za-z_][A-Za-z0-9_]*$/) {
		err("bad name '" ident "'")
		next
	}
	if (ident in have) {
		err("duplicate entry " ident)
		next
	}
	value = ""
	for (i = 2; i <= NF; i++)
		value = value (i > 2 ? " " : "") $i
	have[ident] = 1
	id[++n] = ident
	val[n] = value
}

END {
	if (status)
		exit status
	if (n == 0) {
		printf "%s: error: no entries\n", src > "/dev/stderr"
		exit 1
	}
	printf "/* Generated from %s by gen-xlat.awk; do not edit. */\n", src
	print "#include \"print/xlat.h\""
	for (i = 1; i <= ninc; i++)
		print inc[i]
	for (i = 1; i <= n; i++) {
		if (val[i] == "")
			continue
		printf "#ifndef %s\n", id[i]
		printf "# define %s %s\n", id[i], val[i]
		print "#else"
		printf "_Static_assert((%s) == (%s), \"%s: system header disagrees with %s\");\n", \
			id[i], val[i], id[i], base
		print "#endif"
	}
	printf "static const struct xlat xlat_%s_data[] = {\n", name
	for (i = 1; i <= n; i++)
		printf "\t{ (uint64_t)(int64_t)(%s), \"%s\" },\n", id[i], id[i]
	print "};"
	printf "const struct xlat_set xlat_%s = { xlat_%s_data, sizeof(xlat_%s_data) / sizeof(xlat_%s_data[0]) };\n", \
		name, name, name, name
}
