"""A program in a pseudo-terminal, for the measuring scripts beside this file."""
import os
import pty
import signal


def start(argv, env):
    """Forks `argv` onto a new pseudo-terminal; returns its pid and the terminal's file descriptor."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    return pid, fd


def stop(pid, fd):
    """Ends the program (SIGTERM, as a dropped connection would) and closes its terminal."""
    try:
        os.kill(pid, signal.SIGTERM)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    os.close(fd)
