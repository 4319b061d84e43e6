# gen-nr.awk: syscall number table from a kernel unistd header.
#
# Input:  the output of `echo '#include <asm/unistd_64.h>' | $(CPP) -dM -`
#         (or unistd_32.h), i.e. "#define __NR_name number" lines among
#         other macro definitions.
# Output: "NR(number, name)" X-macro lines in ascending number order, after
#         a one-line "generated, do not edit" comment.
# Variables: header (the header's name, for the comment and messages).
#
# Usage: awk -v header=asm/unistd_64.h -f gen-nr.awk macros.txt > nr.def

BEGIN {
	if (header == "")
		header = "unistd header"
	n = 0
	min = -1
	max = -1
	status = 0
}

$1 == "#define" && $2 ~ /^__NR_[A-Za-z0-9_]+$/ {
	name = substr($2, 6)
	value = $3
	for (i = 4; i <= NF; i++)
		value = value " " $i
	if (value !~ /^[0-9]+$/) {
		printf "gen-nr.awk: warning: <%s>: __NR_%s has non-numeric value '%s'; skipped\n", \
			header, name, value > "/dev/stderr"
		next
	}
	nr = value + 0
	if (nr in byname) {
		printf "gen-nr.awk: error: <%s>: number %d used by both %s and %s\n", \
			header, nr, byname[nr], name > "/dev/stderr"
		status = 1
		next
	}
	byname[nr] = name
	n++
	if (min < 0 || nr < min)
		min = nr
	if (nr > max)
		max = nr
}

END {
	if (status)
		exit status
	if (n == 0) {
		printf "gen-nr.awk: error: no __NR_ macros found in <%s>\n", \
			header > "/dev/stderr"
		exit 1
	}
	printf "/* Generated from <%s> by gen-nr.awk; do not edit. */\n", header
	for (nr = min; nr <= max; nr++)
		if (nr in byname)
			printf "NR(%d, %s)\n", nr, byname[nr]
}
