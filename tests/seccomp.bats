#!/usr/bin/env bats
# The seccomp-bpf filter (on by default under -f): the trace is the same with and without it,
# tracees are not stopped at the syscalls nobody asked to see, and no tracee is ever left
# holding the filter without its tracer (its filtered syscalls would fail with ENOSYS).
# estrace-only: strace 6.1 keeps the filter off by default.

load common

setup() {
	common_setup
	require_estrace
}

# same_with_and_without MODE OPTS... -- CMD...: the trace with the filter (out) equals the
# trace with --no-seccomp-bpf (ref), after the suite's normalisation.
same_with_and_without() {
	local mode=$1
	shift
	run_tracer "$ESTRACE" ref estrace --no-seccomp-bpf "$@"
	run_out "$@"
	compare_status
	compare_trace "$mode"
}

@test "filter on and off give the same trace: fork, vfork, posix_spawn (-f)" {
	same_with_and_without multi -f -- ./procs spawn
	same_with_and_without multi -f -- ./procs vfork
	same_with_and_without multi -f -- ./procs fork 3
}

@test "filter on and off give the same trace: threads and exec from a non-leader thread (-f)" {
	same_with_and_without multi -f -- ./threads join 4
	same_with_and_without multi -f -- ./threads exec
}

@test "filter on and off give the same trace: signals and stops (-f)" {
	same_with_and_without multi -f -e trace=%process -- ./signals sigqueue 10 handled
	same_with_and_without multi -f -- ./stopcont
}

@test "filter on and off give the same trace: a narrow set, failed PATH execs (-f)" {
	same_with_and_without multi -f -e trace=execve,exit_group -- /bin/sh -c 'nope 2>/dev/null; /bin/true; exit 0'
	same_with_and_without multi -f -e trace=getpid,wait4 -- ./signals self-kill 10
}

@test "a forked child that never execs is not stopped per syscall (voluntary switches)" {
	run_out -f -e trace=execve -- ./busychild 100000
	assert_equal 0 "$OUT_STATUS" "estrace status"
	local with without
	with=$(sed -n 's/^switches //p' out.stdout)
	run_tracer "$ESTRACE" ref estrace --no-seccomp-bpf -f -e trace=execve -- ./busychild 100000
	without=$(sed -n 's/^switches //p' ref.stdout)
	# without the filter every syscall stops the child twice: the measure itself works
	((without >= 100000)) || fail_msg "without the filter: $without switches (measure broken?)" || return 1
	((with < 1000)) || fail_msg "with the filter: $with switches for 100000 syscalls" || return 1
}

@test "without -f the filter is not used: untraced children keep working" {
	run_both -e trace=execve,wait4 -- ./procs fork 4
	compare_all single
}

# start_tree OPTS...: estrace OPTS sh -c 'two sleeps' in the background; sets TRACER_PID and
# SLEEPS (the sleeps' pids, read from the trace once both have exec'd).
start_tree() {
	"$ESTRACE" "$@" /bin/sh -c '/bin/sleep 30 & /bin/sleep 30 & wait' >/dev/null 2>stderr.txt &
	TRACER_PID=$!
	local i
	for ((i = 0; i < 100; i++)); do
		SLEEPS=$(sed -n 's/^\([0-9][0-9]*\) *execve("\/bin\/sleep".*/\1/p' trace.txt 2>/dev/null || true)   # the file may not exist yet
		if [[ $(wc -w <<<"$SLEEPS") -eq 2 ]]; then
			local pid running=0
			for pid in $SLEEPS; do
				[[ $(cat "/proc/$pid/comm" 2>/dev/null) == sleep ]] && running=$((running + 1))
			done
			((running == 2)) && return 0
		fi
		sleep 0.1
	done
	fail_msg "the traced sleeps did not start" "$(cat trace.txt stderr.txt 2>/dev/null)"
}

# assert_gone PID...: each process ends within 5 s (none is left holding the filter untraced).
assert_gone() {
	local pid i
	for pid in "$@"; do
		for ((i = 0; i < 50; i++)); do
			[[ -d /proc/$pid ]] || continue 2
			grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null && continue 2
			sleep 0.1
		done
		fail_msg "process $pid outlived its tracer:" "$(grep -E 'State|TracerPid|Seccomp' /proc/$pid/status)"
		return 1
	done
}

@test "estrace killed by SIGKILL: its tracees die with it (PTRACE_O_EXITKILL)" {
	start_tree -f -o trace.txt
	kill -KILL "$TRACER_PID"
	wait "$TRACER_PID" || true
	assert_gone $SLEEPS
}

@test "estrace killed by SIGTERM (-I2) with the filter: every tracee holding it is killed" {
	start_tree -f -e trace=execve -o trace.txt -I2
	kill -TERM "$TRACER_PID"
	local st=0
	wait "$TRACER_PID" || st=$?
	assert_equal 143 "$st" "estrace status after SIGTERM"
	assert_gone $SLEEPS
}

@test "--no-seccomp-bpf: tracees outlive a killed estrace, untraced and unfiltered" {
	start_tree --no-seccomp-bpf -f -o trace.txt
	kill -KILL "$TRACER_PID"
	wait "$TRACER_PID" || true
	local pid
	for pid in $SLEEPS; do
		grep -q '^TracerPid:[[:space:]]*0$' "/proc/$pid/status" ||
			fail_msg "$pid still traced" || return 1
		grep -q '^Seccomp:[[:space:]]*0$' "/proc/$pid/status" ||
			fail_msg "$pid holds a seccomp filter" || return 1
		kill "$pid"
	done
}

@test "--no-seccomp-bpf: SIGTERM detaches every tracee, which runs on untraced (as strace)" {
	start_tree --no-seccomp-bpf -f -e trace=execve -o trace.txt -I2
	kill -TERM "$TRACER_PID"
	local st=0 pid
	wait "$TRACER_PID" || st=$?
	assert_equal 143 "$st" "estrace status after SIGTERM"
	for pid in $SLEEPS; do
		grep -q '^TracerPid:[[:space:]]*0$' "/proc/$pid/status" ||
			fail_msg "$pid still traced" || return 1
		grep -q '^State:[[:space:]]*S' "/proc/$pid/status" ||
			fail_msg "$pid not running: $(grep State "/proc/$pid/status")" || return 1
		kill "$pid"
	done
}
