strace: Process 23233 attached
strace: Process 23233 detached
