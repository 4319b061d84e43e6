#!/usr/bin/env bats
# Children the tracer hears of but must leave alone without -f: one made with CLONE_PARENT is the
# tracer's own child (its wait reaps it: "Exit of unknown pid N ignored"), one made with
# CLONE_PTRACE starts as its tracee ("Detached unknown pid N"). Nothing of theirs is traced.
# Under -f both are followed as any child. tests/helpers/strangers.c makes them.

load common

QUIETS=(none -q -qq --quiet=attach --quiet=exit)

# stranger_stderr MODE QUIET: trace and messages on stderr, compared line by line. clone is left
# out: the child's first stop may come before or after the parent's clone exit.
stranger_stderr() {
	local q=()
	[[ $2 == none ]] || q=("$2")
	run_both --stderr "${q[@]}" -e trace=wait4,exit_group -- ./strangers "$1"
	compare_all single || fail_msg "mode $1, quiet $2" || return 1
}

@test "CLONE_PARENT child without -f: 'Exit of unknown pid N ignored', nothing traced" {
	local q
	for q in "${QUIETS[@]}"; do
		stranger_stderr parent "$q"
	done
	stranger_stderr parent none
	assert_contains out.norm 'TRACER: Exit of unknown pid PID ignored'
	refute_contains out 'exited with 42'
}

@test "CLONE_PTRACE child without -f: 'Detached unknown pid N', nothing traced" {
	local q
	for q in "${QUIETS[@]}"; do
		stranger_stderr ptrace "$q"
	done
	stranger_stderr ptrace none
	assert_contains out.norm 'TRACER: Detached unknown pid PID'
	refute_contains out 'exit_group(42)'
}

@test "CLONE_PARENT|CLONE_PTRACE child without -f: detached, then its exit ignored" {
	local q
	for q in "${QUIETS[@]}"; do
		stranger_stderr both "$q"
	done
	stranger_stderr both none
	assert_contains out.norm 'TRACER: Detached unknown pid PID'
	assert_contains out.norm 'TRACER: Exit of unknown pid PID ignored'
}

@test "unknown pids under -o: the trace file holds none of it, -o's implied -q hides only the detach" {
	local mode q
	for mode in parent ptrace both; do
		for q in '' -e\ quiet=none; do
			# shellcheck disable=SC2086
			run_both $q -e trace=%process -- ./strangers "$mode"
			compare_all single || fail_msg "mode $mode, quiet '$q'" || return 1
			normalize single ref.stderr >ref.stderr.norm
			normalize single out.stderr >out.stderr.norm
			assert_same_text "messages, mode $mode" ref.stderr.norm out.stderr.norm || return 1
		done
	done
}

@test "CLONE_PARENT and CLONE_PTRACE children are followed under -f" {
	local mode
	for mode in parent ptrace both; do
		run_both -f -e trace=%process -- ./strangers "$mode"
		compare_all multi || fail_msg "mode $mode" || return 1
		assert_contains out.norm 'exit_group(42) = ?'
		assert_contains out.norm '=== 2 processes ==='
	done
}
