#!/usr/bin/env bats
# -p to the tracer's own kin: itself, its own tracer, the shell that waits for it, the shell
# that started it in the background. None may leave anything stuck: a shell that waits for the
# tracer it is traced by waits until a signal comes (as under strace), and SIGTERM then frees
# both; tracing one's own tracer is refused, for there nothing, not even SIGKILL, would free them.

load common

setup() {
	common_setup
	SHELL_PID=
}

teardown() {
	[[ -n ${SHELL_PID-} ]] && kill -9 "$SHELL_PID" 2>/dev/null
	return 0
}

# tracer_of PID: true once PID is traced; its tracer's pid in TRACER_OF.
tracer_of() {
	field "$1" TracerPid
	TRACER_OF=$REPLY
	WHY="TracerPid '$REPLY'"
	[[ -n $REPLY && $REPLY != 0 ]]
}

@test "-p with the tracer's own pid: refused, exit 1" {
	local who st
	for who in ref out; do
		tracer_for "$who"
		st=0
		(exec -a "$ARGV0" "$TRACER" -p "$BASHPID") 2>"$who.stderr" || st=$?
		printf -v "${who^^}_STATUS" '%s' "$st"
	done
	assert_equal 1 "$REF_STATUS" "strace's status (bad test?)"
	compare_status
}

# strace 6.1 attaches to its own tracer and both stop for good: estrace-only. Run against a
# tracer that attaches, this test fails by its time limit (and, both tracers asking for exit
# events, leaves the two stuck for good: see it fail only with an outer tracer that does not).
@test "-p to the tracer's own tracer (run under -f): refused, both go on" {
	require_estrace
	TRACE_TIMEOUT=20 run_out -f -e trace=none -- \
		/bin/sh -c '"$0" -f -p "$PPID" -o inner; echo "inner status $?"' "$ESTRACE"
	assert_equal 0 "$OUT_STATUS" "outer tracer's status"
	assert_equal "inner status 1" "$(cat out.stdout)" "inner tracer"
	assert_contains out.stderr "estrace: attach: process "
	assert_contains out.stderr " traces estrace: tracing it would stop both for good"
}

# run_waiting_shell NAME: a shell that runs the tracer with -f -p on itself in the foreground and
# waits for it; once the shell is traced, SIGTERM to the tracer. The tracer's status, as the
# shell saw it, in NAME.rc; messages in NAME.stderr.
run_waiting_shell() {
	tracer_for "$1"
	rm -f "$1.rc"
	(
		close_extra_fds
		exec env -i "${RUN_ENV[@]}" /bin/bash -c \
			'(exec -a "$0" "$1" -f -p $$ -o "$2"); echo $? >"$2.rc"' \
			"$ARGV0" "$TRACER" "$1"
	) 2>"$1.stderr" &
	SHELL_PID=$!
	wait_until "$1: the shell is traced" tracer_of "$SHELL_PID" || return 1
	kill -TERM "$TRACER_OF"
	wait_until "$1: the shell goes on after the tracer" gone_or_zombie "$SHELL_PID" || return 1
	wait "$SHELL_PID" || true
	SHELL_PID=
}

@test "-f -p to the shell that waits for the tracer: stuck until SIGTERM, which frees both" {
	run_waiting_shell ref
	run_waiting_shell out
	assert_equal 143 "$(cat ref.rc)" "strace's status (bad test?)"
	assert_equal "$(cat ref.rc)" "$(cat out.rc)" "tracer status as the shell saw it"
	for f in ref out; do
		normalize text "$f.stderr" | sed -E 's/Process [0-9]+/Process PID/' >"$f.stderr.norm"
	done
	assert_same_text "tracer messages" ref.stderr.norm out.stderr.norm
}

# run_background_shell NAME: a shell that starts the tracer with -f -p on itself in the
# background, runs /bin/true once it is traced, then ends the tracer with SIGTERM and waits for it.
run_background_shell() {
	tracer_for "$1"
	run_clean /bin/bash -c '
		(exec -a "$0" "$1" -f -e trace=execve -p $$ -o "$2") &
		tracer=$!
		traced() { local l; while read -r l; do [[ $l == "TracerPid:"*[1-9]* ]] && return 0; done </proc/$$/status; return 1; }
		until traced; do :; done   # no fork, no sleep: nothing to trace but what follows
		/bin/true
		kill -TERM $tracer
		wait $tracer
		echo "tracer status $?"' "$ARGV0" "$TRACER" "$1" >"$1.stdout" 2>"$1.stderr" || return 1
}

@test "-f -p \$\$ from a script that goes on: its child is traced, SIGTERM detaches the script" {
	run_background_shell ref
	run_background_shell out
	assert_equal "tracer status 143" "$(cat ref.stdout)" "strace's status (bad test?)"
	assert_same_text "the script's output" ref.stdout out.stdout
	compare_trace multi
	assert_contains out.norm 'execve("/bin/true", ["/bin/true"], 0xADDR /* '
	for f in ref out; do
		normalize text "$f.stderr" | sed -E 's/Process [0-9]+/Process PID/' >"$f.stderr.norm"
	done
	assert_same_text "tracer messages" ref.stderr.norm out.stderr.norm
}
