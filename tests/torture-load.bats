#!/usr/bin/env bats
# Torture under load: many children, a deep fork chain, threads that fork, exec from a thread
# while the others sleep in system calls, 300 queued real-time signals, vfork children that never
# exec, SIGKILL in the middle of a system call, one pid reused by 100 children in a row, and -p
# to workers that exec in a loop, detached by SIGINT.
# Every case runs tests/helpers/torture under both tracers: the helper's own verdict and status,
# the trace (compared per process with strace 6.1), the number of execve lines, and that no
# process outlives the run.  The -p cases cannot compare traces line by line (what the workers
# do while attached varies): they check the same properties of both traces against the log the
# workers keep of their execs.

load common

setup() {
	common_setup
	TRACER_PID=
	LOOP_PID=
}

teardown() {
	local p
	[[ -n $TRACER_PID ]] && kill -9 "$TRACER_PID" 2>/dev/null
	[[ -n $LOOP_PID ]] && kill -9 -- "-$LOOP_PID" 2>/dev/null && wait "$LOOP_PID" 2>/dev/null
	for p in $(leftovers); do
		kill -9 "$p" 2>/dev/null || true
	done
}

# leftovers: pids of processes that run in this test's directory outside the test's own process
# group.  The traced commands run there in timeout's group (see run_clean); the bats shells of
# the test share its directory but not that group.
leftovers() {
	perl -e '
		my ($dir) = @ARGV;
		sub group { my ($f) = @_; open(my $h, "<", $f) or return -1; my $s = <$h>;
			return ($s =~ /\) \S+ \d+ (\d+)/)[0] // -1; }
		my $mine = group("/proc/self/stat");
		for my $p (glob "/proc/[0-9]*") {
			my $cwd = readlink("$p/cwd") // next;
			next if $cwd ne $dir;
			my $g = group("$p/stat");
			print substr($p, 6), "\n" if $g != $mine && $g != -1;
		}
	' "$T"
}

# assert_nothing_left: every process the traced runs started ends (an orphan may still be on
# its way out when the tracer exits: up to 20 s are allowed for that).
assert_nothing_left() {
	local i left
	for ((i = 0; i < 400; i++)); do
		left=$(leftovers)
		[[ -z $left ]] && return 0
		sleep 0.05
	done
	# shellcheck disable=SC2086
	fail_msg "processes left behind:" "$(ps -o pid,stat,wchan:20,args -p "$(echo $left | tr ' ' ,)")"
}

# count LABEL EXPECTED REGEX: both normalised traces have EXPECTED lines matching REGEX.
count() {
	local label=$1 want=$2 re=$3 f n
	for f in ref.norm out.norm; do
		n=$(grep -cE -- "$re" "$f" || true)
		[[ $n == "$want" ]] || fail_msg "$f: $n $label lines, expected $want" || return 1
	done
}

# count_execs N: every execve of the run appears exactly once in each trace.
count_execs() {
	count execve "$1" '^(\{[^}]*\} )?execve\('
}

# helper_ok: under both tracers the helper said "ok" and exited 0, and nothing is left.
helper_ok() {
	assert_equal 0 "$REF_STATUS" "exit status under strace (bad test?)"
	assert_equal 0 "$OUT_STATUS" "exit status under the tracer under test"
	assert_contains out.stdout "ok: $1"
	assert_nothing_left
}

@test "300 children alive at once, each execs /bin/true (-f)" {
	run_both -f -e trace=%process -- ./torture children 300
	compare_all multi
	helper_ok "every child exited 0"
	count_execs 301
	assert_contains out.norm '=== 301 processes ==='
}

@test "a fork chain 300 deep, an exec at the bottom (-f)" {
	run_both -f -e trace=%process -- ./torture chain 300
	compare_all multi
	helper_ok "bottom of the chain"
	count_execs 2
	assert_contains out.norm '=== 301 processes ==='
	assert_contains out.norm 'execve("./torture", ["torture", "exit", "0"], 0xADDR /* 1 var */) = 0'
}

