#!/usr/bin/env bats
# Torture under load: many children, a deep fork chain, threads that fork, exec from a thread
# while the others sleep in system calls, 300 queued real-time signals, vfork children that never
# exec, SIGKILL in the middle of a system call, and one pid reused by 100 children in a row.
# Every case runs tests/helpers/torture under both tracers: the helper's own verdict and status,
# the trace (compared per process with strace 6.1), the number of execve lines, and that no
# process outlives the run.

load common

setup() {
	common_setup
}

teardown() {
	local p
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
