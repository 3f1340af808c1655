"""The one exception type a user can cause."""


class KgError(Exception):
    """A problem with the user's input, query or request, worded for the user.

    The CLI prints its message as one line on stderr and exits with status 2;
    anything else that escapes is a bug in ``kg``.
    """
