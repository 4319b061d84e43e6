#!/usr/bin/env bats
# Every option that --help lists does something: for each one, a run with it and the same run
# without it must end differently (status, stdout, stderr or trace files). An option that is
# accepted but ignored fails here; an option added to --help without a line here fails the last
# test. estrace-only: the point is estrace's own option table.

load common

setup() {
	common_setup
	require_estrace
}

# outcome NAME OPTS... -- CMD...: estrace OPTS CMD with the trace on stderr (unless OPTS say -o);
# NAME gets its status, stdout, stderr and any t.txt* trace files, numbers masked (pids,
# addresses and times vary between two runs; what an option changes is the shape).
outcome() {
	local name=$1 f
	shift
	rm -f t.txt*
	echo "previous content" >t.txt
	run_tracer "$ESTRACE" run "$(tracer_name)" --stderr "$@"
	{
		echo "status $RUN_STATUS"
		cat run.stdout
		echo "--- stderr"
		cat run.stderr
		for f in t.txt*; do
			echo "--- $f"
			cat "$f"
		done
	} | sed -E 's/0x[0-9a-f]+/ADDR/g; s/[0-9]+/N/g; s/t\.txt\.N/t.txt.PID/' >"$name"
}

# effect OPTION [ARGS...] -- REST...: the run with OPTION ARGS and REST differs from the run
# with REST alone. The tests' lines name the options they cover (see the last test).
effect() {
	local with=()
	while [[ $1 != -- ]]; do
		with+=("$1")
		shift
	done
	shift
	outcome without "$@"
	outcome with "${with[@]}" "$@"
	if cmp -s without with; then
		fail_msg "${with[*]} made no difference to: estrace $*" "$(cat with)"
	fi
}

@test "tracing options change what is traced" {
	effect -f -- -e trace=execve -- /bin/sh -c '/bin/true; :'
	effect --output-separately -- -o t.txt --follow-forks -e trace=execve -- /bin/sh -c '/bin/true; :'
	effect --follow-forks -- -e trace=execve -- /bin/sh -c '/bin/true; :'
	effect -e trace=execve -- -- /bin/true
	effect --trace=execve -- -- /bin/true
	effect --signal=none -- -e trace=none -- /bin/sh -c 'kill -CHLD $$'
	effect -b execve -- -f -e trace=execve -- /bin/sh -c '/bin/true; :'
	effect --detach-on=execve -- -f -e trace=execve -- /bin/sh -c '/bin/true; :'
	effect --no-seccomp-bpf -- -f -e trace=none -- /bin/sh -c 'grep -q "Seccomp:.*2" /proc/self/status && echo filtered'
	effect --seccomp-bpf -- -e trace=execve -- /bin/true
	effect -z -- -e trace=execve,access -- /bin/true
	effect --successful-only -- -e trace=execve,access -- /bin/true
	effect -Z -- -e trace=execve,access -- /bin/true
	effect --failed-only -- -e trace=execve,access -- /bin/true
	effect --status=failed -- -e trace=execve,access -- /bin/true
}

@test "output options change where and how the trace is written" {
	effect -o t.txt -- -e trace=execve -- /bin/true
	effect -A -- -o t.txt -e trace=execve -- /bin/true
	effect -q -- -f -e trace=execve -- /bin/sh -c '/bin/true; :'
	effect --quiet=attach -- -f -e trace=execve -- /bin/sh -c '/bin/true; :'
	effect --silent=exit -- -e trace=execve -- /bin/true
	effect --silence=all -- -f -e trace=execve -- /bin/sh -c '/bin/true; :'
	effect -s 3 -- -e trace=execve -- /bin/echo hello-world
	effect -v -- -e trace=execve -- /bin/true
	effect --abbrev=none -- -e trace=execve -- /bin/true
	effect --verbose=none -- -e trace=execve -- /bin/true
	effect --raw=all -- -e trace=execve -- /bin/true
	effect -a 80 -- -e trace=execve -- /bin/true
	effect -x -- -e trace=execve -- /bin/echo $'\x01'
	effect --strings-in-hex=all -- -e trace=execve -- /bin/true
	effect -X raw -- -e trace=clone -- /bin/sh -c '/bin/true; :'
	effect --const-print-style=verbose -- -e trace=clone -- /bin/sh -c '/bin/true; :'
	effect -n -- -e trace=execve -- /bin/true
	effect -i -- -e trace=execve -- /bin/true
	effect --tips -- -e trace=none -- /bin/true
	effect -y -- -e trace=execveat -- ./execbad execveat-dirfd /bin/true
	effect --decode-fds=path -- -e trace=execveat -- ./execbad execveat-dirfd /bin/true
	effect -Y -- -f -e trace=execve -- /bin/sh -c '/bin/true; :'
	effect --decode-pids=comm -- -f -e trace=execve -- /bin/sh -c '/bin/true; :'
	effect --always-show-pid -- -e trace=execve -- /bin/true
	effect -t -- -e trace=execve -- /bin/true
	effect --absolute-timestamps=format:unix -- -e trace=execve -- /bin/true
	effect --timestamps -- -e trace=execve -- /bin/true
	effect -r -- -e trace=execve -- /bin/true
	effect -T -- -e trace=exit_group,wait4 -- /bin/sh -c '/bin/true; :'
	effect -k -- -e trace=execve -- /bin/true
	effect --stack-traces -- -e trace=execve -- /bin/true
	effect --stack-trace-frame-limit=1 -- -k -e trace=execve,exit_group -- /bin/true
}