# The main thread's getppid count varies from run to run: its lines are left out of the
# comparison but must be there.
@test "64 threads fork and exec while the main thread calls getppid (-f)" {
	run_both -f -e trace=%process,getppid -- ./torture thread-forks 64
	compare_status
	compare_stdout
	local f
	for f in ref out; do
		normalize multi "$f" >"$f.all"
		grep -q '^getppid() = [0-9]*$' "$f.all" || fail_msg "$f: no getppid line"
		grep -v '^getppid() = [0-9]*$' "$f.all" >"$f.norm"
	done
	assert_same_text "trace without getppid, multi" ref.norm out.norm
	helper_ok "every thread's child exited 0"
	count_execs 65
	assert_contains out.norm '=== 129 processes ==='
}

# exec_blocked MODE OPTS...: torture exec-blocked under both tracers with OPTS, its trace compared
# in MODE.  The calls the threads sleep in are shown in strace's raw form: estrace has no
# decoder for them.
exec_blocked() {
	local mode=$1
	shift
	run_both "$@" -e trace=%process,read,clock_nanosleep,futex,pause \
		-e raw=read,clock_nanosleep,futex,pause -- ./torture exec-blocked
	compare_all "$mode"
	helper_ok "exec from a thread while the others slept"
	count_execs 2
}

@test "exec from a thread while the others sleep in read, clock_nanosleep, futex, pause (-f)" {
	exec_blocked multi -f
	assert_contains out.norm '+++ superseded by execve in pid PID +++'
	count "cut short read" 1 '^read\(0x3, 0xADDR, 0x1\) = \?$'
	count "cut short futex" 1 '^futex\(0xADDR, 0x80, 0, 0, 0, 0\) = \?$'
	count "cut short pause" 1 '^pause\(\) = \?$'
	count "cut short clock_nanosleep" 1 '^clock_nanosleep\(0, 0, 0xADDR, 0xADDR\) = \?$'
}

@test "exec from a thread while the others sleep (-ff)" {
	exec_blocked ff -ff
}

# glibc's SIGRTMIN is the kernel's 34, which strace calls SIGRT_2.  The first value is 0, which
# strace leaves out.
@test "300 queued real-time signals, all delivered in order" {
	run_both -e trace=rt_sigqueueinfo -- ./torture rt-signals 300
	compare_all single
	helper_ok "every queued signal delivered, in order"
	count rt_sigqueueinfo 300 '^rt_sigqueueinfo\(PID, SIGRT_2, \{si_signo=SIGRT_2, si_code=SI_QUEUE, '
	count "signal" 300 '^--- SIGRT_2 \{si_signo=SIGRT_2, si_code=SI_QUEUE, '
	assert_contains out.norm '--- SIGRT_2 {si_signo=SIGRT_2, si_code=SI_QUEUE, si_pid=PID, si_uid=0} ---'
	assert_contains out.norm '--- SIGRT_2 {si_signo=SIGRT_2, si_code=SI_QUEUE, si_pid=PID, si_uid=0, si_int=299, si_ptr=0x12b} ---'
}

@test "100 vfork children that never exec (-f)" {
	run_both -f -e trace=%process,getppid -- ./torture vfork-noexec 100
	compare_all multi
	helper_ok "every vfork child exited with its own status"
	count_execs 1
	assert_contains out.norm '=== 101 processes ==='
	assert_contains out.norm '+++ exited with 99 +++'
}

# On stderr strace prints "Process N attached" in the middle of the parent's vfork line.
@test "100 vfork children that never exec, stderr layout (-f)" {
	run_both --stderr -f -e trace=%process,getppid -- ./torture vfork-noexec 100
	compare_all stderr
	helper_ok "every vfork child exited with its own status"
	count_execs 1
}

@test "SIGKILL from another process in the middle of read" {
	run_both -e trace=%process,read -e raw=read -- ./torture kill-blocked
	compare_all single
	assert_equal 137 "$OUT_STATUS" "tracer exit status"
	tail -n 2 out.norm >out.end
	printf '%-40s= ?\n+++ killed by SIGKILL +++\n' 'read(0x3, 0xADDR, 0x1)' >out.end.expected
	assert_same_text "end of the trace" out.end.expected out.end
	assert_nothing_left
}

@test "SIGKILL from a traced child in the middle of read (-f)" {
	run_both -f -e trace=%process -- ./torture kill-blocked
	compare_all multi
	assert_equal 137 "$OUT_STATUS" "tracer exit status"
	assert_contains out.norm 'kill(PID, SIGKILL) = 0'
	assert_contains out.norm '+++ killed by SIGKILL +++'
	assert_nothing_left
}

