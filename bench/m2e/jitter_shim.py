#!/usr/bin/env python3
"""A SIP/RTP jitter shim for bench/mouth-to-ear.sh: network jitter on loopback without netem.

  jitter_shim.py --port P --next-hop HOST:PORT --rtp-ports LO-HI --jitter-ms J
                 [--base-ms B] [--distribution uniform|normal] [--seed N] [--stats FILE.json]
  jitter_shim.py --self-test

A minimal stateless SIP proxy on 127.0.0.1:P (UDP). A request addressed to the shim itself
(sip:bob@127.0.0.1:P) goes to --next-hop with its Request-URI rewritten there; a request with
a preloaded Route to the shim and no Route after it goes out of dialog to --next-hop (a
registrar resolves it) and in dialog to its Request-URI. The shim adds its Via (and a
Record-Route on dialog-creating INVITEs, so in-dialog requests pass it too) and removes its Via
from responses. Every SDP offer and answer it forwards has its audio address replaced by a relay
port pair of the shim's, and the relay forwards RTP and RTCP both ways, each packet held for its
own seeded delay (shim_relay.DelayModel): with --jitter-ms 30 and the defaults, uniform in
0-60 ms (netem's "delay 30ms 30ms"). Packets overtake each other as they would under netem.

On SIGTERM/SIGINT it writes --stats: per call and direction, the packets relayed, how long the
shim held them, how many were reordered, and the RFC 3550 interarrival jitter the shim added
(computed from its own receive and send times, so the senders' own jitter is not in it).
Traffic only to 127.0.0.0/8 (the next hop and the parties must be loopback addresses).
"""
import argparse
import json
import logging
import pathlib
import selectors
import signal
import socket
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the bench scripts
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

from shim_relay import DelayModel, Relay  # noqa: E402
from shim_sip import Message, Router, SipError, audio_address, rewrite_sdp  # noqa: E402

LOG = logging.getLogger("jitter_shim")


class Shim:
    """The proxy's socket, its router and the relay, driven by one select loop."""

    def __init__(self, host, port, next_hop, relay):
        self.router = Router(host, port, next_hop)
        self.relay = relay
        self.sip = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sip.bind((host, port))
        self.sip.setblocking(False)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.sip, selectors.EVENT_READ)
        relay.on_new_socket = lambda sock: self.selector.register(sock, selectors.EVENT_READ)
        self.stopping = False

    def run(self):
        while not self.stopping:
            due = self.relay.next_due()
            timeout = 0.5 if due is None else max(0.0, due - self.relay.clock())
            for key, _ in self.selector.select(min(timeout, 0.5)):
                if key.fileobj is self.sip:
                    self.on_sip()
                else:
                    self.relay.on_readable(key.fileobj)
            self.relay.flush()

    def on_sip(self):
        try:
            data, source = self.sip.recvfrom(65536)
        except BlockingIOError:
            return
        if not data.strip():
            return  # a keep-alive (RFC 5626 CRLF)
        try:
            msg, target = self.route(data, source)
        except (SipError, ValueError, OSError) as e:
            LOG.warning("dropped a datagram from %s:%s: %s", source[0], source[1], e)
            return
        if not target[0].startswith("127."):
            LOG.warning("dropped %s: next hop %s is not loopback", msg.start[:40], target)
            return
        self.sip.sendto(msg.to_bytes(), target)
        LOG.info("%s -> %s:%s", msg.start[:60], target[0], target[1])

    def route(self, data, source):
        """The rewritten message and where it goes."""
        msg = Message.parse(data)
        if msg.is_request():
            target = self.router.forward_request(msg, source)
        else:
            target = self.router.forward_response(msg)
        if msg.body and "application/sdp" in (msg.get("content-type") or "").lower():
            self.relay_sdp(msg)
        return msg, target

    def relay_sdp(self, msg):
        address = audio_address(msg.body)
        if address is None or address[1] == 0:
            return  # no audio, or audio declined: nothing to relay
        # The SDP describes its sender: the From party of a request, the To party of a response.
        tag = msg.tag("from") if msg.is_request() else msg.tag("to")
        leg = self.relay.leg_for(msg.get("call-id"), tag or "", address)
        msg.body = rewrite_sdp(msg.body, self.router.host, leg.port)


def host_port(text):
    host, _, port = text.rpartition(":")
    return host, int(port)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int)
    parser.add_argument("--next-hop", type=host_port)
    parser.add_argument("--rtp-ports", default="44100-44199")
    parser.add_argument("--jitter-ms", type=float, default=0.0)
    parser.add_argument("--base-ms", type=float)
    parser.add_argument("--distribution", default="uniform", choices=("uniform", "normal"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stats", type=pathlib.Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    if args.self_test:
        import shim_test  # noqa: PLC0415 (only the self-test needs unittest)

        return shim_test.run()
    if args.port is None or args.next_hop is None:
        parser.error("--port and --next-hop are required")
    if not (args.host.startswith("127.") and args.next_hop[0].startswith("127.")):
        parser.error("loopback only: --host and --next-hop must be 127.x addresses")
    first, _, last = args.rtp_ports.partition("-")
    model = DelayModel(args.jitter_ms, args.base_ms, args.distribution, args.seed)
    relay = Relay(args.host, int(first), int(last), model)
    shim = Shim(args.host, args.port, args.next_hop, relay)

    def stop(signum, frame):
        shim.stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    LOG.info(
        "shim on %s:%s -> %s:%s, delay %s ms base + %s %s ms, seed %s",
        args.host, args.port, *args.next_hop,
        model.base_ms, model.distribution, model.jitter_ms, args.seed,
    )  # fmt: skip
    try:
        shim.run()
    finally:
        if args.stats:
            settings = {
                "jitter_ms": model.jitter_ms,
                "base_ms": model.base_ms,
                "distribution": model.distribution,
                "seed": args.seed,
            }
            args.stats.write_text(json.dumps({"settings": settings, "calls": relay.summary()}))
        relay.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
