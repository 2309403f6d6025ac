"""A small WebSocket client wire layer (RFC 6455) over asyncio streams.

Hand-written on purpose: the soak peers must be able to do what no client
library lets them do (send data after the server's Close, never answer a
Close, reset TCP), so the peer owns every byte. Nothing of CloseCall is
used on this side of the wire. Client frames are masked (RFC 6455 §5.3);
server frames must not be (§5.1), and every frame is checked strictly.
"""

import base64
import hashlib
import os
import struct

OP_CONT, OP_TEXT, OP_BINARY = 0x0, 0x1, 0x2
OP_CLOSE, OP_PING, OP_PONG = 0x8, 0x9, 0xA
GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
MAX_HEADER_BYTES = 16384


class ProtocolViolation(Exception):
    """The server sent something RFC 6455 does not allow."""


def handshake_request(host, port, path, key):
    return (f"GET {path} HTTP/1.1\r\n"
            f"Host: {host}:{port}\r\n"
            "Upgrade: websocket\r\n"
            "Connection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\n"
            "Sec-WebSocket-Version: 13\r\n"
            "User-Agent: closecall-soak\r\n"
            "\r\n").encode()


def new_key():
    return base64.b64encode(os.urandom(16)).decode()


def expected_accept(key):
    return base64.b64encode(hashlib.sha1(key.encode() + GUID).digest()).decode()


async def read_handshake_response(reader):
    """Returns (status, headers dict with lower-case names)."""
    head = await reader.readuntil(b"\r\n\r\n")
    if len(head) > MAX_HEADER_BYTES:
        raise ProtocolViolation(f"response head of {len(head)} bytes")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or parts[0] != "HTTP/1.1" or not parts[1].isdigit():
        raise ProtocolViolation(f"bad status line {lines[0]!r}")
    headers = {}
    for line in lines[1:]:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    return int(parts[1]), headers


def mask_bytes(payload, mask):
    n = len(payload)
    if n == 0:
        return b""
    repeated = (mask * (n // 4 + 1))[:n]
    return (int.from_bytes(payload, "little")
            ^ int.from_bytes(repeated, "little")).to_bytes(n, "little")


def encode_frame(opcode, payload, fin=True):
    """One masked client frame."""
    first = (0x80 if fin else 0) | opcode
    n = len(payload)
    if n < 126:
        head = struct.pack("!BB", first, 0x80 | n)
    elif n < 65536:
        head = struct.pack("!BBH", first, 0x80 | 126, n)
    else:
        head = struct.pack("!BBQ", first, 0x80 | 127, n)
    mask = os.urandom(4)
    return head + mask + mask_bytes(payload, mask)


def encode_message(opcode, payload, fragments=1):
    """A data message as 1..n frames (continuations after the first)."""
    if fragments <= 1 or len(payload) < fragments:
        return encode_frame(opcode, payload)
    step = len(payload) // fragments
    out = []
    for i in range(fragments):
        chunk = payload[i * step:] if i == fragments - 1 else payload[i * step:(i + 1) * step]
        out.append(encode_frame(opcode if i == 0 else OP_CONT, chunk, fin=i == fragments - 1))
    return b"".join(out)


def encode_close(code, reason=""):
    if code is None:
        return encode_frame(OP_CLOSE, b"")
    return encode_frame(OP_CLOSE, struct.pack("!H", code) + reason.encode())


def parse_close(payload):
    """(code or None, reason)."""
    if not payload:
        return None, ""
    if len(payload) == 1:
        raise ProtocolViolation("Close payload of 1 byte")
    try:
        reason = payload[2:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolViolation(f"Close reason is not UTF-8: {exc}") from None
    return struct.unpack("!H", payload[:2])[0], reason


async def read_frame(reader):
    """Returns (fin, opcode, payload) of one server frame."""
    b0, b1 = await reader.readexactly(2)
    if b0 & 0x70:
        raise ProtocolViolation(f"RSV bits set: {b0:#04x}")
    if b1 & 0x80:
        raise ProtocolViolation("masked server frame")
    n = b1 & 0x7F
    if n == 126:
        n = struct.unpack("!H", await reader.readexactly(2))[0]
    elif n == 127:
        n = struct.unpack("!Q", await reader.readexactly(8))[0]
    opcode = b0 & 0x0F
    fin = bool(b0 & 0x80)
    if opcode >= 0x8 and (n > 125 or not fin):
        raise ProtocolViolation(f"control frame {opcode:#x} of {n} bytes, fin={fin}")
    if opcode not in (OP_CONT, OP_TEXT, OP_BINARY, OP_CLOSE, OP_PING, OP_PONG):
        raise ProtocolViolation(f"reserved opcode {opcode:#x}")
    return fin, opcode, await reader.readexactly(n) if n else b""


class MessageReader:
    """Reads server messages: data messages with their fragments joined.

    Control frames between fragments are returned as they come; the
    fragments read so far are kept for the next call.
    """

    def __init__(self, reader):
        self.reader = reader
        self.parts = []
        self.first = None

    async def next(self):
        """(opcode, payload) of the next control frame or whole data message."""
        while True:
            fin, opcode, payload = await read_frame(self.reader)
            if opcode >= 0x8:
                return opcode, payload
            if opcode == OP_CONT:
                if self.first is None:
                    raise ProtocolViolation("continuation with no message started")
            elif self.first is not None:
                raise ProtocolViolation("new data frame inside a fragmented message")
            else:
                self.first = opcode
            self.parts.append(payload)
            if fin:
                message = self.first, b"".join(self.parts)
                self.parts, self.first = [], None
                return message