# run_both_pidns OPTS... -- CMD...: run_both with each tracer as the init of a new pid namespace
# with its own /proc, where the helper may set ns_last_pid without racing the rest of the machine.
run_both_pidns() {
	local unshare
	unshare=$(command -v unshare) || fail_msg "unshare (util-linux) not found" || return 1
	run_tracer "$unshare" ref unshare -p -f --mount-proc "$STRACE" "$@"
	run_tracer "$unshare" out unshare -p -f --mount-proc "$ESTRACE" "$@"
}

# reused_pid_lives N: the normalised lines of the helper's child pid under pid-reuse N: one life
# per child, in order (every fourth one execs).
reused_pid_lives() {
	local i code
	echo "=== process ==="
	for ((i = 0; i < $1; i++)); do
		code=$((100 + i % 100))
		((i % 4)) || echo "execve(\"./torture\", [\"torture\", \"exit\", \"$code\"], 0xADDR /* 1 var */) = 0"
		echo "exit_group($code) = ?"
		echo "+++ exited with $code +++"
	done
	echo "=== 1 processes ==="
}

@test "one pid reused by 100 children in a row: each line goes to its own child (-f)" {
	run_both_pidns -f -e trace=%process -- ./torture pid-reuse 100
	compare_all multi
	helper_ok "every child had the same pid and its own status"
	count_execs 26
	local child
	child=$(sed -n 's/^\([0-9]*\) *+++ exited with 100 +++$/\1/p' out)
	grep "^$child " out >out.child
	normalize multi out.child >out.child.norm
	reused_pid_lives 100 >child.expected
	assert_same_text "the reused pid's lines" child.expected out.child.norm
}

@test "one pid reused by 20 children in a row: its -ff file holds the last child (-ff)" {
	run_both_pidns -ff -e trace=%process -- ./torture pid-reuse 20
	compare_all ff
	helper_ok "every child had the same pid and its own status"
	assert_contains out.norm '=== 2 processes ==='
	local last
	last=$(grep -l '^+++ exited with 119 +++$' out.[0-9]*)
	printf '%-40s= ?\n+++ exited with 119 +++\n' 'exit_group(119)' >last.expected
	assert_same_text "the reused pid's file" last.expected "$last"
}

# ---------------------------------------------------------------------------
# -p to a workload that execs: torture exec-loop (see torture.c for its files and ids)

LOOP_WORKERS=3
LOOP_EXECERS=(0 1 2 4)   # execer 2W is worker W's main thread, 1 the first worker's thread
TRACED_EXECS=20          # execs that each tracer sees before it is told to stop

# start_exec_loop: the workload, untraced, in its own process group LOOP_PID; returns once each
# of its execers has exec'd. The workers' pids in LOOP_WORKER_PIDS.
start_exec_loop() {
	rm -f exec-loop.* stop idle.*
	(close_extra_fds; exec env -i "${RUN_ENV[@]}" ./torture exec-loop "$LOOP_WORKERS" \
		</dev/null >exec-loop.out 2>&1) &
	LOOP_PID=$!
	wait_until "the workers start" test -s exec-loop.pids || return 1
	mapfile -t LOOP_WORKER_PIDS <exec-loop.pids
	LOG_FROM=0
	wait_until "each execer execs" execs_since_mark 0
}

# log_since_mark: the lines the exec'd programs logged since LOG_FROM (see mark_log).
log_since_mark() {
	[[ -e exec-loop.log ]] || return 0   # no exec has run yet
	tail -n "+$((LOG_FROM + 1))" exec-loop.log
}

# mark_log: what is logged from now on is log_since_mark's. The previous phase's execs are all
# logged by then (each phase ends with the workers quiesced).
mark_log() {
	LOG_FROM=$(wc -l <exec-loop.log)
}

# execs_since_mark TRACERPID: every execer has logged an exec with that TracerPid since the mark.
execs_since_mark() {
	local e
	log_since_mark >log.part
	for e in "${LOOP_EXECERS[@]}"; do
		WHY="no exec of execer $e with TracerPid $1"
		grep -qE "^$e\.[0-9]+ [0-9]+ $1$" log.part || return 1
	done
}

# traced_execs_logged N: N execs logged with TracerPid TRACER_PID since the mark.
traced_execs_logged() {
	local n
	n=$(log_since_mark | grep -cE " $TRACER_PID$")
	WHY="$n so far"
	((n >= $1))
}

