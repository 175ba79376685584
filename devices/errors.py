"""Error base of the devices package: known conditions carry a message a cashier understands."""


class DeviceError(Exception):
    """A known device condition (unplugged, no permission, unreadable input).

    ``str(error)`` is written for the cashier or technician; it never holds track data.
    """
