#!/usr/bin/env bats
# -p: attaching to processes that already run, following them, and detaching on SIGINT/SIGTERM so
# that they go on running untraced. The target is tests/helpers/attachme, which does what the test
# writes to its fifo; both tracers see the same sequence, so their traces and messages compare.

load common

setup() {
	common_setup
	TARGETS=()
	TRACERS=()
}

teardown() {
	local p
	for p in "${TRACERS[@]}" "${TARGETS[@]}"; do
		kill -9 "$p" 2>/dev/null || true
	done
	pkill -9 -P "$$" attachme 2>/dev/null || true
}

# start_target NAME: run attachme with commands from fifo NAME.fifo (fd stored in NAME_FD); its
# pid in NAME_PID.
start_target() {
	local name=$1 fd
	rm -f "$name.fifo" "$name.pid"
	mkfifo "$name.fifo"
	"$HELPERS/attachme" "$name.pid" <"$name.fifo" >/dev/null 2>&1 &
	TARGETS+=("$!")
	exec {fd}>"$name.fifo"
	printf -v "${name}_FD" '%s' "$fd"
	wait_until "$name writes its pid" test -s "$name.pid"
	printf -v "${name}_PID" '%s' "$(<"$name.pid")"
}

# send NAME LETTERS: commands for target NAME (see attachme.c).
send() {
	local fd=${1}_FD
	printf '%s' "$2" >&"${!fd}"
}

# traced PID...: every PID has a tracer.
traced() {
	local pid
	for pid in "$@"; do
		grep -q '^TracerPid:[[:space:]]*[1-9]' "/proc/$pid/status" || return 1
	done
}

# start_tracer NAME OPTS... -p PID...: in the background, the tracer (strace for NAME ref,
# the tracer under test for out) with OPTS, stderr in NAME.stderr; its pid in TRACER_PID.
# Returns once every process in ATTACHED (default: the target tgt) has a tracer.
start_tracer() {
	local name=$1 tracer=$STRACE argv0=strace
	shift
	if [[ $name == out ]]; then
		tracer=$ESTRACE
		argv0=$(tracer_name)
	fi
	rm -f "$name" "$name.stderr"
	(exec -a "$argv0" "$tracer" "$@" </dev/null >"$name.stdout" 2>"$name.stderr") &
	TRACER_PID=$!
	TRACERS+=("$TRACER_PID")
	wait_until "$name: attached" traced "${ATTACHED[@]:-$tgt_PID}"
}

# finish_tracer NAME: wait for the tracer; its status in NAME_STATUS (REF_STATUS, OUT_STATUS).
finish_tracer() {
	local st=0 var
	wait "$TRACER_PID" || st=$?
	var=$(tr '[:lower:]' '[:upper:]' <<<"$1")_STATUS
	printf -v "$var" '%s' "$st"
}

# compare_attach_messages: the tracers' messages, program names and pids normalised.
compare_attach_messages() {
	local f
	for f in ref out; do
		normalize text "$f.stderr" | sed -E 's/Process [0-9]+/Process PID/' >"$f.stderr.norm"
	done
	assert_same_text "tracer messages (stderr)" ref.stderr.norm out.stderr.norm
}

# untraced PID: every thread of PID is running or sleeping, with no tracer.
untraced() {
	local task
	for task in /proc/"$1"/task/*; do
		grep -q '^TracerPid:[[:space:]]*0$' "$task/status" || return 1
		grep -q '^State:[[:space:]]*[RS]' "$task/status" || return 1
	done
}

# in_syscall PID NR: PID sleeps inside syscall NR. Without a filter the tracer stops it at the
# entry of every syscall, so sleeping inside one means the tracer has seen that entry.
in_syscall() {
	grep -q '^State:[[:space:]]*S' "/proc/$1/status" && [[ $(cut -d' ' -f1 "/proc/$1/syscall") == "$2" ]]
}

# target_exits NAME STATUS: tell target NAME to exit and check that it exits with STATUS.
target_exits() {
	local pid=${1}_PID st=0
	send "$1" q
	wait "${!pid}" || st=$?
	assert_equal "$2" "$st" "exit status of the attached process"
}

@test "attach, trace, and the trace ends when the process exits" {
	for who in ref out; do
		start_target tgt
		start_tracer "$who" -e trace=clone,wait4,exit_group -o "$who" -p "$tgt_PID"
		send tgt f
		target_exits tgt 0
		finish_tracer "$who"
	done
	compare_status
	assert_equal 0 "$OUT_STATUS" "tracer exit status"
	compare_trace single
	compare_attach_messages
}

@test "-f attaches to every thread and follows new children" {
	for who in ref out; do
		start_target tgt
		send tgt tt
		wait_until "three threads" test "$(ls /proc/"$tgt_PID"/task | wc -l)" -eq 3
		start_tracer "$who" -f -e trace=clone,wait4,exit_group -o "$who" -p "$tgt_PID"
		send tgt f
		target_exits tgt 0
		finish_tracer "$who"
	done
	compare_status
	compare_trace multi
	compare_attach_messages
	assert_contains out.stderr.norm "Process PID attached with 3 threads"
}

@test "SIGINT and SIGTERM detach: the process runs on, untraced, with all its threads" {
	local sig
	for sig in INT TERM; do
		for who in ref out; do
			start_target tgt
			send tgt t
			start_tracer "$who" -f -e trace=clone,wait4 -o "$who" -p "$tgt_PID"
			kill -"$sig" "$TRACER_PID"
			finish_tracer "$who"
			untraced "$tgt_PID" || fail_msg "after $who left on SIG$sig:" "$(grep -h -e State -e TracerPid /proc/"$tgt_PID"/task/*/status)"
			send tgt f   # it still obeys
			target_exits tgt 0
		done
		compare_status
		compare_attach_messages
		assert_contains out.stderr.norm "Process PID detached"
	done
}

