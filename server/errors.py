"""Error base of the server package."""


class ServerError(Exception):
    """A known backend condition; the HTTP layer maps it to a status and an error code."""
