#!/usr/bin/env bats
# execve argument and environment decoding: quoting, escapes, big and many
# arguments, -v environment arrays.  Single process: exact comparison.

load common

@test "execve: simple argv, envp as address and count" {
	run_both -e trace=execve -- /bin/true a bb ccc
	compare_all single
	assert_contains out 'execve("/bin/true", ["/bin/true", "a", "bb", "ccc"], 0x'
}

@test "execve: quotes, backslashes, empty and whitespace arguments" {
	run_both -e trace=execve -- /bin/true 'a"b' 'c\d' '' ' ' "$(printf 'x\ty\nz\r')" "$(printf '\v\f')"
	compare_all single
}

@test "execve: every byte value 1..255 in one argument (-s 1000)" {
	local all
	all=$(perl -e 'print map { chr } 1 .. 255')
	run_both -s 1000 -e trace=execve -- /bin/true "$all"
	compare_all single
	assert_contains out "$(quote_c "$all")"
}

@test "execve: every byte value as its own argument, then followed by octal and non-octal digits" {
	local args
	mapfile -d '' args < <(perl -e 'for my $b (1 .. 255) { my $c = chr $b; print "$c\0${c}0\0${c}7\0${c}8\0" }')
	run_both -s 2000 -e trace=execve -- /bin/true "${args[@]}"
	compare_all single
	assert_contains out '["/bin/true", "\1", "\0010", "\0017", "\18", "\2", "\0020"'
}

@test "execve: a 100 KiB argument with -s 200000" {
	local big
	big=$(head -c 102400 /dev/zero | tr '\0' 'x')
	run_both -s 200000 -e trace=execve -- /bin/true "$big" end
	compare_all single
	assert_contains out "\"$big\", \"end\"]"
}

@test "execve: a 100 KiB argument of mixed bytes with -s 200000" {
	local big
	big=$(perl -e 'print map { chr(1 + ($_ * 7) % 255) } 0 .. 102399')
	run_both -s 200000 -e trace=execve -- /bin/true "$big"
	compare_all single
}

@test "execve: a 3000-element argv with -s 5000" {
	local args
	mapfile -t args < <(seq 1 2999)
	run_both -s 5000 -e trace=execve -- /bin/true "${args[@]}"
	compare_all single
	assert_contains out '"2998", "2999"], 0x'
}

@test "execve -v: environment printed as an array" {
	RUN_ENV=(PATH=/usr/bin:/bin A=1 'B=two words' 'C=' 'D="q"' "$(printf 'E=\001\377')")
	run_both -v -e trace=execve -- /bin/true x
	compare_all single
	assert_contains out '["PATH=/usr/bin:/bin", "A=1", "B=two words", "C=", "D=\"q\"", "E=\1\377"]) = 0'
}

@test "execve: empty environment, one variable, many variables (count wording)" {
	RUN_ENV=()
	run_both -e trace=execve -- /bin/true
	compare_all single
	assert_contains out '/* 0 vars */'
	RUN_ENV=(PATH=/usr/bin:/bin)
	run_both -e trace=execve -- /bin/true
	compare_all single
	assert_contains out '/* 1 var */'
	RUN_ENV=(PATH=/usr/bin:/bin A=1 B=2)
	run_both -e trace=execve -- /bin/true
	compare_all single
	assert_contains out '/* 3 vars */'
}

@test "execve -v: empty environment is []" {
	RUN_ENV=()
	run_both -v -e trace=execve -- /bin/true
	compare_all single
	assert_contains out '["/bin/true"], [])'
}

@test "execve in a child: argv and env of a nested exec (-f)" {
	RUN_ENV=(PATH=/usr/bin:/bin K=v)
	run_both -f -v -e trace=execve -- ./procs vfork-exec 5
	compare_all multi
}
