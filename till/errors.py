"""Error base of the till package."""


class TillError(Exception):
    """A known condition whose ``str()`` is a sentence a cashier or manager can act on."""


class ConfigError(TillError):
    """The configuration is invalid; the message names the bad key."""


class SecretError(TillError):
    """The backend API key could not be obtained safely."""
