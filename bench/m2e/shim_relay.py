"""The RTP/RTCP half of jitter_shim.py: per-call relay legs and a seeded per-packet delay.

A call has two legs, one per party. A party's leg is the address the shim advertises to the
OTHER party in place of the party's own: what arrives on it is forwarded, after the packet's
delay, to the party's real address and sent from the other party's leg, so each side sees its
peer's packets come from exactly the address its SDP names (symmetric RTP, latching).
"""
import heapq
import random
import socket
import time


def is_rtcp_packet(data):
    """RTCP multiplexed on the RTP port (RFC 5761 §4: packet types 192-223 are RTCP's)."""
    return len(data) > 1 and 192 <= data[1] <= 223


class DelayModel:
    """Seeded one-way delay per packet, in ms, drawn independently for every packet.

    uniform (netem's default for ``delay BASE JITTER``): BASE + U(-JITTER, +JITTER).
    normal (netem's ``distribution normal``): BASE + N(0, JITTER).
    BASE defaults to JITTER, so the smallest delay is 0; a draw below 0 is sent at once.
    """

    def __init__(self, jitter_ms, base_ms=None, distribution="uniform", seed=1):
        if jitter_ms < 0 or distribution not in ("uniform", "normal"):
            raise ValueError("jitter_ms >= 0 and distribution uniform|normal")
        self.jitter_ms = jitter_ms
        self.base_ms = jitter_ms if base_ms is None else base_ms
        self.distribution = distribution
        self.rng = random.Random(seed)

    def next_ms(self):
        if self.jitter_ms == 0:
            return max(0.0, self.base_ms)
        if self.distribution == "uniform":
            spread = self.rng.uniform(-self.jitter_ms, self.jitter_ms)
        else:
            spread = self.rng.gauss(0, self.jitter_ms)
        return max(0.0, self.base_ms + spread)


class Rfc3550Jitter:
    """The interarrival jitter estimator of RFC 3550 §6.4.1 / A.8, in ms, in arrival order.

    Fed the time each packet was handed to the shim (its "send" time S as far as the shim's
    added jitter goes) and the time the shim sent it on (its "arrival" R), it measures exactly
    the jitter the shim adds, in the units a receiver reports it.
    """

    def __init__(self):
        self.previous = None
        self.jitter_ms = 0.0
        self.samples = []

    def add(self, sent_s, arrived_s):
        if self.previous is not None:
            d_ms = ((arrived_s - self.previous[1]) - (sent_s - self.previous[0])) * 1000
            self.jitter_ms += (abs(d_ms) - self.jitter_ms) / 16
            self.samples.append(self.jitter_ms)
        self.previous = (sent_s, arrived_s)


class Direction:
    """What the shim did to the packets going to one party."""

    def __init__(self):
        self.hold_ms, self.late_ms = [], []
        self.received = 0
        self.highest_sent = -1
        self.reordered = 0
        self.dropped = 0
        self.jitter = Rfc3550Jitter()

    def summary(self):
        def pct(values, q):
            if not values:
                return None
            ordered = sorted(values)
            return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 3)

        # The estimator's mean after its first 1/16-gain transient (RFC 3550 reports it
        # sampled; its mean is what a receiver's reports average to).
        steady = self.jitter.samples[32:] or self.jitter.samples
        return {
            "packets": len(self.hold_ms),
            "dropped_no_peer": self.dropped,
            "reordered": self.reordered,
            "hold_ms": {
                "mean": round(sum(self.hold_ms) / len(self.hold_ms), 3) if self.hold_ms else None,
                "p50": pct(self.hold_ms, 0.5),
                "p90": pct(self.hold_ms, 0.9),
                "p99": pct(self.hold_ms, 0.99),
                "max": pct(self.hold_ms, 1.0),
            },
            "late_ms_p99": pct(self.late_ms, 0.99),
            "rfc3550_jitter_ms": {
                "mean": round(sum(steady) / len(steady), 3) if steady else None,
                "last": round(self.jitter.jitter_ms, 3),
            },
        }


