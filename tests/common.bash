# Shared helpers for the estrace bats suite.  Load with `load common`.
#
# Every comparison test runs the reference strace and the tracer under test
# ($ESTRACE) with the same options on the same deterministic command, then
# compares the two outputs after normalising what legitimately differs
# between two runs (pids, addresses, CPU times, the program name).
#
# Environment:
#   ESTRACE   tracer under test      (default: ../src/estrace next to this file)
#   HELPERS   built helper programs  (default: ./helpers next to this file)
#   STRACE    reference strace       (default: strace found in PATH)
#   TRACE_TIMEOUT  seconds before a traced run is killed (default 60)
#
# Self-check mode: when ESTRACE is strace itself, every comparison must pass
# (that is how the suite is validated); tests of estrace-only behaviour call
# require_estrace and are skipped in that mode only.

: "${ESTRACE:=$BATS_TEST_DIRNAME/../src/estrace}"
: "${HELPERS:=$BATS_TEST_DIRNAME/helpers}"
: "${STRACE:=$(command -v strace)}"
: "${TRACE_TIMEOUT:=60}"
# tests cd into their own directory: make the paths absolute
[[ $ESTRACE == */* ]] || ESTRACE=$(command -v "$ESTRACE" || echo "$ESTRACE")
[[ $ESTRACE == /* ]] || ESTRACE=$PWD/$ESTRACE
[[ $HELPERS == /* ]] || HELPERS=$PWD/$HELPERS
export ESTRACE HELPERS STRACE
TIMEOUT_BIN=$(command -v timeout)
PERL_BIN=$(command -v perl)

# The environment of every traced command: small, fixed, and free of
# strings longer than strace's default 32-byte limit.
RUN_ENV=(PATH=/usr/bin:/bin)

setup() {
	common_setup
}

common_setup() {
	[[ -n $STRACE && -x $STRACE ]] || skip "reference strace not found"
	[[ -x $ESTRACE ]] || fail_msg "tracer under test not found: ESTRACE=$ESTRACE"
	[[ -x $HELPERS/procs ]] || fail_msg "helper programs not built: HELPERS=$HELPERS" \
		"(make check builds them; or: gcc -pthread tests/helpers/X.c -o DIR/X)"
	T=$BATS_TEST_TMPDIR
	cd "$T" || return 1
	local h
	for h in "$HELPERS"/*; do
		[[ -f $h && -x $h ]] || continue
		ln -sf "$h" "./${h##*/}"
	done
	ulimit -Sc 0
}

fail_msg() {
	printf '%s\n' "$@" >&2
	return 1
}

# True when the tracer under test is the reference strace itself.
is_self_check() {
	[[ $(readlink -f "$ESTRACE") == "$(readlink -f "$STRACE")" ]]
}

# Skip a test of estrace-only behaviour when validating against strace.
require_estrace() {
	if is_self_check; then
		skip "estrace-only behaviour (ESTRACE is strace)"
	fi
}

# Skip a test of i386 tracees where there are none to trace: configure found no compiler that
# builds them (gcc -m32), or this kernel cannot run them (no IA32 emulation).
require_i386() {
	[[ -x $HELPERS/stackchain32-static ]] ||
		skip "no i386 test programs: configure found no gcc -m32 (install gcc-multilib)"
	local why
	why=$("$HELPERS/stackchain32-static" exec 2>&1) ||
		skip "this kernel cannot run i386 programs: ${why:-it exits non-zero}"
}

# Program name the tracer under test uses in its messages when run_out runs it: its plain name,
# given as argv[0]. Both tracers name themselves after argv[0] as invoked, so one run as
# "$ESTRACE" (a path) says "/path/to/estrace: ..."; the normaliser below takes either form.
tracer_name() {
	if is_self_check; then echo strace; else echo estrace; fi
}

# close_extra_fds: close every descriptor above 2 (bats keeps several open)
# so that traced programs get the same, predictable descriptor numbers.
close_extra_fds() {
	local fd n
	for fd in /proc/$BASHPID/fd/*; do
		n=${fd##*/}
		[[ $n =~ ^[0-9]+$ ]] && ((n > 2)) && eval "exec $n>&-"
	done
	return 0
}