@test "summary options change the table" {
	effect -c -- -e trace=execve -- /bin/true
	effect -C -- -e trace=execve -- /bin/true
	effect -U name,calls -- -c -e trace=execve -- /bin/true
	effect -S name -- -e trace=execve -- /bin/true        # without -c: a warning
	# covered here: -w (wall-clock time: the time in a 0.3 s wait4 shows only with it)
	run_out --stderr -c -w -U total-time,name -e trace=wait4 -- /bin/sh -c '/bin/sleep 0.3; :'
	grep -qE '^ +0\.[2-9][0-9]* wait4$' out.stderr || fail_msg "-w: no 0.3 s in wait4:" "$(cat out.stderr)"
	run_out --stderr -c -U total-time,name -e trace=wait4 -- /bin/sh -c '/bin/sleep 0.3; :'
	grep -qE '^ +0\.0[0-9]* wait4$' out.stderr || fail_msg "without -w: wait4 took system time:" "$(cat out.stderr)"
	# covered here: -O (a second of overhead zeroes the 0.3 s in wait4 that -w shows)
	run_out --stderr -c -w -O 1s -U total-time,name -e trace=wait4 -- /bin/sh -c '/bin/sleep 0.3; :'
	grep -qE '^ +0\.000000 wait4$' out.stderr || fail_msg "-O 1s: time left in wait4:" "$(cat out.stderr)"
}

@test "process options change which processes are traced and how estrace ends" {
	effect -I 3 -- -e trace=none -- /bin/sh -c 'kill -INT $PPID; /bin/true'
	/bin/sleep 2 &
	local sleeper=$!
	effect -p "$sleeper" -- -e trace=none
	kill "$sleeper" 2>/dev/null || true
	effect -h -- -- /bin/true
	effect -E FOO=bar -- -e trace=none -- /usr/bin/env
	effect -u nobody -- -e trace=none -- /usr/bin/id -un
	effect --argv0=other -- -e trace=execve -- /bin/true
	effect -D -- -e trace=none -- /bin/sh -c 'cat /proc/$PPID/comm'
	effect --daemonize=grandchild -- -e trace=none -- /bin/sh -c 'cat /proc/$PPID/comm'
	effect --syscall-limit=1 -- -e trace=execve,access -- /bin/true
	/bin/sleep 2 &
	sleeper=$!
	effect --kill-on-exit -- -p "$sleeper"   # refused with -p: at least not ignored
	kill "$sleeper" 2>/dev/null || true
	effect -V -- -- /bin/true
	effect -I never -- -e trace=none -- /bin/sh -c 'kill -INT $PPID; /bin/true'
	effect --secontext -- -e trace=none -- /bin/true   # refused: at least not ignored
}

@test "every option --help lists has a line in this file" {
	"$ESTRACE" --help >help.txt
	local listed covered missing=()
	listed=$(grep -oE '^  (-[a-zA-Z]|--[a-z0-9-]+)(, --[a-z0-9-]+)?' help.txt | grep -oE -- '-[a-zA-Z]\b|--[a-z0-9-]+' | sort -u)
	covered=$(grep -oE -e "^[[:space:]]*effect +-[-a-zA-Z0-9]+" -e "covered here: -[-a-zA-Z0-9]+" "$BATS_TEST_FILENAME" |
		grep -oE -- '-[-a-zA-Z0-9]+$' | sort -u)
	local opt
	for opt in $listed; do
		grep -qxF -- "$opt" <<<"$covered" || missing+=("$opt")
	done
	# each short option and its long form are one option: covering either is enough
	local still=()
	for opt in "${missing[@]}"; do
		local line
		line=$(grep -E "^  ([^ ]*, )?$opt([ ,=[]|\$)" help.txt | head -n 1)
		local other
		for other in $(grep -oE -- '-[a-zA-Z]\b|--[a-z0-9-]+' <<<"${line%%  [a-z]*}"); do
			grep -qxF -- "$other" <<<"$covered" && continue 2
		done
		still+=("$opt")
	done
	# --pidns-translation changes nothing in one pid namespace, as in strace: cli-errors.bats
	# checks that the trace is strace's with it
	local left=()
	for opt in "${still[@]}"; do
		[[ $opt == --pidns-translation ]] || left+=("$opt")
	done
	still=("${left[@]}")
	((${#still[@]} == 0)) || fail_msg "options in --help with no effect test here: ${still[*]}"
	[[ $(wc -l <<<"$listed") -gt 30 ]] || fail_msg "could not read the options from --help:" "$listed"
}