# attach_exec_loop NAME: tracer NAME (ref, out) attached with -f -p to every worker, in the
# background; returns once it has traced TRACED_EXECS execs.
attach_exec_loop() {
	local name=$1 p=() pid
	tracer_for "$name"
	for pid in "${LOOP_WORKER_PIDS[@]}"; do p+=(-p "$pid"); done
	mark_log
	(close_extra_fds; exec -a "$ARGV0" "$TRACER" -f -o "$name" -e trace=execve "${p[@]}" \
		</dev/null >"$name.stdout" 2>"$name.stderr") &
	TRACER_PID=$!
	TRACED_BY=$TRACER_PID
	wait_until "$name traces $TRACED_EXECS execs" traced_execs_logged "$TRACED_EXECS"
}

all_idle() {
	local e
	for e in "${LOOP_EXECERS[@]}"; do
		WHY="execer $e still execs, or waits for a child"
		[[ -e idle.$e ]] || return 1
	done
}

# quiesce: the workers stop exec'ing and each has reaped its last child. A child left stopped
# by a tracer is never reaped: this wait times out.
quiesce() {
	touch stop
	wait_until "every execer idles, each child reaped" all_idle
}

# worker_tasks: the tasks of every worker, one a line, sorted.
worker_tasks() {
	local pid t
	for pid in "${LOOP_WORKER_PIDS[@]}"; do
		for t in /proc/"$pid"/task/*; do echo "${t##*/}"; done
	done | LC_ALL=C sort
}

# workers_left_well: every task of the workers is alive, untraced, not stopped.
workers_left_well() {
	local t
	for t in $(worker_tasks); do
		field "$t" State
		[[ -n $REPLY && $REPLY != Z* ]] || fail_msg "worker task $t died" || return 1
		[[ $REPLY != [Tt]* ]] || fail_msg "worker task $t left stopped: $REPLY" || return 1
		field "$t" TracerPid
		[[ $REPLY == 0 ]] || fail_msg "worker task $t still traced by $REPLY" || return 1
	done
}

# runs_on: untraced, each execer execs again once the stop file is gone.
runs_on() {
	mark_log
	rm -f stop
	wait_until "each execer execs again, untraced" execs_since_mark 0
}

# The execs in trace NAME as "ID PID" lines, sorted: those that completed (= 0), an execve
# split by another process's line joined to its resumption. An execve left unfinished (or cut
# by the detach) is "unfinished ID PID"; any other result or line of the trace is said as such.
TRACED_EXECS_PL='
my %open;
while (<>) {
	chomp;
	my ($pid, $l) = /^(\d+) +(.*)$/ or do { print "no pid prefix: $_\n"; next; };
	if ($l =~ /^execve\(.*, \["torture", "logged", "([\d.]+)"\], .*?(?: <(?:unfinished|detached) \.\.\.>|\) += (.*))$/) {
		my ($id, $ret) = ($1, $2);
		if (!defined $ret) { $open{$pid} = $id; }
		elsif ($ret eq "0") { print "$id $pid\n"; }
		else { print "failed $id $pid: $ret\n"; }
	} elsif ($l =~ /^<\.\.\. execve resumed>\) += (.*)$/ && exists $open{$pid}) {
		my $id = delete $open{$pid};
		print $1 eq "0" ? "$id $pid\n" : "failed $id $pid: $1\n";
	} elsif ($l !~ /^\+\+\+ exited with 0 \+\+\+$/) {
		print "unexpected line: $_\n";
	}
}
print "unfinished $open{$_} $_\n" for keys %open;
'

# traced_execs NAME: see TRACED_EXECS_PL; in NAME.execs.
traced_execs() {
	perl -e "$TRACED_EXECS_PL" "$1" | LC_ALL=C sort >"$1.execs"
}

# logged_execs NAME: the execs logged with TracerPid TRACED_BY since the mark, "ID PID", sorted,
# in NAME.logged.
logged_execs() {
	log_since_mark | awk -v t="$TRACED_BY" '$3 == t { print $1, $2 }' | LC_ALL=C sort >"$1.logged"
}