class Leg:
    """One party's relay address (an RTP port and the RTCP port above it)."""

    def __init__(self, label, rtp, rtcp, port):
        self.label, self.rtp, self.rtcp, self.port = label, rtp, rtcp, port
        self.target_rtp = self.target_rtcp = None
        self.peer = None
        self.direction = Direction()


class Relay:
    """All legs of all calls, and the packets waiting for their delay to pass."""

    def __init__(self, host, first_port, last_port, model, clock=time.monotonic):
        self.host, self.next_port, self.last_port = host, first_port, last_port
        self.model, self.clock = model, clock
        self.legs = {}  # (call_id, tag) -> Leg
        self.by_socket = {}  # socket -> (Leg, is_rtcp)
        self.queue = []  # (due_s, order, Leg, is_rtcp, data, received_s, received_index)
        self.order = 0
        self.on_new_socket = lambda sock: None

    def leg_for(self, call_id, tag, rtp_address, rtcp_port=None):
        """The leg of party tag in call call_id, now forwarding to rtp_address."""
        leg = self.legs.get((call_id, tag))
        if leg is None:
            others = [g for (c, _), g in self.legs.items() if c == call_id]
            leg = self._allocate("A" if not others else "B")
            self.legs[(call_id, tag)] = leg
            if others:
                leg.peer, others[-1].peer = others[-1], leg
        host, port = rtp_address
        leg.target_rtp = (host, port)
        leg.target_rtcp = (host, rtcp_port or port + 1)
        return leg

    def _allocate(self, label):
        while self.next_port + 1 <= self.last_port:
            port = self.next_port
            self.next_port += 2
            rtp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            rtcp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            try:
                rtp.bind((self.host, port))
                rtcp.bind((self.host, port + 1))
            except OSError:
                rtp.close()
                rtcp.close()
                continue  # taken by someone else: the next pair
            leg = Leg(label, rtp, rtcp, port)
            for sock, is_rtcp in ((rtp, False), (rtcp, True)):
                sock.setblocking(False)
                self.by_socket[sock] = (leg, is_rtcp)
                self.on_new_socket(sock)
            return leg
        raise OSError("no free RTP port pair left in the relay's range")

    def on_readable(self, sock):
        leg, is_rtcp = self.by_socket[sock]
        try:
            data, _ = sock.recvfrom(65536)
        except BlockingIOError:
            return
        now = self.clock()
        direction = leg.direction
        index = direction.received
        direction.received += 1
        delay_s = self.model.next_ms() / 1000
        heapq.heappush(self.queue, (now + delay_s, self.order, leg, is_rtcp, data, now, index))
        self.order += 1

    def next_due(self):
        return self.queue[0][0] if self.queue else None

    def flush(self):
        """Sends every packet whose time has come; returns how many."""
        sent = 0
        while self.queue and self.queue[0][0] <= self.clock():
            due, _, leg, is_rtcp, data, received, index = heapq.heappop(self.queue)
            direction = leg.direction
            if leg.peer is None or leg.target_rtp is None:
                direction.dropped += 1
                continue
            out = leg.peer.rtcp if is_rtcp else leg.peer.rtp
            try:
                out.sendto(data, leg.target_rtcp if is_rtcp else leg.target_rtp)
            except OSError:
                direction.dropped += 1  # the party is gone (ICMP port unreachable)
                continue
            now = self.clock()
            sent += 1
            if is_rtcp or is_rtcp_packet(data):
                continue  # the statistics are of the RTP stream
            direction.hold_ms.append((now - received) * 1000)
            direction.late_ms.append((now - due) * 1000)
            if index < direction.highest_sent:
                direction.reordered += 1
            direction.highest_sent = max(direction.highest_sent, index)
            direction.jitter.add(received, now)
        return sent

    def summary(self):
        """Per call, per party: what the shim did to the RTP going to that party."""
        calls = {}
        for (call_id, _), leg in self.legs.items():
            calls.setdefault(call_id, {})[f"to_{leg.label}"] = leg.direction.summary()
        return calls

    def close(self):
        for sock in self.by_socket:
            sock.close()
