#!/usr/bin/env python3
"""A TCP forwarder for bench/outage/run: listens on LISTEN_PORT and forwards each connection to TARGET_HOST:TARGET_PORT.
Killing the process is the outage: the port refuses connections and every connection through it closes."""
import asyncio
import os
import sys

TARGET = (os.environ.get("TARGET_HOST", "localhost"), int(os.environ.get("TARGET_PORT", "5432")))


async def pump(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


async def forward(client_reader, client_writer):
    try:
        upstream_reader, upstream_writer = await asyncio.open_connection(*TARGET)
    except OSError:
        client_writer.close()
        return
    await asyncio.gather(pump(client_reader, upstream_writer), pump(upstream_reader, client_writer))


async def main(port):
    server = await asyncio.start_server(forward, "127.0.0.1", port, reuse_address=True)
    async with server:
        await server.serve_forever()


asyncio.run(main(int(sys.argv[1])))
