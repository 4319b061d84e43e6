#!/usr/bin/env bats
# Threads: clone3 with CLONE_THREAD, exits of threads, exit_group from a
# thread, execve from a non-leader thread ("<pid changed to ...>" and
# "+++ superseded by execve in pid N +++") and from the leader.

load common

@test "threads: one thread created with clone3 and joined (-f)" {
	run_both -f -e trace=%process -- ./threads join 1
	compare_all multi
	assert_contains out.norm 'clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0xADDR, parent_tid=0xADDR, exit_signal=0, stack=0xADDR, stack_size=0xADDR, tls=0xADDR} => {parent_tid=[PID]}, 88) = PID'
	assert_contains out 'stack_size=0x7fff80, tls=0x'
	assert_contains out.norm 'exit(0) = ?'
}

@test "threads: four threads, each exits with exit(0) (-f)" {
	run_both -f -e trace=%process -- ./threads join 4
	compare_all multi
	assert_contains out.norm '=== 5 processes ==='
}

@test "threads without -f: only the main thread is traced" {
	run_both -e trace=%process -- ./threads join 2
	compare_all single
}

@test "threads: -ff writes one file per thread" {
	run_both -ff -e trace=%process -- ./threads join 2
	compare_all ff
}

@test "threads: exit_group from a non-leader thread ends the process (-f)" {
	run_both -f -e trace=%process -- ./threads exit-group 5
	compare_all multi
	assert_equal 5 "$OUT_STATUS" "tracer exit status"
}

@test "threads: execve from a non-leader thread (-f -o)" {
	run_both -f -e trace=%process -- ./threads exec
	compare_all multi
	assert_contains out.norm '/* 1 var */ <pid changed to PID ...>'
	assert_contains out.norm '+++ superseded by execve in pid PID +++'
	assert_contains out.norm '<... execve resumed>) = 0'
}

@test "threads: execve from a non-leader thread, stderr layout (-f)" {
	run_both --stderr -f -e trace=%process -- ./threads exec
	compare_all stderr
}

# The stderr normaliser accepts a line with or without "[pid N] " (whether a
# prefix is printed can hang on reap timing); here it cannot: once the
# thread has exec'd, the leader's record is the only tracee left.
@test "threads: execve from a non-leader thread, stderr layout: the superseded line has no prefix (-f)" {
	run_both --stderr -f -e trace=execve,exit_group -- ./threads exec
	compare_all stderr
	grep '+++ superseded' ref | sed 's/[0-9][0-9]*/N/g' >ref.superseded
	grep '+++ superseded' out | sed 's/[0-9][0-9]*/N/g' >out.superseded
	assert_equal '+++ superseded by execve in pid N +++' "$(cat ref.superseded)" "strace's line (bad test?)"
	assert_same_text "superseded line" ref.superseded out.superseded
}

@test "threads: execve from a non-leader thread (-ff)" {
	run_both -ff -e trace=%process -- ./threads exec
	compare_all ff
}

@test "threads: execve from a non-leader thread, -e trace=execve only (-f)" {
	run_both -f -e trace=execve -- ./threads exec
	compare_all multi
}

@test "threads: execve from the leader kills the other thread (-f)" {
	run_both -f -e trace=%process -- ./threads exec-leader
	compare_all multi
}

@test "threads: -qqq hides the superseded line (-f)" {
	run_both -f -qqq -e trace=%process -- ./threads exec
	compare_all multi
	! grep -q superseded out
}
