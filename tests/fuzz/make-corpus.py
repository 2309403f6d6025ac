#!/usr/bin/env python3
"""Writes the seed corpora under tests/fuzz/corpus/<target>/.

Each seed is laid out the way its fuzz target reads its input (see the
comment at the top of each fuzz_*.cpp). Run it again after changing a
target's input layout; the output is deterministic, so `git diff` shows what
changed. Keep the corpora small (the whole tree well under 200 KB): the
fuzzer grows its own copy during a run.
"""

import base64
import hashlib
import os
import shutil
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")

RFC_KEY = b"dGhlIHNhbXBsZSBub25jZQ=="
RFC_ACCEPT = base64.b64encode(
    hashlib.sha1(RFC_KEY + b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest())
assert RFC_ACCEPT == b"s3pPLMBiTxaQ9kYGzzhZRbK+xOo="

KEY = bytes([0x37, 0xFA, 0x21, 0x3D])  # the RFC 6455 §5.7 masking key


def frame(opcode, payload=b"", fin=True, mask=None, rsv=0):
    """RFC 6455 §5.2, minimal length encoding; `mask` is 4 wire bytes or None."""
    out = bytes([(0x80 if fin else 0) | rsv | opcode])
    n = len(payload)
    mbit = 0x80 if mask is not None else 0
    if n < 126:
        out += bytes([mbit | n])
    elif n <= 0xFFFF:
        out += bytes([mbit | 126]) + struct.pack(">H", n)
    else:
        out += bytes([mbit | 127]) + struct.pack(">Q", n)
    if mask is None:
        return out + payload
    return out + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def client(opcode, payload=b"", fin=True, rsv=0):
    return frame(opcode, payload, fin, KEY, rsv)


def close_payload(code, reason=b""):
    return struct.pack(">H", code) + reason


targets = {}


def seed(target, name, data):
    targets.setdefault(target, []).append((name, data))


# ---- frameparser: cfg, chunk-count byte, chunk sizes, stream ------------------
SERVER, CLIENT = 0, 1
LIMIT_DEFAULT, LIMIT_ZERO, LIMIT_SMALL, LIMIT_125 = 0, 2, 4, 6
ROUNDTRIP = 8


def fp(name, stream, role=SERVER, limit=LIMIT_DEFAULT, chunks=b"", extra=b""):
    seed("frameparser", name, bytes([role | limit]) + extra + bytes([len(chunks)]) + chunks + stream)


# RFC 6455 §5.7 examples, as a client receives them (unmasked) and as a
# server does (masked).
fp("rfc5.7-unmasked-text-hello", bytes.fromhex("810548656c6c6f"), role=CLIENT)
fp("rfc5.7-masked-text-hello", bytes.fromhex("818537fa213d7f9f4d5158"))
fp("rfc5.7-fragmented-unmasked-text", bytes.fromhex("010348656c80026c6f"), role=CLIENT,
   chunks=b"\x01\x03\x02")
fp("rfc5.7-unmasked-ping", bytes.fromhex("890548656c6c6f"), role=CLIENT)
fp("rfc5.7-masked-pong", bytes.fromhex("8a8537fa213d7f9f4d5158"))
fp("rfc5.7-256-bytes-binary-unmasked", bytes.fromhex("827e0100") + bytes(range(256)), role=CLIENT)
fp("rfc5.7-64k-binary-header-only", bytes.fromhex("827f0000000000010000") + b"\0" * 16,
   role=CLIENT)
fp("masked-fragmented-text-ping-between",
   client(0x1, "héllo ".encode(), fin=False) + client(0x9, b"p") +
   client(0x0, "wörld €".encode(), fin=False) + client(0x0, "😀".encode()),
   chunks=b"\x05\x07\x01\x00")
fp("masked-close-1000-bye", client(0x8, close_payload(1000, b"bye")))
fp("masked-close-empty", client(0x8))
fp("masked-binary-126-length", client(0x2, bytes(range(200))))
fp("masked-text-invalid-utf8", client(0x1, b"ok \xed\xa0\x80 surrogate"))
fp("masked-text-split-utf8", client(0x1, "€€€".encode()), chunks=b"\x08\x01\x01\x01")
fp("unmasked-to-server", frame(0x1, b"nope"))
fp("reserved-opcode", client(0x3, b"x"))
fp("rsv1-set", client(0x1, b"x", rsv=0x40))
fp("ping-fin0", client(0x9, b"x", fin=False))
fp("continuation-without-start", client(0x0, b"x"))
fp("64bit-length-msb", bytes.fromhex("82ff8000000000000001") + KEY + b"\0")
fp("over-small-limit", client(0x2, b"0123456789" * 8), limit=LIMIT_SMALL, extra=b"\x10")
fp("zero-limit-empty-and-one", client(0x2) + client(0x2, b"x"), limit=LIMIT_ZERO)
fp("client-role-masked-refused", client(0x1, b"Hello"), role=CLIENT)
# Round-trip scripts: item bytes (what % 4: 0 data, 1 ping, 2 pong, 3 close),
# see roundTrip() in fuzz_frameparser.cpp. The mask keys follow each frame.
fp("roundtrip-text-and-controls",
   bytes([0x40, 5]) + b"hello" + KEY + bytes([1, 3]) + b"png" + KEY +
   bytes([3, 4]) + close_payload(1001, b"ok") + KEY, role=SERVER | ROUNDTRIP)
fp("roundtrip-fragmented-binary-with-pings",
   bytes([0x8C, 3]) + b"abc" + bytes([2]) + b"de" + bytes([1]) + b"f" + bytes([4]) + b"ghij" +
   KEY * 7, role=SERVER | ROUNDTRIP, chunks=b"\x03\x01\x09")
fp("roundtrip-client-role-large", bytes([0x00, 0xC1]) + b"big", role=CLIENT | ROUNDTRIP)
fp("roundtrip-over-limit", bytes([0x04, 0x50]) + b"x" * 0x50 + bytes([0x50]) + b"y" * 0x50 +
   KEY * 2, role=SERVER | ROUNDTRIP | LIMIT_125)

# ---- handshake: mode (0 server, 1 client, 2 round trip), cfg, ... ---------------
RFC_REQUEST = (b"GET /chat HTTP/1.1\r\n"
               b"Host: server.example.com\r\n"
               b"Upgrade: websocket\r\n"
               b"Connection: Upgrade\r\n"
               b"Sec-WebSocket-Key: " + RFC_KEY + b"\r\n"
               b"Origin: http://example.com\r\n"
               b"Sec-WebSocket-Protocol: chat, superchat\r\n"
               b"Sec-WebSocket-Version: 13\r\n\r\n")
BROWSER_REQUEST = (b"GET /ws?room=1&user=a%20b HTTP/1.1\r\n"
                   b"Host: 127.0.0.1:9001\r\n"
                   b"Connection: keep-alive, Upgrade\r\n"
                   b"Pragma: no-cache\r\n"
                   b"Cache-Control: no-cache\r\n"
                   b"User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36\r\n"
                   b"Upgrade: websocket\r\n"
                   b"Origin: https://example.com\r\n"
                   b"Sec-WebSocket-Version: 13\r\n"
                   b"Accept-Encoding: gzip, deflate, br\r\n"
                   b"Accept-Language: en-US,en;q=0.9\r\n"
                   b"Sec-WebSocket-Key: x3JJHMbDL1EzLkh9GBhXDw==\r\n"
                   b"Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")


def hs_server(name, request, cfg=0, chunks=b""):
    extra = b"\x02" if cfg & 4 else b""  # maxHeaderBytes 80
    seed("handshake", name, bytes([0, cfg]) + extra + bytes([len(chunks)]) + chunks + request)


hs_server("server-rfc-request", RFC_REQUEST, cfg=1)
hs_server("server-rfc-request-split", RFC_REQUEST, cfg=3, chunks=b"\x05\x0e\x02\x00")
hs_server("server-browser-request-early-frame", BROWSER_REQUEST + client(0x1, b"hi"), cfg=2)
hs_server("server-http10", RFC_REQUEST.replace(b"HTTP/1.1", b"HTTP/1.0", 1))
hs_server("server-post", RFC_REQUEST.replace(b"GET", b"POST", 1))
hs_server("server-version-8", RFC_REQUEST.replace(b"Version: 13", b"Version: 8"))
hs_server("server-short-key", RFC_REQUEST.replace(RFC_KEY, b"c2hvcnQ="))
hs_server("server-no-upgrade", RFC_REQUEST.replace(b"Upgrade: websocket\r\n", b""))
hs_server("server-header-too-large", RFC_REQUEST, cfg=4)
hs_server("server-lf-only", RFC_REQUEST.replace(b"\r\n", b"\n"))

RFC_RESPONSE = (b"HTTP/1.1 101 Switching Protocols\r\n"
                b"Upgrade: websocket\r\n"
                b"Connection: Upgrade\r\n"
                b"Sec-WebSocket-Accept: " + RFC_ACCEPT + b"\r\n"
                b"Sec-WebSocket-Protocol: chat\r\n\r\n")


def hs_client(name, response, cfg=1, chunks=b""):
    seed("handshake", name, bytes([1, cfg, len(chunks)]) + chunks + response)


hs_client("client-rfc-response", RFC_RESPONSE)
hs_client("client-rfc-response-frame-behind", RFC_RESPONSE + frame(0x1, b"hi"), chunks=b"\x09\x00")
hs_client("client-wrong-accept", RFC_RESPONSE.replace(RFC_ACCEPT, RFC_KEY))
hs_client("client-unoffered-protocol", RFC_RESPONSE, cfg=0)
hs_client("client-403", b"HTTP/1.1 403 Forbidden\r\nContent-Length: 2\r\n\r\nno")
# cfg bit 2: the transport ends after the input (a body delimited by the close).
hs_client("client-404-chunked-body",
          b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n"
          b"4;x=1\r\nno s\r\n7\r\nuch pat\r\n1\r\nh\r\n0\r\n\r\n", chunks=b"\x03\x05\x00")
hs_client("client-503-body-until-close", b"HTTP/1.0 503 Service Unavailable\r\n\r\nbusy", cfg=3)
hs_client("client-101-cut-short", RFC_RESPONSE[:40], cfg=3)
hs_client("client-101-close-behind", RFC_RESPONSE + frame(0x1, b"a") + frame(0x8, b"\x03\xe8") +
          frame(0x1, b"late"), cfg=3, chunks=b"\x07\x00")
# Round trip: cfg bits 1 port, 2 path, 4 query, 8-16 offered count, 0x20
# origin, 0x40 extra header, 0x80 fixed key; then the tokens; see fuzzRoundTrip.
seed("handshake", "roundtrip-plain", bytes([2, 0x00, 3, 1, 2, 3, 0, 0]))
seed("handshake", "roundtrip-everything",
     bytes([2, 0xFF, 3, 7, 8, 9, 0x23, 0x28, 3, 1, 2, 3, 3, 4, 5, 6, 1, 0, 1, 1, 3, 2, 4, 3, 1, 2, 3,
            4, 5, 6, 7, 2, 1, 2, 1, 3, 1, 9]) + client(0x1, b"early"))

# ---- session: a script of operations (fuzz_session.cpp) -----------------------
OP_RAW, OP_FRAME, OP_CLOSE, OP_TEXT, OP_BIN, OP_PING, OP_ABORT, OP_TCP, OP_ACK, OP_PONG, \
    OP_LIMIT, OP_RELEASE = range(12)
# kOps index for OP_FRAME's first argument byte: 0 text, 1 binary, 2 cont,
# 3 close, 4 ping, 5 pong, 6 reserved 0x3, 7 reserved 0xB; | 0x18 for FIN=0.
F_TEXT, F_BIN, F_CONT, F_CLOSE, F_PING, F_PONG, F_RES3, F_RESB = range(8)
NOFIN = 0x18


def op_frame(kind, payload=b"", masked=True, split=None):
    mb = (0x01 if masked else 0) | (0x40 if split is not None else 0)
    out = bytes([OP_FRAME, kind, mb, len(payload)]) + payload + KEY
    if split is not None:
        out += bytes([split])
    return out


def op_close_frame(code_index, reason_sel=1):
    # mb 0x11: masked, built close payload; pickCode byte (index << 3), pickReason byte
    return bytes([OP_FRAME, F_CLOSE, 0x11, code_index << 3, reason_sel]) + KEY


def op_close(code_index, reason_sel, mode):  # mode 0 Close, 1 CloseOutput, 2 Shutdown
    return bytes([OP_CLOSE, code_index << 3, reason_sel, mode])


seed("session", "text-ping-close-by-peer",
     op_frame(F_TEXT, b"hello") + op_frame(F_PING, b"p1") + op_close_frame(0))
seed("session", "close-then-data-discarded-then-peer-close",
     op_close(1, 1, 0) + op_frame(F_TEXT, b"late") + op_frame(F_PING, b"p") + op_close_frame(1))
seed("session", "close-output-then-data-delivered",
     op_close(0, 2, 1) + op_frame(F_BIN, b"\x00\x01") + op_frame(F_TEXT, b"still here") +
     op_close_frame(0, 0))
seed("session", "manual-ack",
     bytes([OP_ACK, 0]) + op_frame(F_TEXT, b"x") + op_close_frame(1, 0) +
     bytes([OP_TEXT, 2]) + b"ok" + op_close(2, 1, 0))
seed("session", "fragmented-text-with-ping",
     op_frame(F_TEXT | NOFIN, "hé".encode()[:2]) + op_frame(F_PING, b"mid") +
     op_frame(F_CONT, "hé".encode()[2:] + b"llo", split=3))
seed("session", "protocol-error-unmasked", op_frame(F_TEXT, b"x", masked=False))
seed("session", "protocol-error-bad-utf8", op_frame(F_TEXT, b"\xc3\x28"))
seed("session", "protocol-error-reserved", op_frame(F_RES3, b""))
seed("session", "close-payload-1-byte", bytes([OP_FRAME, F_CLOSE, 0x01, 1, 0x03]) + KEY)
seed("session", "too-big", bytes([OP_LIMIT, 2]) + op_frame(F_BIN, b"y" * 20))
seed("session", "abort-after-close", op_close(0, 0, 0) + bytes([OP_ABORT, 1, OP_TEXT, 1, 0x41]))
seed("session", "tcp-eof-in-open", op_frame(F_TEXT, b"x") + bytes([OP_TCP, 0]))
seed("session", "tcp-reset-in-close-sent", op_close(3, 0, 1) + bytes([OP_TCP, 1]))
seed("session", "refused-codes", op_close(5, 0, 0) + op_close(6, 0, 0) + op_close(0, 3, 0) +
     bytes([OP_CLOSE, 7, 1, 0]) + bytes([OP_PING, 130]) + b"z" * 130)
seed("session", "raw-bytes", bytes([OP_RAW, 11]) + bytes.fromhex("818537fa213d7f9f4d5158"))
seed("session", "no-autopong",
     bytes([OP_PONG, 0]) + op_frame(F_PING, b"quiet") + bytes([OP_RELEASE]))

# ---- codec: mode (0 masking, 1 UTF-8, 2 close) -------------------------------
seed("codec", "mask-phase1-unaligned", bytes([0]) + KEY + bytes([1, 3, 0, 7]) + bytes(range(64)))
seed("codec", "mask-long", bytes([0]) + KEY + bytes([0, 0, 1, 0]) + b"A" * 300)
seed("codec", "utf8-valid-mixed", bytes([1, 3, 1, 2, 3]) + "aå€😀\u07ff\uffff".encode())
seed("codec", "utf8-surrogate", bytes([1, 0]) + b"ok\xed\xa0\x80")
seed("codec", "utf8-overlong", bytes([1, 1, 1]) + b"\xe0\x80\xaf\xc0\xaf")
seed("codec", "utf8-above-10ffff", bytes([1, 0]) + b"\xf4\x90\x80\x80")
seed("codec", "utf8-truncated", bytes([1, 0]) + b"\xe2\x82")
seed("codec", "close-1000-bye", bytes([2, 0x03, 0xE8, 4]) + b"1001" + bytes([5]) +
     close_payload(1000, b"bye") + bytes([6, 0x0B, 0xB8]) + b"bye")
seed("codec", "close-empty-with-reason", bytes([2, 0x0F, 0xA0, 5]) + b"Empty" + bytes([0, 3]) + b"abc")
seed("codec", "close-123-euro", bytes([2, 0x13, 0x88, 0, 2]) + close_payload(4000, b"") +
     bytes([246, 0x03, 0xE9]) + "€".encode() * 41)


# ---- inflateframes: cfg, chunk-count byte, chunks, stream or script -----------
# cfg: bit 0 the peer's no_context_takeover, bit 1 client role, bits 2-3 the
# limit (0: 16 MiB, 4: 1..256 from the next byte, 8: 4096, 12: 0), bit 4 the
# round trip, bits 5-7 the peer's window (9 + n).
IF_CLIENT, IF_LIMIT_SMALL, IF_LIMIT_4096, IF_ROUNDTRIP = 2, 4, 8, 0x10


def raw_deflate(data, wbits=15):
    """RFC 7692 §7.2.1: raw deflate, sync flush, the trailing 00 00 ff ff removed."""
    c = zlib.compressobj(9, zlib.DEFLATED, -wbits)
    out = c.compress(data) + c.flush(zlib.Z_SYNC_FLUSH)
    assert out.endswith(b"\x00\x00\xff\xff")
    return out[:-4]


def inf(name, body, cfg=0, chunks=b"", extra=b""):
    seed("inflateframes", name, bytes([cfg]) + extra + bytes([len(chunks)]) + chunks + body)


HELLO = bytes.fromhex("f248cdc9c90700")  # RFC 7692 §7.2.3.1
inf("rfc7692-hello", client(0x1, HELLO, rsv=0x40))
inf("rfc7692-hello-to-client", frame(0x1, HELLO, rsv=0x40), cfg=IF_CLIENT)
inf("rfc7692-hello-split", client(0x1, HELLO, rsv=0x40), chunks=bytes([1, 3, 2]))
inf("rfc7692-two-frames", client(0x1, HELLO[:3], fin=False, rsv=0x40) + client(0x0, HELLO[3:]))
inf("rfc7692-context-takeover",  # §7.2.3.2: the second Hello refers to the first
    client(0x1, HELLO, rsv=0x40) + client(0x1, bytes.fromhex("f200110000"), rsv=0x40))
inf("rfc7692-stored-block", client(0x1, bytes.fromhex("0005 00fa ff48 656c 6c6f 00"), rsv=0x40))
inf("rfc7692-no-context", client(0x1, HELLO, rsv=0x40) * 2, cfg=1)
inf("ping-between-compressed-frames",
    client(0x1, HELLO[:2], fin=False, rsv=0x40) + client(0x9, b"p") + client(0x0, HELLO[2:]))
inf("plain-then-compressed", client(0x2, b"as it is") + client(0x2, raw_deflate(b"x" * 300),
                                                             rsv=0x40))
inf("bomb-1mib-zeros-limit-200", client(0x2, raw_deflate(bytes(1 << 20)), rsv=0x40),
    cfg=IF_LIMIT_SMALL, extra=bytes([199]))
inf("text-invalid-utf8-after-inflate", client(0x1, raw_deflate(b"ok\xc3\x28"), rsv=0x40))
inf("rsv1-on-continuation", client(0x1, HELLO[:3], fin=False, rsv=0x40) +
    client(0x0, HELLO[3:], rsv=0x40))
inf("rsv1-on-ping", client(0x9, b"p", rsv=0x40))
inf("corrupt-deflate", client(0x2, b"\xff\xff\xff\xff", rsv=0x40))
# Round trips: the Script's first byte (its compressor may reset), then items
# (see fuzz_inflateframes.cpp): 0xcc a compressed text in 2 frames with a Pong
# between, 0x5b one in 4 frames, 0x02 a bomb, 0x03 a plain message, 0x04 a Ping,
# 0x1d a corrupted compressed payload.
text = b"compress me, compress me again; " * 8
inf("roundtrip-text-fragments", bytes([0, 0xcc]) + struct.pack(">H", len(text)) + text +
    struct.pack(">H", 40) + KEY * 3, cfg=IF_ROUNDTRIP | (6 << 5))
inf("roundtrip-mixed", bytes([1, 0x5b, 0, 12]) + b"hello hello!" + bytes(16) +
    bytes([0x03, 5]) + b"plain" + KEY + bytes([0x04, 2]) + b"hi" + KEY,
    cfg=IF_ROUNDTRIP | 1 | (3 << 5))
inf("roundtrip-bomb-limit-4096", bytes([0, 0x02, 0x01, 0x00, 0x00]) + KEY,
    cfg=IF_ROUNDTRIP | IF_LIMIT_4096)
inf("roundtrip-then-corrupt", bytes([0, 0x04, 1]) + b"p" + KEY + bytes([0x1d, 20]) + text[:20] +
    bytes([3, 1, 7, 9]), cfg=IF_ROUNDTRIP)


def main():
    total = 0
    for target, seeds in sorted(targets.items()):
        # Only the targets written here: a target's hand-made seeds stay.
        d = os.path.join(OUT, target)
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)
        for name, data in seeds:
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
            total += len(data)
    print(f"wrote {sum(len(s) for s in targets.values())} seeds, {total} bytes, under {OUT}")
    if total > 200 * 1024:
        sys.exit("the seed corpus is over 200 KB: keep seeds small")


if __name__ == "__main__":
    main()
