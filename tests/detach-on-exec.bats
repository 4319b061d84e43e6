#!/usr/bin/env bats
# -b execve / --detach-on=execve: a traced process is left at its exec (the command's own first
# exec excepted), its execve line ends with " <detached ...>", and it runs on untraced. The
# commands trace execve only, so no other line can come between a child's execve and its
# detach: the output does not depend on timing.

load common

@test "-f -b execve: children are left at their exec (stderr)" {
	run_both --stderr -f -b execve -e trace=execve -- /bin/sh -c '/bin/true; exit 3'
	compare_status
	assert_equal 3 "$OUT_STATUS" "the command's status"
	local f
	for f in ref out; do   # the program name also comes mid-line here
		sed -E 's/0x[0-9a-f]+/ADDR/g; s/[0-9]+/N/g; s/(^|[^a-z])e?strace: /\1TRACER: /g' "$f.stderr" >"$f.stderr.norm"
	done
	assert_same_text "trace and messages" ref.stderr.norm out.stderr.norm
	assert_contains out.stderr "$(tracer_name): Process "
	assert_contains out.stderr " <detached ...>"
}

@test "-f -b execve: children are left at their exec (-o and -ff)" {
	run_both -f -b execve -e trace=execve -- /bin/sh -c '/bin/true; /bin/true; exit 3'
	compare_all multi
	assert_contains out " <detached ...>"
	run_both -ff -b execve -e trace=execve -- /bin/sh -c '/bin/true; exit 3'
	compare_all ff
}

@test "-b execve: the command is left at its second exec; the tracer exits 0" {
	run_both -b execve -e trace=execve -- /bin/sh -c 'exec /bin/sh -c "exit 3"'
	compare_all single
	assert_equal 0 "$OUT_STATUS" "tracer status"
	run_both --detach-on=execve -e trace=execve,exit_group -- ./exitwith exit 5
	compare_all single
	assert_equal 5 "$OUT_STATUS" "tracer status: the first exec is never left"
}

@test "-b: only execve is accepted" {
	cli_error -b fork -- /bin/true
	cli_error -b EXECVE -- /bin/true
	cli_error -b '' -- /bin/true
	cli_error --detach-on=execveat -- /bin/true
}

@test "-b execve turns the seccomp filter off: a left process does not hold it" {
	require_estrace
	run_out -f -b execve -e trace=execve -- /bin/sh -c '/bin/grep Seccomp: /proc/self/status'
	assert_equal 0 "$OUT_STATUS" "status"
	assert_equal "Seccomp:	0" "$(cat out.stdout)" "the left child's seccomp mode"
	assert_equal "" "$(cat out.stderr)" "no warning unless --seccomp-bpf is asked for"
	run_out -f --seccomp-bpf -b execve -e trace=execve -- /bin/true
	assert_equal 1 "$(grep -c 'seccomp-bpf' out.stderr)" "one warning for an explicit --seccomp-bpf"
}
