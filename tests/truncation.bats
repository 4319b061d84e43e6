#!/usr/bin/env bats
# String and array limits.  With -s N strace and estrace must cut exactly
# alike: strings after N bytes ("..." after the closing quote), argv/envp
# arrays after N elements (", ..."), except that -v lifts the array limit.
# Without -s estrace never truncates (estrace-only tests at the end).

load common

ARGS=(a bb ccc dddd eeeee ffffff "" "$(printf '\t\n\001\0028')" 0123456789012345678901234567890 01234567890123456789012345678901 012345678901234567890123456789012)

@test "-s 0" {
	run_both -s 0 -e trace=execve -- /bin/true "${ARGS[@]}"
	compare_all single
	assert_contains out 'execve("/bin/true", [...], 0x'
}

@test "-s 1" {
	run_both -s 1 -e trace=execve -- /bin/true "${ARGS[@]}"
	compare_all single
	assert_contains out '["/"..., ...]'
}

@test "-s 5: strings of exactly 5 bytes are not cut" {
	RUN_ENV=(PATH=/usr/bin:/bin)
	run_both -s 5 -e trace=execve -- ./exitwith e eeeee ffffff g h
	compare_all single
	assert_contains out '["./exi"..., "e", "eeeee", "fffff"..., "g", ...], 0x'
}

@test "-s 12: arrays cut after 12 elements" {
	run_both -s 12 -e trace=execve -- /bin/true "${ARGS[@]}"
	compare_all single
}

@test "-s 31, 32, 33 around strings of 31, 32 and 33 bytes" {
	local n
	for n in 31 32 33; do
		run_both -s $n -e trace=execve -- /bin/true "${ARGS[@]:8}"
		compare_all single
	done
	assert_contains out '"012345678901234567890123456789012"]'
}

@test "-s counts bytes, not escaped characters" {
	local s
	s=$(printf '\001\002\003\004\005\006\007\010\011abc')
	run_both -s 4 -e trace=execve -- /bin/true "$s" x
	compare_all single
	assert_contains out '"\1\2\3\4"...'
	run_both -s 11 -e trace=execve -- /bin/true "$s" x
	compare_all single
}

@test "-s N with arrays of N-1, N and N+1 elements" {
	run_both -s 3 -e trace=execve -- /bin/true 1
	compare_all single
	assert_contains out '["/bi"..., "1"], 0x'
	run_both -s 3 -e trace=execve -- /bin/true 1 2
	compare_all single
	assert_contains out '["/bi"..., "1", "2"], 0x'
	run_both -s 3 -e trace=execve -- /bin/true 1 2 3
	compare_all single
	assert_contains out '["/bi"..., "1", "2", ...], 0x'
}

@test "-v -s N: strings cut, arrays not cut" {
	RUN_ENV=(PATH=/usr/bin:/bin A=1 BB=22 CCC=333 DDDD=4444)
	run_both -v -s 2 -e trace=execve -- /bin/true a bb ccc dddd
	compare_all single
	assert_contains out '["/b"..., "a", "bb", "cc"..., "dd"...], ["PA"..., "A="..., "BB"..., "CC"..., "DD"...]) = 0'
}

@test "-v -s 0" {
	RUN_ENV=(PATH=/usr/bin:/bin E=)
	run_both -v -s 0 -e trace=execve -- /bin/true "" x
	compare_all single
}

@test "-s does not cut pathnames" {
	run_both -s 3 -e trace=execve -- ./pathexec /nonexistent/directory/in/the/path true
	compare_all single
	assert_contains out 'execve("/nonexistent/directory/in/the/path/true", ["tru"...], 0x'
}

@test "-s 1000 on a 100 KiB argument" {
	local big
	big=$(head -c 102400 /dev/zero | tr '\0' 'y')
	run_both -s 1000 -e trace=execve -- /bin/true "$big"
	compare_all single
}

@test "-s 102400 and 102399 on a 100 KiB argument (exactly N / N+1 bytes)" {
	local big
	big=$(head -c 102400 /dev/zero | tr '\0' 'z')
	run_both -s 102400 -e trace=execve -- /bin/true "$big"
	compare_all single
	assert_contains out "\"$big\"], 0x"
	run_both -s 102399 -e trace=execve -- /bin/true "$big"
	compare_all single
	assert_contains out "\"${big:1}\"...], 0x"
}

@test "3000-element argv with -s 32 (default limit given explicitly)" {
	local args
	mapfile -t args < <(seq 1 2999)
	run_both -s 32 -e trace=execve -- /bin/true "${args[@]}"
	compare_all single
	assert_contains out '"30", "31", ...], 0x'
}

@test "3000-element argv with -s 2999, 3000, 3001" {
	local args n
	mapfile -t args < <(seq 1 2999)
	for n in 2999 3000 3001; do
		run_both -s $n -e trace=execve -- /bin/true "${args[@]}"
		compare_all single
	done
}

@test "-s with -f: limits apply in children too" {
	run_both -f -s 4 -e trace=execve -e signal=none -- /bin/sh -c '/bin/true abcdef; exit 0'
	compare_all multi
	assert_contains out.norm 'execve("/bin/true", ["/bin"..., "abcd"...], 0xADDR /* 2 vars */) = 0'
}

# ---------------------------------------------------------------------------
# estrace-only: no truncation without -s

@test "estrace: a 100 KiB argument is printed whole without -s" {
	require_estrace
	local big
	big=$(perl -e 'print map { chr(1 + ($_ * 13) % 255) } 0 .. 102399')
	run_ref -s 1048576 -e trace=execve -- /bin/true "$big" end
	run_out -e trace=execve -- /bin/true "$big" end
	compare_all single
	assert_contains out "$(quote_c "$big"), \"end\"], 0x"
}

@test "estrace: a 3000-element argv is printed whole without -s" {
	require_estrace
	local args
	mapfile -t args < <(seq 1 2999)
	run_ref -s 1048576 -e trace=execve -- /bin/true "${args[@]}"
	run_out -e trace=execve -- /bin/true "${args[@]}"
	compare_all single
	assert_contains out "[\"/bin/true\", $(printf '"%s", ' "${args[@]:0:2998}")\"2999\"], 0x"
}

@test "estrace: a long environment with -v is printed whole without -s" {
	require_estrace
	local i
	RUN_ENV=(PATH=/usr/bin:/bin)
	for i in $(seq 1 200); do
		RUN_ENV+=("VARIABLE_NUMBER_$i=$(printf 'v%.0s' $(seq 1 $i))")
	done
	run_ref -s 1048576 -v -e trace=execve -- /bin/true
	run_out -v -e trace=execve -- /bin/true
	compare_all single
	assert_contains out "\"VARIABLE_NUMBER_200=$(printf 'v%.0s' $(seq 1 200))\"]) = 0"
}

@test "estrace: a 5000-byte pathname is printed whole" {
	require_estrace
	local p
	p=/$(head -c 4999 /dev/zero | tr '\0' 'p')
	run_out -e trace=execve -- ./pathexec /usr/bin "$p"
	assert_contains out "execve(\"$p\", [\"$p\"], 0x"
	grep -q 'ENAMETOOLONG (File name too long)$' out
}

@test "estrace: strings over 32 bytes are not cut in children either (-f)" {
	require_estrace
	local long=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ
	run_ref -s 1048576 -f -e trace=execve -e signal=none -- /bin/sh -c "/bin/true $long; exit 0"
	run_out -f -e trace=execve -e signal=none -- /bin/sh -c "/bin/true $long; exit 0"
	compare_all multi
	assert_contains out "[\"/bin/true\", \"$long\"]"
}
