#!/usr/bin/env bats
# Argument lists at the kernel's limits (helper: bigargs): the largest argv execve
# accepts and one argument more (E2BIG), argv strings of 131071 and 131072 bytes
# around MAX_ARG_STRLEN, and argv/envp arrays of 3000 pointers that run into an
# unmapped page (EFAULT).  Every execve line must be printed whole.  The traces are
# megabytes long: they are compared by checksum, and a mismatch shows only the bytes
# around the first difference.

load common

BIG=1073741823	# strace's largest -s: nothing of these traces is cut

# compare_big: like compare_all single, for traces too big for a diff.
compare_big() {
	local rc=0
	compare_status || rc=1
	compare_stdout || rc=1
	[[ -e out ]] || fail_msg "tracer under test wrote no trace file" || return 1
	# a second tracer run against the same reference needs no second normalisation
	[[ ref.norm -nt ref ]] || normalize single ref >ref.norm
	normalize single out >out.norm
	[[ -s ref.norm ]] || fail_msg "reference trace is empty (bad test?)" || return 1
	local rs os
	rs=$(sha256sum <ref.norm)
	os=$(sha256sum <out.norm)
	[[ $rs == "$os" ]] && return $rc
	local at
	at=$(cmp ref.norm out.norm | grep -o 'byte [0-9]*' | grep -o '[0-9]*')
	at=${at:-$(($(stat -c %s ref.norm) + 1))}
	{
		echo "MISMATCH (trace, single): sizes $(stat -c %s ref.norm) (strace) and $(stat -c %s out.norm)," \
			"first difference at byte $at; 120 bytes from byte $((at > 60 ? at - 60 : 1)):"
		echo "strace: $(tail -c +$((at > 60 ? at - 60 : 1)) ref.norm | head -c 120 | cat -v)"
		echo "tested: $(tail -c +$((at > 60 ? at - 60 : 1)) out.norm | head -c 120 | cat -v)"
	} >&2
	return 1
}

# check_equal_s S MODE [OPTS...]: both tracers with -s S give the same trace.
check_equal_s() {
	local s=$1 mode=$2
	shift 2
	run_both -s "$s" "$@" -e trace=execve -e signal=none -- ./bigargs "$mode"
	compare_big
}

# check_unlimited MODE [OPTS...]: both tracers with strace's largest -s, then (not in
# self-check mode: strace cuts by default) the tested tracer without -s must print the
# same.  One test for both saves a second run and normalisation of the reference.
check_unlimited() {
	local mode=$1
	shift
	check_equal_s $BIG "$mode" "$@"
	is_self_check && return 0
	run_out "$@" -e trace=execve -e signal=none -- ./bigargs "$mode"
	compare_big
}

# line_is N PERL_EXPR: line N of out.norm is the string PERL_EXPR evaluates to; a
# mismatch shows only the bytes around the first difference.
line_is() {
	perl -ne 'BEGIN { ($n, $expr) = splice(@ARGV, 0, 2); $want = eval $expr; die $@ if $@ }
		next if $. != $n; chomp; $found = 1;
		exit 0 if $_ eq $want;
		($_ ^ $want) =~ /^\0*/; my $at = $+[0]; my $from = $at > 60 ? $at - 60 : 0;
		printf STDERR "line %d (%d bytes, expected %d) differs at byte %d:\n  got:      %s\n  expected: %s\n",
			$n, length, length $want, $at, substr($_, $from, 120), substr($want, $from, 120);
		exit 1;
		END { if (!$found) { print STDERR "no line $n\n"; $? = 1 } }' "$1" "$2" out.norm
}

# The max-argv execve line with COUNT args "%07d-000..." (as bigargs makes them), then TAIL.
args_line() {
	printf 'q{execve("/bin/true", ["true", } . join(", ", map { sprintf(q{"%%07d-%%s"}, $_, "0" x 23) } 0 .. %d) . q{%s}' \
		$(($1 - 1)) "$2"
}

@test "execve: the largest argv the kernel takes, and one arg more (E2BIG), -s $BIG and without -s" {
	check_unlimited max-argv
	local n
	n=$(cat out.stdout)
	((n > 1000)) || fail_msg "the helper found only $n args"
	line_is 2 "$(args_line $((n + 1)) '], 0xADDR /* 1 var */) = -1 E2BIG (Argument list too long)')"
	line_is 3 "$(args_line "$n" '], 0xADDR /* 1 var */) = 0')"
}

@test "execve: the largest argv cut by an equal -s smaller than its length" {
	check_equal_s 40000 max-argv
	line_is 3 "$(args_line 39999 ', ...], 0xADDR /* 1 var */) = 0')"
}

# The max-strlen execve line with one string of LEN bytes "s" (CUT: "..." after it),
# returning RET.
strlen_line() {
	printf 'q{execve("/bin/true", ["true", "} . ("s" x %d) . q{"%s], 0xADDR /* 1 var */) = %s}' "$1" "$3" "$2"
}

@test "execve: argv strings of 131072 (E2BIG) and 131071 bytes, -s $BIG and without -s" {
	check_unlimited max-strlen
	line_is 2 "$(strlen_line 131072 '-1 E2BIG (Argument list too long)')"
	line_is 3 "$(strlen_line 131071 0)"
}

@test "execve: argv strings around MAX_ARG_STRLEN with -s 131071 and 131072" {
	check_equal_s 131071 max-strlen
	line_is 2 "$(strlen_line 131071 '-1 E2BIG (Argument list too long)' ...)"
	line_is 3 "$(strlen_line 131071 0)"
	check_equal_s 131072 max-strlen
	line_is 2 "$(strlen_line 131072 '-1 E2BIG (Argument list too long)')"
}

@test "execve: 3000 argv pointers running into an unmapped page (EFAULT)" {
	check_unlimited argv-cross
	assert_equal 14 "$OUT_STATUS" "tracer exit status"
	line_is 2 'q{execve("/bin/true", [} . join("", map { qq{"arg$_", } } 0 .. 2999)
		. q{... /* 0xADDR */], 0xADDR /* 1 var */) = -1 EFAULT (Bad address)}'
}

@test "execve: unterminated 3000-pointer argv cut by -s 2999, 3000 and 3001" {
	local s
	for s in 2999 3000 3001; do
		check_equal_s $s argv-cross
	done
	assert_contains out.norm '"arg2999", ... /* 0xADDR */], 0xADDR'
}

@test "execve: 3000 envp pointers running into an unmapped page, with and without -v" {
	check_unlimited envp-cross
	assert_contains out.norm '["true", "x"], 0xADDR /* 3000 vars, unterminated */) = -1 EFAULT (Bad address)'
	check_unlimited envp-cross -v
	line_is 2 'q{execve("/bin/true", ["true", "x"], [} . join("", map { qq{"V=$_", } } 0 .. 2999)
		. q{... /* 0xADDR */]) = -1 EFAULT (Bad address)}'
	check_equal_s 2999 envp-cross -v
}

