#!/usr/bin/env bats
# The tracer's own standard input and output: once it has started the command it lets go of
# them (strace puts the read end of an empty pipe in their place), so that the command's pipes
# behave as if the tracer were not there: a reader of the command's output sees its end when the
# command closes it, a writer to the command's input gets EPIPE when the command closes it. With
# -p and no command the tracer keeps them. Under -D the tracer lets go of them too.

load common

setup() {
	common_setup
	rm -f go.fifo cmd.pid
	mkfifo go.fifo
	TRACER_PID=
}

teardown() {
	[[ -n ${TRACER_PID-} ]] && kill -9 "$TRACER_PID" 2>/dev/null
	[[ -n ${TARGET_PID-} ]] && kill -9 "$TARGET_PID" 2>/dev/null
	return 0
}

# exec_tracer TRACER ARGV0 ARGS...: become the tracer, with run_clean's clean environment and
# fds but without its timeout, which would hold the pipes the test watches (it stays the tracer's
# parent). Only in a subshell: a pipeline element or a job (&), which then holds nothing more than
# the tracer does. What bounds each run is the command's own `read -t`.
exec_tracer() {
	local tracer=$1 argv0=$2
	shift 2
	close_extra_fds
	exec -a "$argv0" env -i "${RUN_ENV[@]}" "$tracer" "$@"
}

# compare_pipeline FUNC N: FUNC WHO runs a pipeline whose element N is the tracer (exec_tracer
# with TRACER and ARGV0 of tracer_for WHO, trace in WHO, messages in WHO.stderr) and saves its
# PIPESTATUS in PIPE_ST; run with each tracer, strace's status must be 0, and the statuses and
# traces are compared.
compare_pipeline() {
	local who
	for who in ref out; do
		tracer_for "$who"
		PIPE_ST=()
		"$1" "$who" || true   # the statuses are compared below
		printf -v "${who^^}_STATUS" '%s' "${PIPE_ST[$2]}"
	done
	assert_equal 0 "$REF_STATUS" "strace's status (bad test?)"
	compare_status
	compare_trace single
}

# The command closes its stdout and waits (10 s at most) for the reader to see the end.
reader_waits_for_end() {
	rm -f eof.fifo
	mkfifo eof.fifo
	exec_tracer "$TRACER" "$ARGV0" -o "$1" -s 256 -e trace=execve,exit_group -- \
		bash -c 'exec >&- 3<>eof.fifo; read -t 10 x <&3 && [ "$x" = eof ]' \
		</dev/null 2>"$1.stderr" |
		{ cat >/dev/null; echo eof 1<>eof.fifo; }
	PIPE_ST=("${PIPESTATUS[@]}")
}

@test "a reader of the command's output sees its end when the command closes it" {
	compare_pipeline reader_waits_for_end 0
}

# The command closes its stdin and says so; the writer then writes, and must get EPIPE.
writer_waits_for_epipe() {
	rm -f closed.fifo result.fifo
	mkfifo closed.fifo result.fifo
	bash -c 'trap "" PIPE; exec 3<>closed.fifo; read -t 10 x <&3
		if echo data 2>/dev/null; then r=held; else r=epipe; fi; echo "$r" 1<>result.fifo' |
		exec_tracer "$TRACER" "$ARGV0" -o "$1" -s 256 -e trace=execve,exit_group -- \
			bash -c 'exec <&- 3<>result.fifo; echo closed 1<>closed.fifo; read -t 10 r <&3 && [ "$r" = epipe ]' \
			>/dev/null 2>"$1.stderr"
	PIPE_ST=("${PIPESTATUS[@]}")
}

@test "a writer to the command's input gets EPIPE when the command closes it" {
	compare_pipeline writer_waits_for_epipe 1
}

# fds_of PID: its fds 0, 1, 2, each as its target (a pipe without its inode number) and flags.
fds_of() {
	local fd target
	for fd in 0 1 2; do
		target=$(readlink "/proc/$1/fd/$fd") || target=closed
		[[ $target == pipe:* ]] && target=pipe
		printf '%s: %s %s\n' "$fd" "$target" "$(sed -n 's/^flags:\s*//p' "/proc/$1/fdinfo/$fd" 2>/dev/null)"
	done
}

# tracer_of PID: sets WHY; true once PID is traced, its tracer's pid in TRACER_OF.
tracer_of() {
	field "$1" TracerPid
	TRACER_OF=$REPLY
	WHY="TracerPid '${REPLY}'"
	[[ -n $REPLY && $REPLY != 0 ]]
}

# fds_while_tracing NAME OPTS...: start the tracer with OPTS on a command that writes its pid and
# waits on go.fifo (stdin /dev/zero, stdout and stderr files); once the command runs traced,
# the tracer's fds in NAME.fds. Then the command is let go and the tracer waited for.
fds_while_tracing() {
	local name=$1 cmd_pid
	shift
	tracer_for "$name"
	rm -f cmd.pid
	exec_tracer "$TRACER" "$ARGV0" "$@" -- \
		bash -c 'echo $$ >cmd.pid; exec 3<>go.fifo; read -t 20 x <&3' \
		</dev/zero >tracer.stdout 2>tracer.stderr &
	TRACER_PID=$!
	wait_until "$name: the command writes its pid" test -s cmd.pid || return 1
	cmd_pid=$(<cmd.pid)
	wait_until "$name: the command is traced" tracer_of "$cmd_pid" || return 1
	fds_of "$TRACER_OF" >"$name.fds"
	echo go 1<>go.fifo
	wait "$TRACER_PID" || true
	TRACER_PID=
}

@test "the tracer's own fds 0 and 1 while it traces a command: with -o, without, with -f, with -D" {
	local opts
	for opts in "-o trace" "" "-f -o trace" "-D -o trace" "-DD" "-f -DDD -o trace"; do
		# shellcheck disable=SC2086
		fds_while_tracing ref $opts || return 1
		# shellcheck disable=SC2086
		fds_while_tracing out $opts || return 1
		assert_same_text "the tracer's fds 0-2 with '$opts'" ref.fds out.fds || return 1
	done
	# what strace does, for the record (bad test otherwise)
	assert_equal "0: pipe 02000000" "$(sed -n 1p ref.fds)" "strace's fd 0"
}

# -p alone starts nothing: the tracer keeps what it was given. With a command too, it lets go.
# Each run ends when its target is killed (and the command has ended).
@test "the tracer's own fds 0 and 1 under -p: kept without a command, let go with one" {
	local who with
	for with in no yes; do
		for who in ref out; do
			tracer_for "$who"
			local cmd=()
			[[ $with == yes ]] && cmd=(sleep 0.5)
			sleep 60 &
			TARGET_PID=$!
			exec_tracer "$TRACER" "$ARGV0" -o "$who" -p "$TARGET_PID" "${cmd[@]}" \
				</dev/zero >tracer.stdout 2>tracer.stderr &
			TRACER_PID=$!
			wait_until "$who: attached" tracer_of "$TARGET_PID" || return 1
			# with a command, the tracer lets go once the command is started, before it
			# attaches: by now it has
			fds_of "$TRACER_PID" >"$who.fds"
			kill -KILL "$TARGET_PID"
			wait "$TRACER_PID" || true
			TRACER_PID=
		done
		assert_same_text "the tracer's fds 0-2 under -p (command: $with)" ref.fds out.fds || return 1
	done
}
