#!/usr/bin/env bats
# -t, -tt, -ttt, -r and -T: the same lines as strace with the time fields masked digit for
# digit (so the return-value column is still checked), and times that are true: stamps that
# never go back and lie within the run, durations no longer than the run.

load common

# mask_times FILE...: every time field's digits become N, in place.
mask_times() {
	local f
	for f in "$@"; do
		perl -pi -e 's{(\d\d:\d\d:\d\d(?:\.\d{6})?|\b\d+\.\d{6}\b)}{(my $x = $1) =~ tr/0-9/N/; $x}ge' "$f"
	done
}

# compare_masked MODE: compare ref and out after masking their time fields.
compare_masked() {
	cp ref ref.m
	cp out out.m
	mask_times ref.m out.m
	compare_status
	compare_trace "$1" ref.m out.m
}

@test "-t: time of day before each line" {
	run_both -t -e trace=execve,exit_group -- ./exitwith exit 3
	compare_masked single
	grep -qE '^[0-9]{2}:[0-9]{2}:[0-9]{2} execve\(' out || fail_msg "no HH:MM:SS stamp:" "$(cat out)"
}

@test "-tt: with microseconds, after the pid prefix (-f -o)" {
	run_both -tt -f -e trace=execve,wait4,exit_group -- ./procs fork 2
	compare_masked multi
	grep -qE '^[0-9]+ +[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} ' out || fail_msg "no pid + HH:MM:SS.us" "$(cat out)"
}

@test "-r: time since the previous line; -t -r together" {
	run_both -r -e trace=execve,exit_group -- ./exitwith exit 0
	compare_masked single
	run_both -t -r -e trace=execve,exit_group -- ./exitwith exit 0
	compare_masked single
	grep -qE '^[0-9:]{8} \(\+ +0\.000000\) execve\(' out || fail_msg "first line is not (+ 0.000000)" "$(cat out)"
}

@test "-T: time spent in each call, none on '= ?' lines (-f)" {
	run_both -T -f -e trace=execve,wait4,exit_group -e signal=none -- ./procs fork 2
	compare_masked multi
	grep -qE '= [0-9]+ <[0-9]+\.[0-9]{6}>$' out || fail_msg "no <s.us> after a return value" "$(cat out)"
	! grep -qE '= \? <' out || fail_msg "a duration on a '= ?' line" "$(cat out)"
}

@test "-ttt -T: stamps never go back, lie within the run, durations fit in it" {
	require_estrace
	local start end
	start=$(date +%s.%N)
	run_out -ttt -T -f -e trace=%process -- ./procs fork 3
	end=$(date +%s.%N)
	assert_equal 0 "$OUT_STATUS" "estrace status"
	perl -ne '
		BEGIN { ($start, $end) = @ARGV[0, 1]; @ARGV = ($ARGV[2]); $prev = 0 }
		next unless /^\d+ +(\d+\.\d{6}) /;
		$t = $1;
		die "stamp $t outside the run [$start, $end]\n" if $t < $start - 0.000001 || $t > $end;
		die "stamp $t before $prev\n" if $t < $prev;
		$prev = $t;
		die "duration $1 longer than the run\n" if /<(\d+\.\d{6})>$/ && $1 > $end - $start;
	' "$start" "$end" out || fail_msg "$(cat out)"
}

@test "-T on an exec from a non-leader thread: the duration is that execve's" {
	require_estrace
	local start end
	start=$(date +%s.%N)
	run_out -T -f -e trace=execve -- ./threads exec
	end=$(date +%s.%N)
	assert_equal 0 "$OUT_STATUS" "estrace status"
	grep -q 'superseded by execve' out || fail_msg "no exec from a thread:" "$(cat out)" || return 1
	grep -q '<\.\.\. execve resumed>) *= 0 <' out || fail_msg "no duration on the resumed execve:" "$(cat out)" || return 1
	perl -ne '
		BEGIN { ($start, $end) = @ARGV[0, 1]; @ARGV = ($ARGV[2]) }
		next unless / <(-?[\d.]+)>$/;
		die "duration $1 is not within the run (" . ($end - $start) . " s): $_" if $1 < 0 || $1 > $end - $start;
	' "$start" "$end" out || fail_msg "$(cat out)"
}

# mask_stamps FILE...: the digits of each line's leading time stamp become N, in place (the
# shape, HH:MM:SS or seconds, and the number of fraction digits stay).
mask_stamps() {
	perl -pi -e 's{^([\d:.]+) }{(my $x = $1) =~ tr/0-9/N/; "$x "}e' "$@"
}

@test "--absolute-timestamps given several times: each sets its fields, the others stay" {
	local set
	for set in "precision:ms format:unix" "format:unix precision:ms" "ms unix" "unix ms" \
		"unix,ms time" "unix,ms none" "none ms" "ns none" "none format:unix" \
		"unix ''" "ns ''" "format:unix -" "ms -" "none,ms unix" "unix,ms,s" "ns,unix" \
		"unix,time" "ms,us"; do
		local opts=() a
		for a in $set; do
			case $a in
			-) opts+=(--absolute-timestamps) ;;
			"''") opts+=(--absolute-timestamps=) ;;
			*) opts+=(--absolute-timestamps="$a") ;;
			esac
		done
		run_both "${opts[@]}" -e trace=execve,exit_group -- ./exitwith exit 0
		mask_stamps ref out
		compare_status
		compare_trace single || fail_msg "with: ${opts[*]}" || return 1
	done
}

@test "--timestamps: strace's other spelling of --absolute-timestamps" {
	local a
	for a in --timestamps --timestamps=unix,us "--timestamps=ms --timestamps=format:unix"; do
		# shellcheck disable=SC2086
		run_both $a -e trace=execve,exit_group -- ./exitwith exit 0
		mask_stamps ref out
		compare_status
		compare_trace single || fail_msg "with: $a" || return 1
	done
	cli_error --timestamps=foo -- /bin/true
	cli_error -t --timestamps -- /bin/true
	cli_error --timestamps -tt -- /bin/true
}