# run_clean [--argv0 NAME] CMD...: run CMD with only fds 0-2, the fixed
# environment RUN_ENV and a time limit; with --argv0, CMD gets NAME as its
# argv[0] (tracers name themselves after argv[0] in messages).  Returns
# CMD's status.
run_clean() {
	local argv0=
	if [[ $1 == --argv0 ]]; then
		argv0=$2
		shift 2
	fi
	(
		close_extra_fds
		if [[ -n $argv0 ]]; then
			exec env -i "${RUN_ENV[@]}" "$TIMEOUT_BIN" -k 10 "$TRACE_TIMEOUT" \
				"$PERL_BIN" -e 'my $p = shift; exec { $p } @ARGV or die "exec $p: $!\n"' \
				"$1" "$argv0" "${@:2}"
		fi
		exec env -i "${RUN_ENV[@]}" "$TIMEOUT_BIN" -k 10 "$TRACE_TIMEOUT" "$@"
	)
}

# run_tracer TRACER NAME ARGV0 [--stderr] OPTS... -- CMD...
# Runs TRACER OPTS -o NAME CMD in the test dir with the fixed environment
# and argv[0] ARGV0 ("strace", or "estrace" for the tracer under test).
# Files: NAME (trace; with -ff: NAME.<tid>), NAME.stdout, NAME.stderr.
# With --stderr no -o is given and the trace is NAME (a copy of stderr).
# Sets NAME_STATUS (REF_STATUS / OUT_STATUS for ref / out).
run_tracer() {
	local tracer=$1 name=$2 argv0=$3
	shift 3
	local to_stderr=0
	if [[ ${1-} == --stderr ]]; then
		to_stderr=1
		shift
	fi
	local opts=()
	while [[ $# -gt 0 && $1 != -- ]]; do
		opts+=("$1")
		shift
	done
	[[ ${1-} == -- ]] && shift
	rm -f "$name" "$name".[0-9]* "$name.stdout" "$name.stderr"
	local st=0
	if ((to_stderr)); then
		run_clean --argv0 "$argv0" "$tracer" "${opts[@]}" "$@" \
			</dev/null >"$name.stdout" 2>"$name.stderr" || st=$?
		cp "$name.stderr" "$name"
	else
		run_clean --argv0 "$argv0" "$tracer" "${opts[@]}" -o "$name" "$@" \
			</dev/null >"$name.stdout" 2>"$name.stderr" || st=$?
	fi
	local var
	var=$(tr '[:lower:]' '[:upper:]' <<<"$name")_STATUS
	printf -v "$var" '%s' "$st"
	return 0
}

run_ref() { run_tracer "$STRACE" ref strace "$@"; }
run_out() { run_tracer "$ESTRACE" out "$(tracer_name)" "$@"; }

# run_both [--stderr] OPTS... -- CMD...
# Runs strace (files ref*) and the tracer under test (files out*) with the
# same options.  Sets REF_STATUS and OUT_STATUS.
run_both() {
	run_ref "$@"
	run_out "$@"
}

# ---------------------------------------------------------------------------
# Tracers in the background (-p, the tracer's own death): a tracer started with `&`, its pid in
# TRACER_PID, watched through /proc.

# wait_until DESCRIPTION CMD...: poll CMD until it succeeds, 30 s at most: a bound in time, not
# in tries (on a loaded machine each try is slow). CMD may say in WHY what is missing.
wait_until() {
	local what=$1 end=$((SECONDS + 30))
	shift
	WHY=
	until "$@"; do
		((SECONDS <= end)) || fail_msg "timed out waiting for: $what${WHY:+ ($WHY)}" || return 1
		sleep 0.05
	done
}

# field PID/TASK NAME: a field of /proc/PID/status in REPLY (empty when gone). No fork: polls
# run it often, on a machine that a busy workload keeps busy.
field() {
	local lines line
	REPLY=
	{ mapfile -t lines <"/proc/$1/status"; } 2>/dev/null || return 0
	for line in "${lines[@]}"; do
		if [[ $line == "$2:"* ]]; then
			REPLY=${line#"$2:"}
			REPLY=${REPLY#"${REPLY%%[![:space:]]*}"}
			return 0
		fi
	done
}

gone_or_zombie() {
	field "$1" State
	[[ -z $REPLY || $REPLY == Z* ]]
}

# tracer_for NAME: sets TRACER and ARGV0 (ref: strace; out: the tracer under test).
tracer_for() {
	TRACER=$STRACE ARGV0=strace
	if [[ $1 == out ]]; then
		TRACER=$ESTRACE ARGV0=$(tracer_name)
	fi
}

# end_tracer NAME SIG: send SIG to the tracer TRACER_PID, wait (bounded) for its end; its status
# in NAME_STATUS (REF_STATUS, OUT_STATUS).
end_tracer() {
	local st=0
	kill -"$2" "$TRACER_PID"
	wait_until "the tracer ends after SIG$2" gone_or_zombie "$TRACER_PID" || return 1
	wait "$TRACER_PID" || st=$?
	TRACER_PID=
	printf -v "${1^^}_STATUS" '%s' "$st"
}

# ---------------------------------------------------------------------------
# Normalisation

# The normaliser, in Perl.  Usage: perl -e "$NORMALIZE_PL" MODE FILE...
#   single  one process: exact lines; pids -> PID, addresses -> 0xADDR;
#           the return-value column is re-checked and re-padded so that
#           replacing a pid by PID does not move it.
#   multi   -f -o FILE: lines grouped per pid prefix ("%-5d "), see below.
#   stderr  -f to stderr: per pid prefix "[pid %5d] "; unprefixed lines
#           belong to the first process; "Process N attached" removed.
#   ff      -ff -o FILE: one group per FILE.<tid>.
#   text    messages: program name (plain or a path) at line start -> TRACER:.
# Groups: every "X <unfinished ...>" is joined with the same pid's next
# "<... NAME resumed>Y" into "XY", runs of spaces outside strings are
# squeezed, and the groups are printed sorted, so interleaving between
# processes does not matter but the order within each process does.
NORMALIZE_PL='
use strict; use warnings;
my ($mode, @files) = @ARGV;
my %pids;
# What may stand before a call on a line: "{comm} " (the -Y pid prefix, moved there), a
# -n syscall number "[ 61] " and a -i instruction pointer "[00007f1b9350fb70] " (its digits
# may be masked as x by the test).
my $lead = qr/(?:\{[^}]*\} )?(?:\[ *\d+\] )?(?:\[[0-9a-fx?]{8,16}\] )?/;
# the name of the tracer as invoked: plain, or a path ("/usr/bin/strace", "./estrace"); a path
# has a directory or starts with "." so that the "/" of a "*/" the message lands after stays
my $prog_re = qr/(?:\/?(?:[^\s\/:*("]+\/)+|\.{1,2}\/)?(?:e?strace|TRACER)/;

sub slurp { my $f = shift; open(my $fh, "<", $f) or return ""; local $/; my $s = <$fh>; close $fh; return defined $s ? $s : ""; }

# Split a line into [text, is_quoted] segments.
sub segments {
	my ($line) = @_;
	my @out; my $cur = ""; my $inq = 0;
	for my $tok (split /(\\.|")/s, $line) {
		next if $tok eq "";
		if ($tok eq "\"") {
			if ($inq) { $cur .= $tok; push @out, [$cur, 1]; $cur = ""; $inq = 0; }
			else { push @out, [$cur, 0] if $cur ne ""; $cur = $tok; $inq = 1; }
		} else { $cur .= $tok; }
	}
	push @out, [$cur, $inq] if $cur ne "";
	return @out;
}

sub map_unquoted {
	my ($line, $fn) = @_;
	return join "", map { $_->[1] ? $_->[0] : $fn->($_->[0]) } segments($line);
}

sub collect_pids {
	my ($l) = @_;
	$pids{$1} = 1 if $l =~ /^$lead(?:(?:clone3?|v?fork)\(|<\.\.\. (?:clone3?|v?fork) resumed>).*\) += (\d+)(?:<[^>]*>)?$/;
	$pids{$1} = 1 if $l =~ /^(?:getpid|gettid)\(\) += (\d+)(?:<[^>]*>)?$/;
	$pids{$1} = 1 if $l =~ /^set_tid_address\(.*\) += (\d+)$/;
	$pids{$1} = 1 while $l =~ /\bsi_pid=(\d+)/g;
	# clone with CLONE_PIDFD (and so without CLONE_PARENT_SETTID) writes a descriptor there
	if ($l !~ /^$lead(?:clone\(|<\.\.\. clone resumed>)/ || $l =~ /CLONE_PARENT_SETTID/) {
		$pids{$1} = 1 while $l =~ /parent_tid=\[(\d+)\]/g;
	}
	$pids{$1} = 1 if $l =~ /<pid changed to (\d+) \.\.\.>/;
	$pids{$1} = 1 if $l =~ /superseded by execve in pid (\d+)/;
	$pids{$1} = 1 if $l =~ /Process (\d+) (?:attached|detached)/;
	$pids{$1} = 1 if $l =~ /(?:Exit of|Detached) unknown pid (\d+)/;
	$pids{$1} = 1 if $l =~ /\[ Process PID=(\d+) runs in /;
	$pids{$1} = 1 while $l =~ /<pid:(\d+)>/g;
}

sub subst_unquoted {
	my ($s, $squeeze) = @_;
	$s =~ s/0x[0-9a-f]{5,}/0xADDR/g;
	$s =~ s/<e?strace>/<TRACER>/g;   # -Y: the command before its exec is a fork of the tracer
	$s =~ s{\b(si_[us]time)=\d+(?: /\* [\d.]+ s \*/)?}{$1=N}g;
	$s =~ s/(?<![\w.])(\d+)(?![\w.])/exists $pids{$1} && $1 > 0 ? "PID" : $1/ge;
	$s =~ s/ {2,}/ /g if $squeeze;
	return $s;
}

sub norm_line {
	my ($l, $squeeze) = @_;
	$l =~ s/^$prog_re: /TRACER: /;
	return map_unquoted($l, sub { subst_unquoted($_[0], $squeeze) });
}

# Position of the last " = " outside strings, or -1.
sub ret_pos {
	my ($l) = @_;
	my $pos = 0; my $found = -1;
	for my $seg (segments($l)) {
		if (!$seg->[1]) {
			my $i = -1;
			while (($i = index($seg->[0], " = ", $i + 1)) >= 0) { $found = $pos + $i; }
		}
		$pos += length $seg->[0];
	}
	return $found;
}

# Exact single-process line: check the alignment of the return value
# (strace pads so that "= " starts at column 40 unless the call is longer),
# then normalise and re-pad the same way.
sub norm_single {
	my ($l) = @_;
	my $p = ret_pos($l);
	return norm_line($l, 0) if $p < 0 || $l =~ /^(?:---|\+\+\+) /;
	my $pre = substr($l, 0, $p); my $post = substr($l, $p);
	(my $nat = $pre) =~ s/ +$//;
	my $bad = length($pre) != (length($nat) < 39 ? 39 : length($nat));
	my $npre = norm_line($nat, 0);
	$npre .= " " x (39 - length $npre) if length $npre < 39;
	my $r = $npre . norm_line($post, 0);
	$r .= "   <<< \"=\" of the return value not at column 40 (0-based, found at " . (length($pre) + 1) . ")" if $bad;
	return $r;
}

sub join_resumed {
	my @lines = @_; my @out;
	for my $l (@lines) {
		if (@out && $out[-1] =~ /^(.*) <unfinished \.\.\.>$/s) {
			my $x = $1;
			if ($l =~ /^$lead<\.\.\. ([\w@]+) resumed>(.*)$/s) {
				my ($name, $y) = ($1, $2);
				if ($x =~ /^$lead\Q$name\E\(/) { $out[-1] = $x . $y; next; }
			}
		}
		push @out, $l;
	}
	return @out;
}

sub print_groups {
	my (%g) = @_;
	my @blocks;
	for my $k (keys %g) {
		my @ls = join_resumed(@{$g{$k}});
		push @blocks, join("", map { norm_line($_, 1) . "\n" } @ls);
	}
	my $n = 0;
	for my $b (sort @blocks) { $n++; print "=== process ===\n", $b; }
	print "=== $n processes ===\n";
}

if ($mode eq "text") {
	for my $f (@files) { for my $l (split /\n/, slurp($f), -1) { $l =~ s/^$prog_re: /TRACER: /; $l =~ s/\x27$prog_re -h\x27/\x27TRACER -h\x27/g; print "$l\n"; } }
	exit 0;
}
if ($mode eq "single") {
	my @lines = split /\n/, join("", map { slurp($_) } @files);
	collect_pids($_) for @lines;
	print norm_single($_), "\n" for @lines;
	exit 0;
}
my %g; my @order;
if ($mode eq "ff") {
	# files NAME.<tid>
	for my $f (@files) {
		my ($tid) = $f =~ /\.(\d+)$/ or do { push @{$g{"bad file name $f"}}, "<<< unexpected file $f"; next; };
		$pids{$tid} = 1;
		my @ls = split /\n/, slurp($f);
		collect_pids($_) for @ls;
		push @{$g{$tid}}, @ls;
	}
	print_groups(%g);
	exit 0;
}
my $text = join "", map { slurp($_) } @files;
if ($mode eq "stderr") {
	$pids{$1} = 1 while $text =~ /$prog_re: Process (\d+) attached\n/g;
	$text =~ s/$prog_re: Process \d+ attached\n//g;
}
my @parsed;
for my $l (split /\n/, $text) {
	my ($pid, $rest);
	if ($mode eq "multi") {
		if ($l =~ /^(\d+)(<[^>]*>)?( +)(.*)$/s) {
			my $comm = $2;
			($pid, $rest) = ($1, $4);
			# "%-5d " without -Y; "PID<comm> " with it
			my $want = defined $comm ? "$pid$comm " : sprintf("%-5d ", $pid);
			$rest .= "   <<< bad pid prefix \"$1" . ($comm // "") . "$3\"" if $1 . ($comm // "") . $3 ne $want;
			$rest = "{$comm} $rest" if defined $comm;
		} else { ($pid, $rest) = ("noprefix", $l . "   <<< no pid prefix"); }
	} else {
		if ($l =~ /^\[pid( +)(\d+)(<[^>]*>)?\] (.*)$/s) {
			($pid, $rest) = ($2, $4);
			$rest .= "   <<< bad pid prefix" if sprintf("[pid %5d] ", $pid) ne "[pid$1$2] ";
			# -Y: the name is dropped here, since whether a line has a prefix at all depends on
			# when a dead process was reaped; -o -f files ("multi") keep it
			$rest .= "   <<< bad name in the pid prefix" if defined $3 && $3 !~ /^<[^<>]+>$/;
		} else { ($pid, $rest) = ("leader", $l); }
	}
	$pids{$pid} = 1 if $pid =~ /^\d+$/;
	collect_pids($rest);
	push @parsed, [$pid, $rest];
}
if ($mode eq "stderr") {
	# the first process is the prefixed pid that no clone returned
	my %children;
	for my $p (@parsed) {
		$children{$1} = 1 if $p->[1] =~ /^$lead(?:(?:clone3?|v?fork)\(|<\.\.\. (?:clone3?|v?fork) resumed>).*\) += (\d+)(?:<[^>]*>)?$/;
		$children{$1} = 1 if $p->[1] =~ /parent_tid=\[(\d+)\]/;
	}
	my %cand = map { $_->[0] => 1 } grep { $_->[0] =~ /^\d+$/ && !$children{$_->[0]} } @parsed;
	my @c = keys %cand;
	if (@c == 1) { $_->[0] = $c[0] for grep { $_->[0] eq "leader" } @parsed; }
}
push @{$g{$_->[0]}}, $_->[1] for @parsed;
print_groups(%g);
'

# normalize MODE FILE...: print the normalised form (see NORMALIZE_PL).
normalize() {
	perl -e "$NORMALIZE_PL" "$@"
}

# Files of a -ff run: NAME.<digits>, sorted.
ff_files() {
	local f
	for f in "$1".*; do
		[[ $f =~ \.[0-9]+$ ]] && printf '%s\n' "$f"
	done | sort
}

# assert_same_text LABEL EXPECTED_FILE ACTUAL_FILE
# Fails with a unified diff (expected = strace) when the files differ.
assert_same_text() {
	local label=$1 exp=$2 act=$3
	if ! cmp -s "$exp" "$act"; then
		{
			echo "MISMATCH ($label): --- strace (reference)  +++ tracer under test"
			diff -u "$exp" "$act" | head -n "${DIFF_LINES:-150}"
		} >&2
		return 1
	fi
}

# compare_trace MODE [REF OUT]: normalise the reference and tested traces
# in MODE (single, multi, stderr, ff) and fail with a diff when they differ.
compare_trace() {
	local mode=$1 ref=${2:-ref} out=${3:-out}
	if [[ $mode == ff ]]; then
		local rf of
		rf=$(ff_files "$ref")
		of=$(ff_files "$out")
		[[ -n $rf ]] || fail_msg "reference produced no $ref.<tid> files" || return 1
		if [[ -z $of ]]; then
			fail_msg "tracer under test produced no $out.<tid> files" \
				"files present: $(ls)" || return 1
		fi
		# shellcheck disable=SC2086
		normalize ff $rf >"$ref.norm"
		# shellcheck disable=SC2086
		normalize ff $of >"$out.norm"
	else
		[[ -e $out ]] || fail_msg "tracer under test wrote no trace file '$out'" \
			"status $OUT_STATUS, stderr:" "$(head -n 20 "$out.stderr" 2>/dev/null)" || return 1
		normalize "$mode" "$ref" >"$ref.norm"
		normalize "$mode" "$out" >"$out.norm"
	fi
	[[ -s $ref.norm ]] || fail_msg "reference trace is empty (bad test?)" || return 1
	assert_same_text "trace, $mode" "$ref.norm" "$out.norm"
}

# compare_status: the tracers' exit statuses must be equal.
compare_status() {
	if [[ $REF_STATUS != "$OUT_STATUS" ]]; then
		fail_msg "exit status: strace $REF_STATUS, tracer under test $OUT_STATUS" \
			"tracer stderr:" "$(head -n 20 out.stderr)"
		return 1
	fi
}

# compare_stdout: what the traced command printed must be equal.
compare_stdout() {
	assert_same_text "command stdout" ref.stdout out.stdout
}

# compare_messages: the tracers' stderr, program name normalised.
compare_messages() {
	normalize text ref.stderr >ref.stderr.norm
	normalize text out.stderr >out.stderr.norm
	assert_same_text "tracer messages (stderr)" ref.stderr.norm out.stderr.norm
}

# cli_error OPTS... -- CMD...: run both, expect status 1 and equal stderr.
cli_error() {
	run_both --stderr "$@"
	assert_equal 1 "$REF_STATUS" "strace exit status (bad test?)"
	compare_status
	compare_messages
	assert_equal "" "$(cat out.stdout)" "tracer stdout"
}

# compare_all MODE: status, command output and trace (all three are
# checked and reported before failing).
compare_all() {
	local rc=0
	compare_status || rc=1
	compare_stdout || rc=1
	compare_trace "$@" || rc=1
	return $rc
}

# assert_contains FILE STRING: fixed-string search, with a short report.
assert_contains() {
	local file=$1 str=$2
	# the pattern goes through a file: it may exceed the argument size limit
	printf '%s\n' "$str" >"$T/.pattern"
	if ! grep -qF -f "$T/.pattern" -- "$file"; then
		{
			echo "expected $file to contain (${#str} bytes):"
			printf '%s\n' "${str:0:300}"
			echo "--- $file (first 20 lines, 300 columns):"
			head -n 20 "$file" | cut -c1-300
		} >&2
		return 1
	fi
}

# refute_contains FILE STRING: FILE does not contain STRING.
refute_contains() {
	if grep -qF -- "$2" "$1"; then
		fail_msg "$1 should not contain: $2" "$(head -n 20 "$1")"
		return 1
	fi
}

# assert_equal EXPECTED ACTUAL [LABEL]
assert_equal() {
	if [[ $1 != "$2" ]]; then
		fail_msg "${3:-value}: expected '$1', got '$2'"
		return 1
	fi
}

# quote_c STRING: STRING as strace quotes it (without -x), e.g. for
# building the expected text of a long argument.
quote_c() {
	perl -e '
		my $s = shift; my $o = "\"";
		my @c = unpack("C*", $s);
		for my $i (0 .. $#c) {
			my $c = $c[$i]; my $n = $i < $#c ? $c[$i + 1] : -1;
			my %e = (9 => "\\t", 10 => "\\n", 11 => "\\v", 12 => "\\f", 13 => "\\r", 34 => "\\\"", 92 => "\\\\");
			if (exists $e{$c}) { $o .= $e{$c}; }
			elsif ($c >= 32 && $c < 127) { $o .= chr($c); }
			elsif ($n >= 48 && $n <= 55) { $o .= sprintf("\\%03o", $c); }
			else { $o .= sprintf("\\%o", $c); }
		}
		print $o, "\"";
	' -- "$1"
}
