#!/usr/bin/env python3
"""A TCP relay the UI tests put between a screen and the service, to cut one screen's link while
the service (and everyone else) carries on. Killing the relay drops every connection through it;
starting it again on the same port restores the link.

usage: tcp_relay.py LISTEN_PORT TARGET_PORT   (both on 127.0.0.1; 0 picks a free port, printed)
"""
import socket
import sys
import threading


def pipe(src, dst):
    # One direction of one connection; either side closing ends both.
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def main():
    listen_port, target_port = int(sys.argv[1]), int(sys.argv[2])
    server = socket.socket()
    # The same port again right after a kill: the screen reconnects where it looked before.
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", listen_port))
    server.listen(64)
    print(server.getsockname()[1], flush=True)
    while True:
        client, _ = server.accept()
        try:
            upstream = socket.create_connection(("127.0.0.1", target_port))
        except OSError:
            client.close()
            continue
        for a, b in ((client, upstream), (upstream, client)):
            threading.Thread(target=pipe, args=(a, b), daemon=True).start()


if __name__ == "__main__":
    main()
