"""Decoding codes in camera frames: backends, image fixes, and the project's cascade.

Import from :mod:`devices.decoder`, the public face of this package.
"""