# workers_attached NAME: NAME's "attached" messages about the workers (not their children).
workers_attached() {
	local pid
	for pid in "${LOOP_WORKER_PIDS[@]}"; do
		grep -E "^[a-z]+: Process $pid attached" "$1.stderr" | sed 's/^[a-z]*: /TRACER: /'
	done
}

# detached NAME: the pids of NAME's "Process N detached" messages, sorted, in NAME.detached.
detached() {
	sed -n 's/^[a-z]*: Process \([0-9]*\) detached$/\1/p' "$1.stderr" | LC_ALL=C sort >"$1.detached"
}

@test "-p to workers that exec in a loop (-f): each exec while attached is traced once; SIGINT detaches all" {
	start_exec_loop
	for who in ref out; do
		attach_exec_loop "$who"
		quiesce
		end_tracer "$who" INT
		traced_execs "$who"
		logged_execs "$who"
		assert_same_text "$who: execs traced (expected: those logged with its TracerPid)" \
			"$who.logged" "$who.execs"
		detached "$who"
		assert_same_text "$who: 'Process N detached' (expected: every worker task)" \
			<(worker_tasks) "$who.detached"
		workers_left_well
		runs_on
	done
	assert_equal 130 "$REF_STATUS" "strace's status (bad test?)"
	compare_status
	assert_same_text "messages on attaching the workers" <(workers_attached ref) <(workers_attached out)
}

# in_log LABEL FILE: every "ID PID" line of FILE is an exec the workers logged since the mark.
in_log() {
	log_since_mark | awk '{ print $1, $2 }' | LC_ALL=C sort >log.execs
	LC_ALL=C comm -23 "$2" log.execs >not-logged
	[[ ! -s not-logged ]] || fail_msg "$1 that never happened (not in the log):" "$(head not-logged)"
}

# execs_cut_short_well NAME: in trace NAME, cut short by the detach, no exec is shown twice and
# none that did not happen (an exec left unfinished happened too, untraced); each exec that ran
# traced past its end (logged with the tracer's pid) is shown complete.
execs_cut_short_well() {
	local who=$1
	traced_execs "$who"
	logged_execs "$who"
	grep -vE '^(unfinished )?[0-9.]+ [0-9]+$' "$who.execs" >"$who.bad" || true
	assert_same_text "$who: lines of the trace other than execs and exits" /dev/null "$who.bad"
	grep -E '^[0-9.]+ [0-9]+$' "$who.execs" >"$who.completed" || true
	sed 's/^unfinished //' "$who.execs" | LC_ALL=C sort >"$who.entered"
	assert_same_text "$who: execs shown twice" /dev/null <(cut -d' ' -f1 "$who.entered" | uniq -d)
	in_log "$who: execs traced" "$who.entered"
	LC_ALL=C comm -23 "$who.logged" "$who.completed" >"$who.lost"
	assert_same_text "$who: execs logged with its TracerPid, but not traced" /dev/null "$who.lost"
}

# detached_cut_short_well NAME: every worker task detached, none twice; any other task detached
# is a child of theirs (a pid in the log: it exec'd, traced or not).
detached_cut_short_well() {
	local who=$1
	detached "$who"
	assert_same_text "$who: tasks detached twice" /dev/null <(uniq -d "$who.detached")
	LC_ALL=C comm -23 <(worker_tasks) "$who.detached" >"$who.not-detached"
	assert_same_text "$who: worker tasks not detached" /dev/null "$who.not-detached"
	log_since_mark | awk '{ print $2 }' | LC_ALL=C sort -u >log.pids
	LC_ALL=C comm -13 <(worker_tasks) "$who.detached" | LC_ALL=C comm -23 - log.pids >"$who.strangers"
	assert_same_text "$who: detached tasks that are neither workers nor their children" \
		/dev/null "$who.strangers"
}

# SIGINT in the middle of execs: whatever each tracer was doing, its trace tells no lie about
# them, and it leaves nothing stopped (quiesce waits for each child to be reaped).
@test "SIGINT while the workers exec (-f -p): no exec lost, doubled or invented; none left stopped" {
	start_exec_loop
	for who in ref out; do
		attach_exec_loop "$who"
		end_tracer "$who" INT
		quiesce
		execs_cut_short_well "$who"
		detached_cut_short_well "$who"
		workers_left_well
		runs_on
	done
	assert_equal 130 "$REF_STATUS" "strace's status (bad test?)"
	compare_status
}
