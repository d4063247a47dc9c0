"""Tests of jitter_shim.py, run by ``jitter_shim.py --self-test`` (not by Maven)."""
import select
import socket
import statistics
import time
import unittest

from shim_relay import DelayModel, Relay, Rfc3550Jitter
from shim_sip import Message, Router, SipError, audio_address, rewrite_sdp

SHIM = ("127.0.0.1", 5070)
B = ("127.0.0.1", 5080)

OFFER = (
    b"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.9\r\nt=0 0\r\n"
    b"m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=rtcp:40001\r\n"
    b"m=video 40002 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\n"
)


def invite(body=OFFER, extra=""):
    head = (
        f"INVITE sip:bob@127.0.0.1:5070 SIP/2.0\r\n"
        f"Via: SIP/2.0/UDP 127.0.0.1:5060;rport;branch=z9hG4bKabc\r\n"
        f"Max-Forwards: 70\r\n"
        f"From: <sip:alice@127.0.0.1>;tag=ta\r\n"
        f"To: <sip:bob@127.0.0.1:5070>\r\n"
        f"Call-ID: c1\r\nCSeq: 1 INVITE\r\n"
        f"Contact: <sip:alice@127.0.0.1:5060>\r\n{extra}"
        f"Content-Type: application/sdp\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


class SipTest(unittest.TestCase):
    def setUp(self):
        self.router = Router(*SHIM, B)

    def test_invite_to_the_shim_goes_to_the_next_hop_with_our_via_and_record_route(self):
        msg = Message.parse(invite())
        target = self.router.forward_request(msg, ("127.0.0.1", 5060))
        self.assertEqual(target, B)
        self.assertEqual(msg.start, "INVITE sip:bob@127.0.0.1:5080 SIP/2.0")
        vias = msg.all("via")
        self.assertTrue(vias[0].startswith("SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-shim-"))
        self.assertIn(";received=127.0.0.1;rport=5060", vias[1])
        self.assertEqual(msg.all("record-route"), ["<sip:127.0.0.1:5070;lr>"])
        self.assertEqual(msg.get("max-forwards"), "69")

    def test_our_record_route_goes_above_an_upstream_proxys(self):
        msg = Message.parse(invite(extra="Record-Route: <sip:127.0.0.2;lr>\r\n"))
        self.router.forward_request(msg, ("127.0.0.1", 5060))
        self.assertEqual(
            msg.all("record-route"), ["<sip:127.0.0.1:5070;lr>", "<sip:127.0.0.2;lr>"]
        )

    def test_cancel_gets_the_same_branch_as_its_invite(self):
        first = Message.parse(invite())
        cancel = Message.parse(invite(b"").replace(b"INVITE sip", b"CANCEL sip"))
        self.router.forward_request(first, ("127.0.0.1", 5060))
        self.router.forward_request(cancel, ("127.0.0.1", 5060))
        self.assertEqual(first.all("via")[0], cancel.all("via")[0])
        self.assertEqual(cancel.all("record-route"), [])

    def test_in_dialog_request_pops_our_route_and_follows_the_request_uri(self):
        bye = (
            b"BYE sip:alice@127.0.0.1:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5080;branch=z9hG4bKb\r\n"
            b"Route: <sip:127.0.0.1:5070;lr>, <sip:127.0.0.1:5090;lr>\r\n"
            b"From: <sip:bob@x>;tag=tb\r\nTo: <sip:alice@x>;tag=ta\r\nCall-ID: c1\r\n"
            b"CSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n"
        )
        msg = Message.parse(bye)
        self.assertEqual(self.router.forward_request(msg, B), ("127.0.0.1", 5090))
        self.assertEqual(msg.all("route"), ["<sip:127.0.0.1:5090;lr>"])
        msg = Message.parse(bye.replace(b", <sip:127.0.0.1:5090;lr>", b""))
        self.assertEqual(self.router.forward_request(msg, B), ("127.0.0.1", 5060))
        self.assertEqual(msg.all("route"), [])

    def test_preloaded_route_goes_to_the_next_hop_and_so_does_the_ack_of_a_407(self):
        preloaded = invite(extra="Route: <sip:127.0.0.1:5070;lr>\r\n").replace(
            b"INVITE sip:bob@127.0.0.1:5070", b"INVITE sip:bob@127.0.0.1"
        )
        msg = Message.parse(preloaded)
        self.assertEqual(self.router.forward_request(msg, ("127.0.0.1", 5060)), B)
        self.assertEqual(msg.request_uri(), "sip:bob@127.0.0.1")
        self.assertEqual(msg.all("route"), [])
        ack = (
            preloaded.split(b"Content-Type")[0].replace(b"INVITE sip", b"ACK sip")
            .replace(b"1 INVITE", b"1 ACK").replace(b"To: <sip:bob@127.0.0.1:5070>", b"To: <sip:bob@x>;tag=t407")
            + b"Content-Length: 0\r\n\r\n"
        )
        msg = Message.parse(ack)
        self.assertEqual(self.router.forward_request(msg, ("127.0.0.1", 5060)), B)

    def test_response_loses_our_via_and_goes_to_received_rport(self):
        msg = Message.parse(invite())
        self.router.forward_request(msg, ("127.0.0.1", 5061))
        vias = "".join(f"Via: {v}\r\n" for v in msg.all("via"))
        ok = (
            f"SIP/2.0 200 OK\r\n{vias}From: <sip:alice@x>;tag=ta\r\nTo: <sip:bob@x>;tag=tb\r\n"
            f"Call-ID: c1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n"
        ).encode()
        response = Message.parse(ok)
        self.assertEqual(self.router.forward_response(response), ("127.0.0.1", 5061))
        self.assertEqual(len(response.all("via")), 1)
        self.assertEqual(response.method(), "INVITE")

    def test_response_whose_top_via_is_not_ours_is_refused(self):
        ok = b"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKx\r\nCSeq: 1 INVITE\r\n\r\n"
        with self.assertRaises(SipError):
            self.router.forward_response(Message.parse(ok))

    def test_sdp_rewrite_moves_only_the_audio_and_fixes_content_length(self):
        self.assertEqual(audio_address(OFFER), ("127.0.0.9", 40000))
        msg = Message.parse(invite())
        msg.body = rewrite_sdp(msg.body, "127.0.0.1", 44100)
        wire = msg.to_bytes()
        head, body = wire.split(b"\r\n\r\n", 1)
        self.assertIn(f"Content-Length: {len(body)}".encode(), head)
        lines = body.decode().split("\r\n")
        audio = lines.index("m=audio 44100 RTP/AVP 0")
        self.assertEqual(lines[audio + 1], "c=IN IP4 127.0.0.1")
        self.assertIn("a=rtcp:44101", lines)
        self.assertIn("c=IN IP4 127.0.0.9", lines[:audio])  # the video stays where it was
        self.assertIn("m=video 40002 RTP/AVP 96", lines)
        self.assertEqual(audio_address(body), ("127.0.0.1", 44100))

    def test_malformed_messages_are_refused_with_a_reason(self):
        for data in (
            b"INVITE sip:b SIP/2.0\r\nVia: x\r\n",  # no blank line
            b"HELLO\r\n\r\n",
            invite().replace(b"Content-Length: ", b"Content-Length: 9"),  # longer than the body
            b"INVITE sip:b SIP/2.0\r\nno colon here\r\n\r\n",
        ):
            with self.assertRaises(SipError):
                Message.parse(data)
        with self.assertRaises(SipError):
            rewrite_sdp(b"v=0\r\nm=video 1 RTP/AVP 96\r\n", "127.0.0.1", 44100)


def expected_rfc3550_jitter_ms(model, spacing_ms, packets):
    """Receiver's RFC 3550 jitter for packets sent every spacing_ms, taken in arrival order."""
    sent = [i * spacing_ms / 1000 for i in range(packets)]
    arrivals = sorted((s + model.next_ms() / 1000, s) for s in sent)
    estimator = Rfc3550Jitter()
    for arrived, s in arrivals:
        estimator.add(s, arrived)
    return statistics.mean(estimator.samples[32:])


class DelayTest(unittest.TestCase):
    def test_uniform_30_spreads_over_0_to_60_ms_around_30(self):
        model = DelayModel(30, seed=7)
        draws = [model.next_ms() for _ in range(20000)]
        self.assertGreaterEqual(min(draws), 0)
        self.assertLessEqual(max(draws), 60)
        self.assertAlmostEqual(statistics.mean(draws), 30, delta=0.5)
        self.assertAlmostEqual(statistics.pstdev(draws), 60 / 12**0.5, delta=0.5)

    def test_same_seed_same_delays(self):
        a, b = DelayModel(30, seed=3), DelayModel(30, seed=3)
        self.assertEqual([a.next_ms() for _ in range(50)], [b.next_ms() for _ in range(50)])

    def test_rfc3550_jitter_of_uniform_30_at_20_ms_packets(self):
        # Independent U(0, 60) delays: E|d_j - d_i| = 60/3 = 20 ms if packets kept their order.
        # Taken in arrival order, a reordered pair has S_j - S_i < 0, which adds to |D|: 21.6.
        value = expected_rfc3550_jitter_ms(DelayModel(30, seed=1), 20, 20000)
        self.assertAlmostEqual(value, 21.6, delta=0.5)

    def test_rfc3550_estimator_matches_a_hand_computation(self):
        estimator = Rfc3550Jitter()
        estimator.add(0.000, 0.010)  # transit 10 ms
        estimator.add(0.020, 0.040)  # transit 20 ms: D = 10 ms, J = 10/16
        estimator.add(0.040, 0.050)  # transit 10 ms: D = 10 ms, J += (10 - J)/16
        self.assertAlmostEqual(estimator.samples[0], 0.625)
        self.assertAlmostEqual(estimator.samples[1], 0.625 + (10 - 0.625) / 16)


class RelayTest(unittest.TestCase):
    """Real UDP on loopback: party A and party B behind the relay."""

    def setUp(self):
        self.a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        for s in (self.a, self.b):
            s.bind(("127.0.0.1", 0))
            s.settimeout(2)

    def tearDown(self):
        self.a.close()
        self.b.close()

    def relay(self, model):
        relay = Relay("127.0.0.1", 44900, 44999, model)
        leg_a = relay.leg_for("c1", "ta", self.a.getsockname())
        leg_b = relay.leg_for("c1", "tb", self.b.getsockname())
        self.addCleanup(relay.close)
        return relay, leg_a, leg_b

    def pump(self, relay, seconds):
        """Runs the relay's part of the shim's loop for a while (a test has no select loop)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for sock in relay.by_socket:
                relay.on_readable(sock)
            relay.flush()

    def test_packets_come_from_the_peer_leg_both_ways(self):
        relay, leg_a, leg_b = self.relay(DelayModel(0))
        self.a.sendto(b"\x80to-b", ("127.0.0.1", leg_b.port))  # A sends where B's SDP said
        self.pump(relay, 0.05)
        data, source = self.b.recvfrom(100)
        self.assertEqual((data, source[1]), (b"\x80to-b", leg_a.port))
        self.b.sendto(b"\x80to-a", ("127.0.0.1", leg_a.port))
        self.pump(relay, 0.05)
        data, source = self.a.recvfrom(100)
        self.assertEqual((data, source[1]), (b"\x80to-a", leg_b.port))

    def test_muxed_rtcp_is_relayed_but_kept_out_of_the_rtp_statistics(self):
        relay, _, leg_b = self.relay(DelayModel(0))
        self.a.sendto(bytes([0x80, 200, 0, 6]), ("127.0.0.1", leg_b.port))  # a sender report
        self.pump(relay, 0.05)
        self.assertEqual(self.b.recvfrom(100)[0][1], 200)
        self.assertEqual(relay.summary()["c1"]["to_B"]["packets"], 0)

    def test_zero_jitter_adds_well_under_a_millisecond(self):
        relay, _, leg_b = self.relay(DelayModel(0))
        for i in range(200):
            self.a.sendto(bytes([0x80, i]), ("127.0.0.1", leg_b.port))
            self.pump(relay, 0.001)
            self.b.recvfrom(100)
        hold = relay.summary()["c1"]["to_B"]["hold_ms"]
        self.assertLess(hold["p50"], 0.5)
        self.assertEqual(relay.summary()["c1"]["to_B"]["reordered"], 0)

    def test_jitter_holds_packets_for_their_drawn_delay_and_reorders_them(self):
        now = [100.0]  # an injected clock: the holds are exactly the drawn delays
        relay = Relay("127.0.0.1", 44900, 44999, DelayModel(10, seed=5), clock=lambda: now[0])
        relay.leg_for("c1", "ta", self.a.getsockname())
        leg_b = relay.leg_for("c1", "tb", self.b.getsockname())
        self.addCleanup(relay.close)
        expected = DelayModel(10, seed=5)
        due = []
        for i in range(100):
            self.a.sendto(bytes([0x80, i]), ("127.0.0.1", leg_b.port))
            select.select([leg_b.rtp], [], [], 2)
            relay.on_readable(leg_b.rtp)
            due.append((now[0] + expected.next_ms() / 1000, i))
            now[0] += 0.002
            relay.flush()
        for _ in range(15):
            now[0] += 0.002
            relay.flush()
        order = [self.b.recvfrom(100)[0][1] for _ in range(100)]
        self.assertEqual(order, [i for _, i in sorted(due)])
        self.assertNotEqual(order, list(range(100)))
        summary = relay.summary()["c1"]["to_B"]
        self.assertEqual(summary["reordered"], sum(
            1 for k, i in enumerate(order) if i < max(order[:k], default=-1)
        ))
        self.assertGreater(summary["hold_ms"]["p50"], 5)  # U(0, 20) ms, held in 2 ms steps
        self.assertLessEqual(summary["hold_ms"]["max"], 20 + 2)


def run():
    suite = unittest.defaultTestLoader.loadTestsFromModule(__import__(__name__))
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    return 0 if result.wasSuccessful() else 1
