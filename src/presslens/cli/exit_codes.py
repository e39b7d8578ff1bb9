"""The exit statuses every command shares. 2 stays Click's "usage error", so partial success is 3."""

ALL_DONE = 0
NOTHING_DONE = 1  # also every error that stops a command
USAGE_ERROR = 2
SOME_SKIPPED = 3  # some inputs were done, some skipped (each named on stderr)
