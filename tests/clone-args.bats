#!/usr/bin/env bats
# clone3's struct and clone's written-back results, argument by argument: every size class of
# the struct (NULL, below its first version, each version, past the known struct, unreadable
# in part), the fields a size reaches into, set_tid arrays, exit_signal past the signals,
# CLONE_PIDFD's descriptor (with -y, -yy) and the parent's tid (with -Y). See helpers/cloneargs.c.

load common

@test "clone3: struct sizes, fields within and past the size, set_tid, cgroup, bytes past the known struct, in every style" {
	local o
	for o in "" "-X raw" "-X verbose" -v "-e verbose=none" "-e abbrev=none" "-s 3" "-s 3 -v" -x -xx; do
		# shellcheck disable=SC2086
		run_both $o -e trace=clone3 -- ./cloneargs clone3
		compare_all single
	done
	run_both -e trace=clone3 -- ./cloneargs clone3
	compare_all single
	# sizes below the first version, and the struct unreadable: the address
	assert_contains out.norm 'clone3(0xADDR, 63) '
	assert_contains out.norm 'clone3(0xADDR, 88) '
	# fields past the size given are not shown; those it reaches into are, from 1 byte on
	assert_contains out.norm 'clone3({flags=CLONE_INTO_CGROUP|0xADDR, exit_signal=0, stack=NULL, stack_size=0}, 80) '
	assert_contains out.norm 'clone3({flags=CLONE_INTO_CGROUP|0xADDR, exit_signal=0, stack=NULL, stack_size=0, cgroup=0}, 81) '
	assert_contains out.norm ', stack_size=0, set_tid=0xADDR, set_tid_size=0}, 68) '
	assert_contains out.norm ', set_tid=[5, 6, ... /* 0xADDR */], set_tid_size=3}, 88) '
	assert_contains out.norm ', set_tid=0xADDR, set_tid_size=33}, 80) '
	assert_contains out.norm ', exit_signal=18446744073709551615, stack=NULL'
	assert_contains out.norm ', set_tid=0x99, set_tid_size=0, cgroup=7, /* bytes 88..95 */ "\x00\x00\x00\x00\x00\x00\x00\x80"}, 96) = -1 E2BIG'
	assert_contains out.norm 'clone3({flags=0xADDR /* CLONE_??? */, exit_signal=0, stack=NULL, stack_size=0, ???}, 96) = -1 EFAULT'
	assert_contains out.norm ', ???}, 1048576) = -1 E2BIG'
}

@test "clone3: up to a page of bytes past the known struct, cut at -s" {
	local o
	for o in "-s 32" "-s 8" "-s 4008" "-s 5000 -xx" "-v -s 10" "-X raw -s 4"; do
		# shellcheck disable=SC2086
		run_both $o -e trace=clone3 -- ./cloneargs clone3-big
		compare_all single
	done
	run_both -s 4 -e trace=clone3 -- ./cloneargs clone3-big
	compare_all single
	assert_contains out.norm ', /* bytes 88..4095 */ "\x00\x00\x00\x00"...}, 1048576) = -1 E2BIG'
	assert_contains out.norm ', /* bytes 88..4094 */ "\x00\x00\x00\x00"...}, 4095) = -1 E2BIG'
}

@test "clone3: without -s the bytes past the known struct are printed whole (estrace cuts nothing)" {
	require_estrace
	run_out -e trace=clone3 -- ./cloneargs clone3-big
	local bytes
	bytes=$(perl -e 'my @b = (0) x 4008; $b[100 - 88] = 0x37; $b[-1] = 1; print join("", map { sprintf("\\x%02x", $_) } @b)')
	assert_contains out ", /* bytes 88..4095 */ \"$bytes\"}, 4096) = -1 E2BIG"
	assert_contains out ", /* bytes 88..4095 */ \"$bytes\"}, 1048576) = -1 E2BIG"
}

@test "clone's and clone3's pidfd and parent tid written back: [3], -y's <anon_inode:[pidfd]>, -yy's <pid:N>, -Y's names" {
	local o
	for o in "" -y -yy --decode-fds=pidfd -Y "-y -Y" "-X raw" "-X verbose" "-e verbose=none"; do
		# shellcheck disable=SC2086
		run_both $o -e trace=clone,clone3 -- ./cloneargs pidfd
		compare_all single
	done
	run_both -X verbose -e trace=clone,clone3 -- ./cloneargs pidfd
	compare_all single
	assert_contains out.norm 'clone(child_stack=NULL, flags=0x1000 /* CLONE_PIDFD */|17 /* SIGCHLD */, parent_tid=[3]) = PID'
	run_both -y -e trace=clone,clone3 -- ./cloneargs pidfd
	compare_all single
	assert_contains out.norm 'clone(child_stack=NULL, flags=CLONE_PIDFD|SIGCHLD, parent_tid=[3<anon_inode:[pidfd]>]) = PID'
	assert_contains out.norm ' => {pidfd=[3<anon_inode:[pidfd]>], parent_tid=[PID]}, 64) = PID'
	assert_contains out.norm 'clone(child_stack=NULL, flags=CLONE_PIDFD|SIGCHLD, parent_tid=0x8) = -1 EFAULT'
	run_both -yy -Y -e trace=clone,clone3 -- ./cloneargs pidfd
	compare_all single
	assert_contains out.norm ' => {pidfd=[3<pid:PID<cloneargs>>], parent_tid=[PID<cloneargs>]}, 64) = PID<cloneargs>'
	assert_contains out.norm 'clone(child_stack=NULL, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[PID<cloneargs>]) = PID<cloneargs>'
}

@test "waitid(P_PIDFD, fd): the descriptor as -y and -yy show it" {
	local o
	for o in "" -y -yy "-yy -Y" "-X raw -y"; do
		# shellcheck disable=SC2086
		run_both $o -e trace=waitid -- ./cloneargs pidfd
		compare_all single
	done
	run_both -y -e trace=waitid -- ./cloneargs pidfd
	compare_all single
	assert_contains out.norm 'waitid(P_PIDFD, 3<anon_inode:[pidfd]>, {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=PID,'
}

@test "clone3: an x86_64 thread's tls is an address, whatever it points at" {
	run_both -e trace=clone3 -- ./cloneargs tls
	compare_all single
	assert_contains out.norm 'clone3({flags=CLONE_THREAD|CLONE_SETTLS, exit_signal=0, stack=NULL, stack_size=0, tls=0xADDR}, 88) = -1 EINVAL'
}
