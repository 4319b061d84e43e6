#!/usr/bin/env bats
# The call summary: -c (table instead of the trace), -C (trace and table), -w, -S, -U.
# Times differ between two runs, so the time columns (% time, seconds, shortest, longest,
# usecs/call) are masked cell by cell, keeping their widths; names, calls, errors, the
# column layout and the total row must match strace exactly, and so must the row order
# of every sort key that does not depend on time. Time-sorted tables are compared as
# sets of rows.

load common

# The calls the tests make: a known number of calls and errors per syscall (see
# helpers/calls.c): dup and fchdir always fail, process_vm_readv and sched_rr_get_interval
# have long names.
CALLS=(./calls getppid:5 dup:3 fchdir:3 umask:1 getuid:2 sched_yield:2 dup:1)
CALLS_SET=getppid,dup,fchdir,umask,getuid,sched_yield

# summary_split FILE [--unordered]: FILE.table is the summary at the end of FILE with every
# time cell masked as '#'s of the same width (and, with --unordered, the rows between the
# dash lines sorted); FILE.trace is what precedes the table.
summary_split() {
	perl -e '
		my ($f, $unordered) = @ARGV;
		open(my $in, "<", $f) or die "$f: $!\n";
		my @l = map { chomp; $_ } <$in>;
		my ($d) = grep { $l[$_] =~ /^-+( -+)*$/ } 0 .. $#l;
		open(my $tr, ">", "$f.trace") or die;
		open(my $tb, ">", "$f.table") or die;
		if (!defined $d || $d == 0) { print $tr "$_\n" for @l; exit 0; }
		print $tr "$_\n" for @l[0 .. $d - 2];
		my @w = map { length } split / /, $l[$d];
		my @time;
		my $pos = 0;
		for my $w (@w) {
			my $h = substr($l[$d - 1], $pos, $w);
			$h =~ s/^ +| +$//g;
			push @time, [$pos, $w] if $h =~ /^(% time|seconds|shortest|longest|usecs\/call)$/;
			$pos += $w + 1;
		}
		my @t = @l[$d - 1 .. $#l];
		for my $i (2 .. $#t) {
			next if $t[$i] =~ /^-+( -+)*$/;
			for my $c (@time) {
				substr($t[$i], $c->[0], $c->[1]) = "#" x $c->[1] if length($t[$i]) >= $c->[0] + $c->[1];
			}
		}
		if ($unordered) {
			my ($end) = grep { $t[$_] =~ /^-+( -+)*$/ } 2 .. $#t;
			@t[2 .. $end - 1] = sort @t[2 .. $end - 1] if defined $end;
		}
		print $tb "$_\n" for @t;
	' "$@"
}

# compare_summary [--unordered]: status, and the tables of ref and out.
compare_summary() {
	compare_status || return 1
	summary_split ref "$@"
	summary_split out "$@"
	[[ -s ref.table ]] || fail_msg "strace printed no summary (bad test?)" "$(cat ref)" || return 1
	assert_same_text "summary table" ref.table out.table
}

@test "-c: calls and errors per syscall, strace's columns and total row (-S calls)" {
	run_both -c -S calls -e trace=$CALLS_SET -- "${CALLS[@]}"
	compare_summary
	compare_stdout
	assert_contains out.table '        5           getppid'
	assert_contains out.table '        4         4 dup'
	assert_contains out.table '       17         7 total'
	assert_equal "" "$(cat out.trace)" "trace lines under -c"
}

@test "-c: rows sorted by calls, errors, name and nothing, and the keys' aliases" {
	local key
	for key in calls count errors error name syscall syscall-name syscall_name nothing none; do
		run_both -c -S "$key" -U calls,errors,name -e trace=$CALLS_SET -- "${CALLS[@]}"
		compare_summary || fail_msg "with -S $key" || return 1
	done
	# ties (sched_yield, number 24, and getuid, 102: 2 calls each) keep syscall number order
	run_out -c -S calls -U calls,name -e trace=$CALLS_SET -- "${CALLS[@]}"
	grep -A1 ' sched_yield$' out | grep -q ' getuid$' || fail_msg "tie order:" "$(cat out)"
}

@test "-c: sorted by time (default) and the other time keys: the same rows" {
	local key
	for key in "" time time-percent total-time min-time shortest max-time longest avg-time time_avg; do
		run_both -c ${key:+-S "$key"} -e trace=$CALLS_SET -- "${CALLS[@]}"
		compare_summary --unordered || fail_msg "with -S '$key'" || return 1
	done
}

@test "-U: every column, in the order given, the name added last when not named" {
	run_both -c -S name -U time-percent,total-time,min-time,max-time,avg-time,calls,errors,name \
		-e trace=$CALLS_SET -- "${CALLS[@]}"
	compare_summary
	run_both -c -S name -U errors,calls -e trace=$CALLS_SET -- "${CALLS[@]}"
	compare_summary
	head -n 1 out.table | grep -qx '   errors     calls syscall' || fail_msg "$(head -n 1 out.table)"
}

@test "-U: the name in the middle is padded; the aliases strace accepts" {
	local cols
	for cols in name,calls,errors calls,name,errors time,calls time_percent,total_time \
		time-total,time_total,calls min_time,max_time time-min,time-max time_min,time_max \
		avg_time,count time-avg,error syscall,count syscall-name,calls syscall_name,calls; do
		run_both -c -S name -U "$cols" -e trace=$CALLS_SET -- "${CALLS[@]}"
		compare_summary || fail_msg "with -U $cols" || return 1
	done
}

@test "-c: long syscall names widen the name column" {
	run_both -c -S name -U name,calls,errors -e trace=getppid,process_vm_readv -- \
		./calls process_vm_readv:2 getppid:1
	compare_summary
	run_both -c -S name -U calls,name -e trace=getppid,sched_rr_get_interval -- \
		./calls sched_rr_get_interval:1 getppid:1
	compare_summary
	grep -qx -- '--------- ----------------------' out.table || fail_msg "$(cat out.table)"
}

@test "-c -e trace=all: every syscall of the run, the dynamic loader's too" {
	run_both -c -S name -U name,calls,errors -e trace=all -- "${CALLS[@]}"
	compare_summary
	! grep -q exit_group out.table || fail_msg "exit_group never returns: not counted" "$(cat out.table)"
}

@test "-c to stderr, and with -o FILE the table goes to the file" {
	run_both --stderr -c -S calls -e trace=$CALLS_SET -- "${CALLS[@]}"
	compare_summary
	run_both -c -S calls -e trace=$CALLS_SET -- "${CALLS[@]}"
	compare_summary
	assert_equal "" "$(cat out.stderr)" "tracer stderr with -o"
}

@test "-C: the trace, then the table" {
	run_both -C -S calls -e trace=%process -- ./procs fork 2
	compare_summary
	compare_trace single ref.trace out.trace
	assert_contains out.trace '+++ exited with 0 +++'
	run_both --stderr -C -S calls -e trace=%process -- ./procs serial 2
	compare_summary
	compare_trace single ref.trace out.trace
}

@test "-c -f: the calls of all processes together; attach messages stay" {
	run_both --stderr -c -f -S calls -U calls,errors,name -e trace=%process,getppid -- ./procs fork 2
	compare_summary
	local nref nout
	nref=$(grep -c 'strace: Process [0-9]* attached' ref.trace)
	nout=$(grep -Ec '^e?strace: Process [0-9]+ attached' out.trace)
	assert_equal "$nref" "$nout" "number of attach messages"
	run_both -c -f -S name -U calls,errors,name -e trace=%process -- ./threads join 3
	compare_summary
}

@test "-C -f -o FILE: pid prefixes on the trace, none on the table" {
	run_both -C -f -S name -e trace=%process -- ./procs tree 2
	compare_summary --unordered
	compare_trace multi ref.trace out.trace
}

@test "-c: a call cut short by exit_group is not counted; an exec from a thread is" {
	run_both -c -f -S name -U calls,errors,name -e trace=%process,futex -- ./threads exit-group 5
	compare_summary
	run_both -c -f -S name -U calls,errors,name -e trace=execve,exit_group -- ./threads exec
	compare_summary
	assert_contains out.table '        2           execve'
}

@test "-c: an interrupted call counts as a call and an error, its restart as another call" {
	run_both -c -S name -U calls,errors,name -e trace=readv,rt_sigreturn -- ./calls intr-restart intr-eintr
	compare_summary
	assert_contains out.table '        3         2 readv'
	run_both -c -f -S name -U calls,errors,name -e trace=readv,rt_sigreturn,kill -- ./calls intr-restart
	compare_summary
	assert_contains out.table '        2         1 readv'
}

@test "-c: a failed exec of the command is counted; no calls counted, no table" {
	printf 'not a program\n' >noexec
	chmod 644 noexec
	run_both -c -S name -U calls,errors,name -e trace=execve -- ./noexec
	compare_summary
	compare_messages
	run_both -c -e trace=exit_group -- ./calls getppid:1
	compare_status
	assert_equal "" "$(cat ref)" "strace output (bad test?)"
	assert_equal "" "$(cat out)" "summary with nothing counted"
}

@test "-w: wall-clock times, the same table" {
	run_both -c -w -S calls -U min-time,max-time,total-time,avg-time,calls,errors,name \
		-e trace=$CALLS_SET -- "${CALLS[@]}"
	compare_summary
	run_both -C --summary-wall-clock -S calls -e trace=$CALLS_SET -- "${CALLS[@]}"
	compare_summary
}

@test "long options: --summary-only, --summary, --summary-sort-by, --summary-columns" {
	run_both --summary-only --summary-sort-by=errors --summary-columns=errors,calls \
		-e trace=$CALLS_SET -- "${CALLS[@]}"
	compare_summary
	run_both --summary --summary-sort-by name -e trace=%process -- ./procs fork 1
	compare_summary
	compare_trace single ref.trace out.trace
}

@test "-c: killed by SIGTERM, the tracer prints the table first" {
	run_both --stderr -c -S name -U calls,name -e trace=getppid -- ./calls getppid:3 term-parent
	compare_summary
	assert_contains out.table '        3 getppid'
}

@test "-h lists the summary options" {
	run_both --stderr -h --
	local opt
	for opt in -c -C -w -S -U --summary-only --summary --summary-wall-clock --summary-sort-by \
		--summary-columns; do
		grep -Eq -- "(^|[[ ,])$opt([] ,=]|\$)" out.stdout || fail_msg "-h output does not mention $opt" || return 1
	done
}

# summary_error OPTS... -- CMD...: both fail with status 1 and the same messages.
summary_error() {
	run_both --stderr "$@"
	assert_equal 1 "$REF_STATUS" "strace exit status (bad test?)" && compare_status && compare_messages
}

@test "bad -S values: strace's message and usage hint" {
	local v
	for v in bogus '' TIME calls, percent usecs/call; do
		summary_error -c -S "$v" -- ./calls || fail_msg "with -S '$v'" || return 1
	done
	assert_contains out.stderr.norm "TRACER: invalid sortby: 'usecs/call'"
	assert_contains out.stderr.norm "Try 'TRACER -h' for more information."
}

@test "bad -U values: unknown names, empty names, columns given twice" {
	local v
	for v in bogus '' calls, ,calls calls,,name nothing seconds 'calls,calls' \
		'name,calls,name,errors' 'time,time-percent' 'count,name,calls,bogus' 'calls,bogus,calls'; do
		summary_error -c -U "$v" -- ./calls || fail_msg "with -U '$v'" || return 1
	done
	assert_contains out.stderr.norm "TRACER: unknown column name: 'bogus'"
	summary_error -c -U name,calls,count,errors -- ./calls
	assert_contains out.stderr.norm \
		"call summary column has been provided more than once: 'count' (-U option residual: 'count,errors')"
}

@test "options that need -c or -C, and options that exclude them" {
	summary_error -c -C -- ./calls
	assert_contains out.stderr.norm "TRACER: -c/--summary-only and -C/--summary are mutually exclusive"
	summary_error -C -c -- ./calls
	summary_error -c -C -s abc -- ./calls   # seen while parsing: before the bad -s
	summary_error -c -C
	summary_error -c -ff -- ./calls
	summary_error -C -ff -o trace -- ./calls
	summary_error -w -- ./calls
	summary_error -w -U calls -- ./calls
	summary_error -U calls -- ./calls
	summary_error -w                          # no command: that comes first
	summary_error -ff -o '|cat' -c -- ./calls
}

@test "warnings: -S without -c; -t, -r and -T with -c" {
	run_both -S calls -e trace=none -- ./calls getppid:1
	compare_status
	compare_messages
	assert_contains out.stderr.norm "TRACER: -S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)"
	run_both --stderr -c -T -t -r -A -U calls -e trace=getppid -- ./calls getppid:1
	compare_summary
	compare_messages
	assert_contains out.stderr.norm "TRACER: -T/--syscall-times has no effect with -c/--summary-only"
	run_both -C -T -t -U calls -e trace=getppid -- ./calls getppid:1
	compare_messages
}

@test "called as strace (a link named strace): -c counts every syscall, strace's default set" {
	mkdir -p bin
	ln -sf "$ESTRACE" bin/strace
	run_ref -c -S name -U name,calls,errors -- "${CALLS[@]}"
	run_tracer "$T/bin/strace" out "$T/bin/strace" -c -S name -U name,calls,errors -- "${CALLS[@]}"
	compare_summary
	assert_contains out.table 'mmap'
}

@test "-O: the overhead is taken off each call's time, down to 0 (-w)" {
	local o
	# an overhead of a second or more zeroes every time cell: no cell is masked
	for o in 1s 1000000 1e3ms 5s 1e20 +2s ' 3s'; do
		run_both -c -w -O "$o" -U total-time,min-time,max-time,calls,name -S name \
			-e trace=wait4,getuid -- /bin/sh -c './calls getuid:3; /bin/sleep 0.01; :'
		compare_status
		assert_same_text "summary with -O '$o'" ref out || return 1
	done
	for o in 1e3 2.5ms .5 1. 1e-3s 0.0000001 10ns; do   # accepted
		run_both -c -O "$o" -e trace=getuid -- ./calls getuid:3
		compare_status || return 1
		assert_equal "" "$(grep -v '^[- %a-z0-9.]*$' out.stderr)" "messages with -O '$o'"
	done
	run_out -c -w -O 200ms -U total-time,name -e trace=wait4 -- /bin/sh -c '/bin/sleep 0.3; :'
	grep -qE '^ +0\.(0[5-9]|1|2[0-4])[0-9]* wait4$' out ||
		fail_msg "-O 200ms off a 0.3 s wait4 is not about 0.1 s:" "$(cat out)"
	run_out -c -w --summary-syscall-overhead=0 -U total-time,name -e trace=wait4 -- /bin/sh -c '/bin/sleep 0.3; :'
	grep -qE '^ +0\.[2-9][0-9]* wait4$' out || fail_msg "-O 0 took time off:" "$(cat out)"
}

@test "-O: bad values, strace's message" {
	local o
	for o in 1h -1 abc '' 0x10 inf nan '1 ' 1S 1MS 1e; do
		cli_error -c -O "$o" -- /bin/true
	done
	cli_error -c --summary-syscall-overhead=1x -- /bin/true
}
