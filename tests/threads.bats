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

# run_both_filter on|off [--stderr] OPTS... -- CMD...: run_both, with the seccomp-bpf filter on
# for both tracers, or off (strace's default; estrace's --no-seccomp-bpf).
run_both_filter() {
	local filter=$1 st=()
	shift
	if [[ $1 == --stderr ]]; then
		st=(--stderr)
		shift
	fi
	if [[ $filter == on ]]; then
		run_both "${st[@]}" --seccomp-bpf "$@"
		return
	fi
	run_ref "${st[@]}" "$@"
	if is_self_check; then
		run_out "${st[@]}" "$@"
	else
		run_out "${st[@]}" --no-seccomp-bpf "$@"
	fi
}

# The leader calls exit(42) and the other thread execs once the leader is a zombie: the leader's
# exit line is whole ("exit(42) = ?", its end seen as the thread exits, before the execve), and
# the execve line ends "<pid changed to N ...>", as for any exec from a thread. (On stderr, which
# lines have a "[pid N]" prefix depends on when strace sees the new thread: checked with -o.)
@test "threads: execve from a thread after the leader called exit() (-f, filter on and off, quiet levels)" {
	local filter q
	for filter in on off; do
		for q in none -q -qq -qqq --quiet=thread-execve; do
			local qo=()
			[[ $q == none ]] || qo=("$q")
			run_both_filter "$filter" -f "${qo[@]}" -e trace=execve,exit -- ./threads exit-leader-exec
			compare_all multi || fail_msg "filter $filter, quiet $q" || return 1
			assert_contains out.norm '<pid changed to PID ...>' || return 1
			grep -q '^[0-9]* *exit(42) *= ?$' out ||
				fail_msg "no whole exit(42) line (filter $filter, quiet $q):" "$(cat out)" || return 1
		done
		run_both_filter "$filter" --stderr -f -q -e trace=execve,exit -- ./threads exit-leader-exec
		compare_status || return 1
		grep -q '^\(\[pid *[0-9]*\] \)\?exit(42) *= ?$' out ||
			fail_msg "no whole exit(42) line on stderr (filter $filter):" "$(cat out)" || return 1
		refute_contains out 'exit resumed>' || return 1
	done
}
