"""Choosing a decoder by name: the till's setting, the CLI's ``--decoder`` and the bench.

Names: ``zxing`` (default) and ``pyzbar`` are the project's cascade
(:class:`~devices.decoding.cascade.CascadeDecoder`) with that library's pass first;
``raw-zxing`` and ``raw-pyzbar`` are one plain library call, kept for comparison and for
technicians who want to see what the library alone makes of an image.
"""

from __future__ import annotations

from devices.decoding.backends import PyzbarBackend, ZxingBackend
from devices.decoding.cascade import CascadeDecoder, Pass, default_passes
from devices.decoding.code import DecodedCode, Decoder, Image

DECODER_NAMES = ("zxing", "pyzbar", "raw-zxing", "raw-pyzbar")

__all__ = [
    "DECODER_NAMES",
    "CascadeDecoder",
    "DecodedCode",
    "Decoder",
    "Image",
    "Pass",
    "PyzbarBackend",
    "ZxingBackend",
    "default_passes",
    "make_decoder",
]


def make_decoder(name: str = "zxing") -> Decoder:
    """The decoder called ``name``; ValueError names the choices for anything else."""
    if name in ("zxing", "pyzbar"):
        return CascadeDecoder(name=name)
    if name == "raw-zxing":
        return ZxingBackend()
    if name == "raw-pyzbar":
        return PyzbarBackend()
    raise ValueError(f"unknown decoder {name!r}; choose one of {', '.join(DECODER_NAMES)}")
