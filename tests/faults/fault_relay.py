#!/usr/bin/env python3
"""The link-fault tests' delaying TCP relay (docs/testing-faults.md): these machines' kernels have
no netem, so latency is made here. Every chunk read from one side is written to the other side
DELAY milliseconds after it arrived, in order, in both directions (a request and its answer cross
it twice: a round trip takes 2 x DELAY more). Connections are accepted and opened upstream at
once; only the bytes wait. Half-closes are passed on in order, after the bytes before them.

The delay can change while connections are open: with --control FILE, the relay reads FILE (one
integer, milliseconds) whenever its modification time changes; a missing or empty file is 0.

usage: fault_relay.py --listen HOST:PORT --to HOST:PORT [--delay-ms N] [--control FILE]
Prints the port it listens on (useful with port 0) on standard output once it accepts.
Standard library only.
"""
import argparse
import asyncio
import os
import sys
import time

CHUNK = 65536
CONTROL_POLL_S = 0.1


class Delay:
    """The current delay in seconds, from --delay-ms and then from the control file."""

    def __init__(self, ms, control):
        self.seconds = ms / 1000.0
        self.control = control
        self.mtime = None

    def poll(self):
        if not self.control:
            return
        try:
            mtime = os.stat(self.control).st_mtime_ns
        except FileNotFoundError:
            mtime = -1
        if mtime == self.mtime:
            return
        self.mtime = mtime
        try:
            with open(self.control) as f:
                text = f.read().strip()
            ms = int(text) if text else 0
        except (FileNotFoundError, ValueError):
            ms = 0
        self.seconds = max(ms, 0) / 1000.0
        print(f"relay: delay {ms} ms", file=sys.stderr, flush=True)


async def pipe(reader, writer, delay):
    """One direction of one connection: read, hold each chunk until its time, write."""
    queue = asyncio.Queue()

    async def read_side():
        try:
            while True:
                data = await reader.read(CHUNK)
                await queue.put((time.monotonic() + delay.seconds, data))
                if not data:
                    return
        except (ConnectionError, OSError):
            await queue.put((time.monotonic(), None))

    async def write_side():
        try:
            while True:
                due, data = await queue.get()
                wait = due - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                if data is None:  # the reading side broke: break this side too
                    writer.transport.abort()
                    return
                if not data:  # end of stream: pass the half-close on
                    if writer.can_write_eof():
                        writer.write_eof()
                    return
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass

    await asyncio.gather(read_side(), write_side())


async def handle(client_reader, client_writer, target, delay):
    try:
        up_reader, up_writer = await asyncio.open_connection(*target)
    except OSError:
        client_writer.transport.abort()
        return
    try:
        await asyncio.gather(
            pipe(client_reader, up_writer, delay), pipe(up_reader, client_writer, delay)
        )
    finally:
        for w in (client_writer, up_writer):
            w.close()


def address(text):
    host, _, port = text.rpartition(":")
    return host, int(port)


async def main():
    parser = argparse.ArgumentParser(description="delaying TCP relay for the link-fault tests")
    parser.add_argument("--listen", required=True, type=address)
    parser.add_argument("--to", required=True, type=address)
    parser.add_argument("--delay-ms", type=int, default=0)
    parser.add_argument("--control")
    args = parser.parse_args()
    delay = Delay(args.delay_ms, args.control)
    delay.poll()
    server = await asyncio.start_server(
        lambda r, w: handle(r, w, args.to, delay), *args.listen, reuse_address=True
    )
    print(server.sockets[0].getsockname()[1], flush=True)
    async with server:
        while True:
            delay.poll()
            await asyncio.sleep(CONTROL_POLL_S)


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
