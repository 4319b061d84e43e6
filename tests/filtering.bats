#!/usr/bin/env bats
# -e trace=..., -e signal=none, -q/-qq/-qqq, and the default trace set.

load common

@test "default trace set is %process (estrace without -e vs strace -e trace=%process)" {
	require_estrace
	run_ref -f -e trace=%process -- ./procs tree 1
	run_out -f -- ./procs tree 1
	compare_all multi
}

@test "default trace set, one process, stderr layout" {
	require_estrace
	run_ref --stderr -e trace=%process -- ./signals self-kill 10
	run_out --stderr -- ./signals self-kill 10
	compare_all single
}

@test "-e trace=%process (-f)" {
	run_both -f -e trace=%process -- ./procs spawn 1
	compare_all multi
}

@test "-e trace=process (old class syntax) (-f)" {
	run_both -f -e trace=process -- ./procs spawn 1
	compare_all multi
}

@test "-e trace=!all: only exit lines" {
	run_both -e 'trace=!all' -- ./exitwith exit 2
	compare_all single
	assert_equal "+++ exited with 2 +++" "$(cat out)" "trace"
}

@test "-e trace=none (-f): only exit and signal lines" {
	run_both -f -e trace=none -- ./signals kill 10 handled
	compare_all multi
	# nothing but +++ and --- lines
	! grep -Ev '^[0-9]+ +(\+\+\+|---) ' out
}

@test "-e trace=execve only (-f)" {
	run_both -f -e trace=execve -- ./procs vfork-exec 1
	compare_all multi
}

@test "-e trace=getpid,execve: a non-process syscall by name" {
	run_both -e trace=getpid,execve -- ./signals self-kill 10
	compare_all single
	assert_contains out.norm 'getpid()                                = PID'
}

@test "-e trace=exit_group,wait4 (-f)" {
	run_both -f -e trace=exit_group,wait4 -- ./procs tree 1
	compare_all multi
}

@test "-e trace=clone3 (-f)" {
	run_both -f -e trace=clone3 -- ./threads join 2
	compare_all multi
}

@test "-e EXPR without 'trace=' is a trace list" {
	run_both -e execve,exit_group -- ./exitwith exit 1
	compare_all single
}

@test "the last -e trace= wins" {
	run_both -e trace=execve -e trace=exit_group -- ./exitwith exit 1
	compare_all single
	! grep -q execve out
}

@test "-e signal=none: no signal lines (-f)" {
	run_both -f -e trace=%process -e signal=none -- ./signals kill 10 handled
	compare_all multi
	! grep -q -- '---' out
}

@test "-e signal=none also hides +++ killed by lines (-f)" {
	run_both -f -e trace=%process -e signal=none -- ./signals kill 15
	compare_all multi
	! grep -q 'killed by' out
	assert_contains out.norm '=== 1 processes ==='
}

@test "-e signal=none, one process killed by SIGSEGV: empty trace" {
	run_both -e trace=exit_group -e signal=none -- ./exitwith segv
	compare_status
	[[ -e out ]] || fail_msg "no trace file"
	assert_equal "" "$(cat out)" "trace"
}

@test "-q: same trace (-f -o)" {
	run_both -q -f -e trace=%process -- ./procs tree 1
	compare_all multi
}

@test "-qq: no +++ exited lines, +++ killed lines stay (-f)" {
	run_both -qq -f -e trace=%process -- ./signals kill 10
	compare_all multi
	! grep -q 'exited with' out
	assert_contains out '+++ killed by SIGUSR1 +++'
}

@test "-qq, one process" {
	run_both -qq -e trace=%process -- ./exitwith exit 3
	compare_all single
	assert_equal 3 "$OUT_STATUS" "tracer exit status"
}

@test "-qqq: like -qq and no superseded line (-f)" {
	run_both -qqq -f -e trace=%process -- ./procs tree 1
	compare_all multi
	run_both -qqq -f -e trace=%process -- ./threads exec
	compare_all multi
}

@test "-qq to stderr (-f): neither attach messages nor exit lines" {
	run_both --stderr -qq -f -e trace=%process -- ./procs fork 1
	compare_all stderr
	! grep -q 'attached\|exited' out
}

@test "-e trace=/REGEX: POSIX extended, unanchored, as strace" {
	run_both -f -e 'trace=/^(exec|wait)|_group$' -- ./procs fork 1
	compare_all multi
	run_both -f -e 'trace=!/^[a-vx-z]' -- ./procs fork 1
	compare_all multi
}

@test "-e trace=?NAME, ?/REGEX, ?%CLASS: no error when they name nothing" {
	run_both -f -e 'trace=?nosuchcall,?/^zzz,?%nosuchclass,execve,?wait4' -- ./procs fork 1
	compare_all multi
	assert_contains out.norm 'wait4('
}

