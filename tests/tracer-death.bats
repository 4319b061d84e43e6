#!/usr/bin/env bats
# The tracer's own death: SIGTERM, SIGINT, SIGHUP and SIGKILL sent to the tracer while it traces a
# busy tree (tests/helpers/busytree: processes blocked in syscalls, spinning, making syscalls, with
# threads). Both tracers get the same signal in the same situation: they must end promptly with the
# same status, and leave no task stopped, traced, or holding a seccomp filter without a tracer (such
# a task must die); every task that survives must run on (it proves so when poked with SIGUSR1).

load common

# Traced: the calls the tree blocks in, and those of its proof (fork, execve, wait4).
TREE_TRACE=(-e trace=%process,read,pause,nanosleep,getppid)

# The outer guard: every wait below is bounded, this ends the test if one of them is not.
: "${BATS_TEST_TIMEOUT:=120}"

setup() {
	common_setup
	TRACER_PID=
	TREE_PGID=
}

teardown() {
	[[ -n $TRACER_PID ]] && kill -9 "$TRACER_PID" 2>/dev/null
	[[ -z $TREE_PGID && -s busytree.pids ]] && read -r TREE_PGID _ <busytree.pids
	[[ -n $TREE_PGID ]] && kill -9 -- "-$TREE_PGID" 2>/dev/null
	return 0
}