@test "a call in progress at detach ends with <detached ...>" {
	for who in ref out; do
		start_target tgt
		start_tracer "$who" -e trace=clone,wait4 -o "$who" -p "$tgt_PID"
		send tgt w
		wait_until "blocked in wait4" in_syscall "$tgt_PID" 61
		kill -INT "$TRACER_PID"
		finish_tracer "$who"
		untraced "$tgt_PID" || fail_msg "still traced after $who left"
		pkill -P "$tgt_PID" attachme   # its child: the wait4 returns
		target_exits tgt 0
	done
	compare_status
	compare_trace single
	assert_contains out "<detached ...>"
}

@test "several processes: -p PID,PID, -p 'PID PID' and -p PID -p PID" {
	local spelling
	for spelling in comma space repeated; do
		for who in ref out; do
			start_target a
			start_target b
			local pids=(-p "$a_PID,$b_PID")
			[[ $spelling == space ]] && pids=(-p "$a_PID $b_PID")
			[[ $spelling == repeated ]] && pids=(-p "$a_PID" -p "$b_PID")
			ATTACHED=("$a_PID" "$b_PID")
			start_tracer "$who" -e trace=clone,wait4 -o "$who" "${pids[@]}"
			send a f
			target_exits a 0
			send b f
			target_exits b 0
			finish_tracer "$who"
		done
		compare_status
		compare_trace multi
		compare_attach_messages
	done
}

@test "-p with a command: both are traced, the command's status is the tracer's" {
	for who in ref out; do
		start_target tgt
		start_tracer "$who" -e trace=clone,wait4,exit_group -o "$who" -p "$tgt_PID" \
			sh -c 'while [ ! -e go ]; do sleep 0.05; done; exit 4'
		send tgt f
		target_exits tgt 0
		touch go
		finish_tracer "$who"
		rm -f go
		# the command's own lines vary with its sleeps: keep the attached process's
		grep "^$tgt_PID " "$who" >"$who.mine"
	done
	assert_equal 4 "$OUT_STATUS" "tracer exit status"
	compare_status
	compare_trace multi ref.mine out.mine
}

@test "bad -p values and processes that cannot be attached" {
	cli_error -p 0
	cli_error -p abc
	cli_error -p 1x
	cli_error -p -5
	cli_error -p 99999999999
	cli_error -p '1,,2'
	cli_error -p ' 1'
	cli_error -p 4194304
	cli_error -p '4194304 4194303,'
}

@test "explicit --seccomp-bpf with -p: said once, also under -q (as strace), tracing goes on without it" {
	require_estrace
	local quiet
	for quiet in "" -q; do
		start_target tgt
		start_tracer out $quiet -f --seccomp-bpf -e trace=clone,wait4 -o out -p "$tgt_PID"
		send tgt f
		target_exits tgt 0
		finish_tracer out
		assert_equal 0 "$OUT_STATUS" "status"
		assert_contains out "clone("
		assert_equal 1 "$(grep -c 'seccomp-bpf' out.stderr)" "warnings about the filter ($quiet)"
	done
}

# Attaching interrupts a sleeping call, which the kernel goes on with as restart_syscall: strace
# names it "read" (the call numbered 0) whatever it was, as it has not seen it; so does estrace.
@test "a sleep interrupted by the attach resumes as restart_syscall(<... resuming interrupted read ...>)" {
	sleep 60 &
	tgt_PID=$!
	TARGETS+=("$tgt_PID")
	wait_until "sleep blocked in clock_nanosleep" in_syscall "$tgt_PID" 230
	for who in ref out; do
		start_tracer "$who" -e trace=clock_nanosleep,restart_syscall -o "$who" -p "$tgt_PID"
		wait_until "$who: the restart line" grep -q restart_syscall "$who"
		kill -INT "$TRACER_PID"
		finish_tracer "$who"
		untraced "$tgt_PID" || fail_msg "still traced after $who left"
	done
	compare_status
	compare_trace single
	assert_contains out.norm 'restart_syscall(<... resuming interrupted read ...> <detached ...>'
}
