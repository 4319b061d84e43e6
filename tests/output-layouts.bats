#!/usr/bin/env bats
# Where and how lines are written: -o FILE (no prefix), -f -o FILE
# ("%-5d " pid prefix on every line), stderr ("[pid %5d] " prefix once
# several processes exist, "Process N attached" messages), -ff -o FILE
# (one file FILE.<tid> per process, no prefix).

load common

@test "-o FILE, one process: no pid prefix, exact" {
	run_both -e trace=%process -- ./procs echild
	compare_all single
	assert_equal "" "$(cat out.stderr)" "tracer stderr"
}

@test "stderr, one process: same lines as -o, exact" {
	run_both --stderr -e trace=%process -- ./procs echild
	compare_all single
	assert_contains out 'exit_group(0)                           = ?'
}

@test "-f -o FILE, one process: every line has the pid prefix" {
	run_both -f -e trace=%process -- ./procs echild
	compare_all multi
	grep -Eq '^[0-9]+ +execve\(' out
}

@test "-f -o FILE, several processes: pid prefix, attach messages not printed" {
	run_both -f -e trace=%process -- ./procs tree 2
	compare_all multi
	compare_messages
}

@test "-f to stderr: [pid N] prefixes, unfinished/resumed lines (fork)" {
	run_both --stderr -f -e trace=%process -- ./procs fork 3
	compare_all stderr
	grep -Eq '^\[pid +[0-9]+\] ' out
}

@test "-f to stderr: 'Process N attached' messages, one per new process" {
	run_both --stderr -f -e trace=%process -- ./procs tree 2
	compare_all stderr
	local nref nout
	nref=$(grep -o 'strace: Process [0-9]* attached' ref | wc -l)
	nout=$(grep -Eo '(^|[^a-z])e?strace: Process [0-9]+ attached' out | wc -l)
	assert_equal "$nref" "$nout" "number of attach messages"
}

@test "-f to stderr with -q: no attach messages" {
	run_both --stderr -q -f -e trace=%process -- ./procs tree 2
	compare_all stderr
	! grep -q 'Process [0-9]* attached' out
}

@test "-f to stderr: vfork and exec in the child" {
	run_both --stderr -f -e trace=%process -- ./procs vfork-exec 3
	compare_all stderr
}

@test "-ff -o FILE: one file per process, no prefixes" {
	run_both -ff -e trace=%process -- ./procs tree 2
	compare_all ff
	[[ ! -e out ]] || fail_msg "-ff must not create the plain file 'out'"
	assert_equal 3 "$(ff_files out | wc -l)" "number of out.<tid> files"
}

@test "-ff -o FILE, one process: a single FILE.<pid>" {
	run_both -ff -e trace=%process -- ./procs echild
	compare_all ff
	assert_equal 1 "$(ff_files out | wc -l)" "number of out.<tid> files"
	! grep -Eq '^[0-9]+ ' "$(ff_files out)"
}

@test "-ff -o FILE with a pipeline" {
	run_both -ff -e trace=execve,exit_group -e signal=none -- /bin/sh -c 'echo hi | cat'
	compare_all ff
}

@test "-ff without -o behaves like -f on stderr" {
	run_both --stderr -ff -e trace=%process -- ./procs fork 2
	compare_all stderr
}

@test "-o FILE is truncated if it exists" {
	printf 'old junk line\n%.0s' {1..50} >ref
	cp ref out
	run_both -e trace=exit_group -- ./exitwith exit 0
	compare_all single
	! grep -q junk out
}

@test "the traced command's stdout is not mixed into -o FILE" {
	run_both -f -e trace=execve,exit_group -e signal=none -- /bin/sh -c 'echo one; /bin/echo two'
	compare_all multi
	assert_equal "one
two" "$(cat out.stdout)" "command output"
}

@test "-o FILE: tracer stderr stays empty for a normal run" {
	run_both -f -e trace=%process -- ./signals kill 10 handled
	compare_all multi
	compare_messages
	assert_equal "" "$(cat out.stderr)" "tracer stderr"
}

@test "-o '|CMD' and -o '!CMD': the trace goes to a shell command's standard input" {
	run_both --stderr -o '|cat -n' -e trace=execve,exit_group -- ./exitwith exit 3
	compare_status
	grep -q 'exit_group(3)' out.stdout || fail_msg "trace not piped:" "$(cat out.stdout out.stderr)"
	sed -E 's/0x[0-9a-f]{5,}/0xADDR/g' ref.stdout >ref.piped
	sed -E 's/0x[0-9a-f]{5,}/0xADDR/g' out.stdout >out.piped
	assert_same_text "piped trace (stdout)" ref.piped out.piped
	run_both --stderr -o '!tr a-z A-Z' -e trace=exit_group -- ./exitwith exit 0
	grep -q 'EXIT_GROUP(0)' out.stdout || fail_msg "trace not piped:" "$(cat out.stdout out.stderr)"
	assert_same_text "piped trace (stdout)" ref.stdout out.stdout
}