# The tree's processes, from busytree.pids: TREE_PIDS (all), TREE[NAME] (one); false until all
# 8 are listed.
declare -gA TREE   # -g: bats loads this file inside a function
read_tree() {
	local lines line
	{ mapfile -t lines <busytree.pids; } 2>/dev/null || return 1
	((${#lines[@]} == 8)) || return 1
	TREE_PIDS=()
	for line in "${lines[@]}"; do
		TREE[${line#* }]=${line%% *}
		TREE_PIDS+=("${line%% *}")
	done
}

# settled: all 8 processes started, those that block are asleep, each traced one is traced.
# WHY says what is not, for the message of a wait that times out.
settled() {
	WHY="not all 8 processes listed in busytree.pids"
	read_tree || return 1
	local n pid traced=()
	for n in root blocker sleeper threads parent grandchild; do
		field "${TREE[$n]}" State
		WHY="$n (${TREE[$n]}) not asleep: '$REPLY'"
		[[ $REPLY == S* ]] || return 1
	done
	case $TRACED in
	root) traced=("${TREE[root]}") ;;
	all) traced=("${TREE_PIDS[@]}") ;;
	esac
	for pid in "${traced[@]}"; do
		field "$pid" TracerPid
		WHY="$pid not traced: '$REPLY'"
		[[ -n $REPLY && $REPLY != 0 ]] || return 1
	done
}

# tree_started: busytree.pids names the root, whose pid is the tree's process group.
tree_started() {
	[[ -s busytree.pids ]] && read -r TREE_PGID _ <busytree.pids && [[ -n $TREE_PGID ]]
}

# start_traced NAME OPTS...: the tree under tracer NAME with OPTS, in the background; returns once
# it has settled (with -f: once every process of it is traced).
start_traced() {
	local name=$1
	shift
	TRACED=root
	[[ " $* " == *" -f "* ]] && TRACED=all
	rm -f busytree.pids alive.* dead.*
	tracer_for "$name"
	(close_extra_fds; exec -a "$ARGV0" "$TRACER" "$@" ./busytree </dev/null >"$name.stdout" 2>"$name.stderr") &
	TRACER_PID=$!
	wait_until "the tree starts" tree_started || return 1
	wait_until "the tree settles" settled
}

# start_attached NAME OPTS...: the tree untraced, then tracer NAME attached with -p to all of it.
start_attached() {
	local name=$1
	shift
	rm -f busytree.pids alive.* dead.*
	(close_extra_fds; exec ./busytree </dev/null >/dev/null 2>&1) &
	TRACED=none
	wait_until "the tree starts" tree_started || return 1
	wait_until "the tree settles" settled || return 1
	TRACED=all
	tracer_for "$name"
	local p=() pid
	for pid in "${TREE_PIDS[@]}"; do p+=(-p "$pid"); done
	(close_extra_fds; exec -a "$ARGV0" "$TRACER" "$@" "${p[@]}" </dev/null >"$name.stdout" 2>"$name.stderr") &
	TRACER_PID=$!
	wait_until "the tracer attaches" settled
}

stopped() {
	field "$1" State
	[[ $REPLY == [Tt]* ]]
}

# filtered_pids: in FILTERED, the tree's processes that hold a seccomp filter (the tracer's: the
# tree installs none).
filtered_pids() {
	local pid
	FILTERED=" "
	for pid in "${TREE_PIDS[@]}"; do
		field "$pid" Seccomp
		[[ $REPLY == 2 ]] && FILTERED+="$pid "
	done
	return 0
}

poked() { [[ -e alive.$1 || -e dead.$1 ]]; }

# task_left_well TASK: TASK (PID/task/TID) is alive, untraced, not stopped and holds no filter.
task_left_well() {
	local t=$1 name n
	for n in "${!TREE[@]}"; do
		[[ ${TREE[$n]} == "${t%%/*}" ]] && name=$n
	done
	field "$t" State
	[[ -n $REPLY && $REPLY != Z* ]] || fail_msg "$t ($name) died" || return 1
	[[ $REPLY != [Tt]* ]] || fail_msg "$t ($name) left stopped: $REPLY" || return 1
	field "$t" TracerPid
	[[ $REPLY == 0 ]] || fail_msg "$t ($name) still traced by $REPLY" || return 1
	field "$t" Seccomp
	[[ $REPLY == 0 ]] || fail_msg "$t ($name) holds a filter" || return 1
}

# check_leftovers: after the tracer's end, every process of the tree that held a filter, or was
# sent the tracer's signal (FILTERED), dies; every task of the others is left well, and each of
# them proves that it runs.
check_leftovers() {
	local pid task
	for pid in "${TREE_PIDS[@]}"; do
		if [[ $FILTERED == *" $pid "* ]]; then
			wait_until "$pid, which held the filter, dies" gone_or_zombie "$pid" || return 1
			continue
		fi
		for task in /proc/"$pid"/task/*; do
			task_left_well "${task#/proc/}" || return 1
		done
		kill -USR1 "$pid"
	done
	for pid in "${TREE_PIDS[@]}"; do
		[[ $FILTERED == *" $pid "* ]] && continue
		wait_until "$pid proves that it runs" poked "$pid" || return 1
		[[ ! -e dead.$pid ]] || fail_msg "$pid cannot run untraced: $(cat "dead.$pid")" || return 1
	done
	kill -9 -- "-$TREE_PGID"
	TREE_PGID=
}

# death_case SIG [--attach] OPTS...: both tracers, started on the tree, get SIG; the same status,
# and nothing is left behind. --attach: -p to the whole tree. --no-seccomp-bpf goes to the tracer
# under test only (strace 6.1 has neither the option nor the filter by default). STOP_ROOT set:
# the root is stopped (SIGSTOP) before the tracer gets SIG.
death_case() {
	local sig=$1 who start=start_traced opt
	shift
	[[ $1 == --attach ]] && { start=start_attached; shift; }
	for who in ref out; do
		local opts=()
		for opt; do
			[[ $opt == --no-seccomp-bpf ]] && { [[ $who == ref ]] || is_self_check; } && continue
			opts+=("$opt")
		done
		$start "$who" "${opts[@]}" || return 1
		if [[ -n ${STOP_ROOT-} ]]; then
			kill -STOP "${TREE[root]}"
			wait_until "the root stops" stopped "${TREE[root]}" || return 1
		fi
		filtered_pids
		# a caught signal is passed on to the command the tracer started: the root dies of it
		[[ $start == start_traced && $sig != KILL && " ${opts[*]} " != *" -I1 "* ]] &&
			FILTERED+="${TREE[root]} "
		end_tracer "$who" "$sig" || return 1
		check_leftovers || return 1
	done
	assert_equal "$((128 + $(kill -l "$sig")))" "$REF_STATUS" "strace's status (bad test?)"
	compare_status
}

@test "SIGTERM with -I1, -f: same status as strace, filtered tracees killed, none left stopped" {
	death_case TERM -I1 -f -o trace "${TREE_TRACE[@]}"
}

# tracer_messages NAME: the tracer's stderr, program name and numbers normalised, sorted (the
# order in which tasks are attached or detached is the scheduler's).
tracer_messages() {
	normalize text "$1.stderr" | sed 's/[0-9][0-9]*/N/g' | LC_ALL=C sort
}

@test "-I1 leaves SIGTERM alone, as strace: no 'detached' lines, no -c table; -I2 detaches and reports" {
	local who
	death_case TERM -I1 -c -f "${TREE_TRACE[@]}"
	assert_same_text "tracer messages at -I1 (sorted)" <(tracer_messages ref) <(tracer_messages out)
	assert_contains out.stderr 'attached'
	refute_contains out.stderr 'detached'
	refute_contains out.stderr '% time'
	death_case TERM -I2 --no-seccomp-bpf -c -f "${TREE_TRACE[@]}"
	for who in ref out; do
		assert_contains "$who.stderr" '% time'
		grep -c ' detached$' "$who.stderr" >"$who.detached" || true
	done
	assert_equal "$(cat ref.detached)" "$(cat out.detached)" "'Process N detached' lines"
}

@test "-I2: the command the tracer started gets its signal too, stopped or not (--no-seccomp-bpf)" {
	death_case TERM -I2 --no-seccomp-bpf -f -o trace "${TREE_TRACE[@]}"
	STOP_ROOT=1 death_case INT -I2 --no-seccomp-bpf -f -o trace "${TREE_TRACE[@]}"
	STOP_ROOT=1 death_case HUP -I2 --no-seccomp-bpf -o trace "${TREE_TRACE[@]}"
}

@test "SIGINT and SIGHUP with -I1, -f --no-seccomp-bpf: every tracee is detached and runs on" {
	death_case INT -I1 --no-seccomp-bpf -f -o trace "${TREE_TRACE[@]}"
	death_case HUP -I1 --no-seccomp-bpf -f -o trace "${TREE_TRACE[@]}"
}

@test "SIGKILL, -f: the filter's holders die (PTRACE_O_EXITKILL), the others run on" {
	death_case KILL -f -o trace "${TREE_TRACE[@]}"
	death_case KILL --no-seccomp-bpf -f -o trace "${TREE_TRACE[@]}"
}

@test "-p to the whole tree with -f: SIGINT, SIGTERM and SIGKILL detach every task" {
	death_case INT --attach -f -o trace "${TREE_TRACE[@]}"
	death_case TERM --attach -f -o trace "${TREE_TRACE[@]}"
	death_case KILL --attach -f -o trace "${TREE_TRACE[@]}"
}