@test "-e trace=NUMBER: a syscall by number (decimal); each ! toggles" {
	run_both -e trace=59,231 -- ./exitwith exit 2
	compare_all single
	run_both -e trace=059,exit_group -- ./exitwith exit 2
	compare_all single
	run_both -e 'trace=!all,execve' -- ./exitwith exit 2
	compare_all single
	run_both -e 'trace=!!execve' -- ./exitwith exit 2
	compare_all single
	run_both -e 'trace=!!!execve' -e trace=exit_group -e 'trace=,exit_group,' -- ./exitwith exit 2
	compare_all single
}

@test "--trace=: the last one wins, as -e trace=" {
	run_both -f --trace=execve --trace='/exit' -- ./procs fork 1
	compare_all multi
	! grep -q execve out
}

@test "bad trace sets: strace's messages" {
	local s
	for s in foo '' '!' '!,' ',' '%' '%foo' 'creds' '%Process' EXECVE 'execve,none' 'none,execve' \
		'all,foo' '/[' '/(' '/a{' '?/[' '/exec$' '/EXEC' 99999 451 387 -1 +59 59x 0x3b; do
		cli_error -e "trace=$s" -- ./exitwith exit 0
	done
	cli_error --trace=nope -- ./exitwith exit 0
}

# names FILE: the syscall name of each line of FILE, in order ("+++"/"---" lines as they are).
names() {
	sed -E 's/^([a-z_0-9]+)\(.*/\1/; s/^(\+\+\+|---) .*/\1/' "$1"
}

@test "called as strace (a link or a copy named strace): every syscall by default, as strace" {
	mkdir -p bin copy
	ln -sf "$ESTRACE" bin/strace
	cp "$ESTRACE" copy/strace
	local tracer
	for tracer in "$T/bin/strace" "$T/copy/strace"; do
		run_ref -- ./exitwith exit 3
		run_tracer "$tracer" out "$tracer" -- ./exitwith exit 3
		compare_status
		names ref >ref.names
		names out >out.names
		assert_same_text "syscall names, $tracer" ref.names out.names
		grep -qx mmap out.names || fail_msg "no mmap line:" "$(cat out)" || return 1
	done
	# an -e trace= still decides
	run_tracer "$T/bin/strace" out strace -e trace=exit_group -- ./exitwith exit 3
	assert_equal "exit_group +++" "$(names out | tr '\n' ' ' | sed 's/ $//')" "lines with -e trace=exit_group"
}

@test "estrace: called as strace, nothing is cut; called by any other name, %process" {
	require_estrace
	mkdir -p bin
	ln -sf "$ESTRACE" bin/strace
	ln -sf "$ESTRACE" bin/strace.real
	local long
	long=$(printf 'x%.0s' {1..100})
	run_tracer "$T/bin/strace" out strace -e trace=execve -- ./exitwith exit 0 "$long"
	assert_contains out "\"$long\""
	run_tracer "$T/bin/strace.real" out "$T/bin/strace.real" -- ./exitwith exit 0
	assert_equal "execve exit_group +++" "$(names out | tr '\n' ' ' | sed 's/ $//')" "lines as strace.real"
}

@test "-e trace=NAME@64, @32, NUMBER@32: only that personality's syscall" {
	local set
	# ./calls makes getpid through the i386 entry twice and the x86_64 one once
	for set in getpid getpid@64 getpid@32 20@32 39@64 20 39 getpid@x32 '/^getpid$@32' \
		'%process@32,getpid@64' 'all@32' '?nosuchcall@64,getpid@32'; do
		run_both -q -e trace="$set" -e signal=none -- ./calls getpid_i386:1 getpid:1 getpid_i386:1
		compare_all single || fail_msg "with -e trace=$set" || return 1
	done
	run_both -q -e trace=getpid@32 -- ./calls getpid_i386:1 getpid:1 getpid_i386:1
	assert_equal 2 "$(grep -c '^getpid()' out)" "getpid lines with @32"
	run_both -q -e trace=getpid@64 -- ./calls getpid_i386:1 getpid:1 getpid_i386:1
	assert_equal 1 "$(grep -c '^getpid()' out)" "getpid lines with @64"
	# a negated set keeps the other personality's call (estrace prints the rest raw)
	run_both -q -e 'trace=!getpid@32' -- ./calls getpid_i386:1 getpid:1 getpid_i386:1
	assert_equal 1 "$(grep -c '^getpid()' ref)" "strace's getpid lines with !getpid@32 (bad test?)"
	assert_equal 1 "$(grep -c '^getpid()' out)" "getpid lines with !getpid@32"
}

@test "personality designators: strace's errors" {
	local s
	for s in execve@16 execve@ @64 socketcall@64 1000@64 foo@64 'execve@64,foo@32' '/^zzz@64'; do
		cli_error -e trace="$s" -- /bin/true
	done
	cli_error -e raw=execve@16 -- /bin/true
	assert_contains out.stderr.norm "TRACER: incorrect personality designator '16' in qualification 'execve@16'"
}