@test "-o '|CMD' that exits early: the command still runs to its end" {
	run_both --stderr -f -o '|head -n 1' -e trace=execve -- /bin/sh -c '/bin/true; /bin/true; exit 5'
	compare_status
	assert_equal 5 "$OUT_STATUS" "estrace status"
	assert_equal 1 "$(wc -l <out.stdout)" "lines that reached head"
}

@test "-A appends to the -o file; -A without -o is a warning" {
	echo old >app.ref
	echo old >app.out
	run_tracer "$STRACE" ref strace --stderr -A -o app.ref -e trace=exit_group -- ./exitwith exit 0
	run_out --stderr -A -o app.out -e trace=exit_group -- ./exitwith exit 0
	compare_status
	assert_equal old "$(head -n 1 app.out)" "first line kept"
	assert_same_text "appended trace" app.ref app.out
	run_both --stderr -A -e trace=none -- ./exitwith exit 0
	compare_status
	normalize text ref.stderr | head -n 1 >ref.warn
	normalize text out.stderr | head -n 1 >out.warn
	grep -q 'has no effect without -o' out.warn || fail_msg "no warning:" "$(cat out.stderr)"
	assert_same_text "warning" ref.warn out.warn
}

@test "-ff with a piped -o is an error" {
	cli_error -ff -o '|cat' -- ./exitwith exit 0
	assert_contains out.stderr.norm "mutually exclusive"
}

@test "--follow-forks and --output-separately: the long forms, alone and together" {
	run_both --follow-forks --output-separately -e trace=%process -- ./procs tree 2
	compare_all ff
	assert_equal 3 "$(ff_files out | wc -l)" "out.<tid> files"
	run_both --follow-forks --follow-forks -e trace=%process -- ./procs tree 2
	compare_all multi
	[[ -z $(ff_files out) ]] || fail_msg "--follow-forks twice is not -ff"
}

@test "--output-separately without -f: FILE.PID for the command only, children not followed" {
	run_both --output-separately -e trace=%process -- ./procs tree 2
	compare_all ff
	assert_equal 1 "$(ff_files out | wc -l)" "out.<tid> files"
}

@test "-f --output-separately: -f's count decides, one file with pid prefixes" {
	run_both -f --output-separately -e trace=%process -- ./procs tree 2
	compare_all multi
	[[ -z $(ff_files out) ]] || fail_msg "no out.<tid> files expected"
}

@test "--output-separately without -o: a warning, unless -f was given" {
	run_both --stderr --output-separately -e trace=none -- /bin/true
	compare_status
	compare_messages
	assert_contains out.stderr.norm "TRACER: --output-separately has no effect without -o/--output"
	run_both --stderr -f --output-separately -A -e trace=none -- /bin/true
	compare_messages
	refute_contains out.stderr "--output-separately"
	run_both --stderr --output-separately -A -e trace=none -- /bin/true
	compare_messages
}

@test "-f with --follow-forks, -ff with --output-separately: refused, as strace" {
	cli_error -f --follow-forks -- /bin/true
	assert_contains out.stderr.norm "TRACER: -f and --follow-forks cannot be provided simultaneously"
	cli_error --follow-forks -f -p 1
	cli_error -ff --output-separately -- /bin/true
	assert_contains out.stderr.norm "TRACER: -ff and --output-separately cannot be provided simultaneously"
	cli_error --output-separately -f -f -- /bin/true
	cli_error -ff --output-separately -f --follow-forks -- /bin/true
	cli_error -c --output-separately -- /bin/true
	cli_error -t --absolute-timestamps -f --follow-forks -- /bin/true
	cli_error -DDDD -f --follow-forks -- /bin/true
	cli_error -c -w -f --follow-forks -- /bin/true
}

@test "the suite's normaliser: a tracer named by its path, a message after '*/', an -i prefix" {
	printf '%s\n' '/usr/bin/strace: Process 12 attached' "./estrace: invalid -s argument: 'abc'" \
		"Try '../bin/estrace -h' for more information." >msgs
	normalize text msgs >msgs.norm
	assert_equal "TRACER: Process 12 attached
TRACER: invalid -s argument: 'abc'
Try 'TRACER -h' for more information." "$(cat msgs.norm)" "messages"
	printf '%s\n' 'execve("/x", ["x"], 0x7ffd12345678 /* 1 var */estrace: Process 7 attached' \
		') = 0' 'vfork(/usr/bin/strace: Process 8 attached' ') = 8' >trace
	normalize stderr trace >trace.norm
	assert_contains trace.norm 'execve("/x", ["x"], 0xADDR /* 1 var */) = 0'
	assert_contains trace.norm 'vfork() = PID'
	# -i: a call split around another process's line is joined behind its ip prefix too
	printf '%-5d %s\n' 10 '[xxxxxxxxxxxxx353] clone(child_stack=NULL <unfinished ...>' \
		11 '[xxxxxxxxxxxxx409] exit_group(3) = ?' \
		10 '[xxxxxxxxxxxxx353] <... clone resumed>, child_tidptr=0x7ffd12345678) = 11' >multi
	normalize multi multi >multi.norm
	assert_contains multi.norm '[xxxxxxxxxxxxx353] clone(child_stack=NULL, child_tidptr=0xADDR) = PID'
}
