"""SIP and SDP text handling for jitter_shim.py: parse, route statelessly, rewrite SDP.

Only what a stateless proxy on loopback needs (RFC 3261 §16.11): requests get our Via on top
(a branch derived from the incoming one, so a CANCEL or non-2xx ACK gets the INVITE's branch)
and, for dialog-creating INVITEs, our Record-Route; responses lose our Via and go to the next
Via's received/rport. SDP bodies have their audio address replaced by a relay address.
"""
import hashlib
import re

COMPACT = {
    "v": "via",
    "f": "from",
    "t": "to",
    "i": "call-id",
    "l": "content-length",
    "m": "contact",
    "c": "content-type",
}


class SipError(ValueError):
    """A datagram that is not a SIP message we can forward."""


class Message:
    """One SIP message: start line, ordered (name, value) headers, body bytes."""

    def __init__(self, start, headers, body):
        self.start = start
        self.headers = headers
        self.body = body

    @staticmethod
    def parse(data):
        head, sep, body = data.partition(b"\r\n\r\n")
        if not sep:
            raise SipError("no blank line after the headers")
        try:
            lines = head.decode("utf-8").split("\r\n")
        except UnicodeDecodeError as e:
            raise SipError("headers are not UTF-8") from e
        start, headers = lines[0], []
        if not (start.startswith("SIP/2.0 ") or start.endswith(" SIP/2.0")):
            raise SipError(f"not a SIP start line: {start[:40]!r}")
        for line in lines[1:]:
            if line[:1] in (" ", "\t") and headers:  # folded continuation (RFC 3261 §7.3.1)
                name, value = headers[-1]
                headers[-1] = (name, value + " " + line.strip())
                continue
            name, colon, value = line.partition(":")
            if not colon:
                raise SipError(f"header without a colon: {line[:40]!r}")
            name = name.strip()
            lower = COMPACT.get(name.lower(), name.lower())
            # Via, Route and Record-Route may carry several values in one line: one per header.
            if lower in ("via", "route", "record-route"):
                headers.extend((name, v) for v in split_values(value))
            else:
                headers.append((name, value.strip()))
        length = Message._get(headers, "content-length")
        if length is not None:
            if not length.isdigit() or int(length) > len(body):
                raise SipError(f"Content-Length {length} but {len(body)} body bytes")
            body = body[: int(length)]
        return Message(start, headers, body)

    @staticmethod
    def _get(headers, name):
        for n, v in headers:
            if COMPACT.get(n.lower(), n.lower()) == name:
                return v
        return None

    def is_request(self):
        return not self.start.startswith("SIP/2.0 ")

    def method(self):
        return self.start.split(" ", 1)[0] if self.is_request() else self.get("cseq").split()[-1]

    def status(self):
        return int(self.start.split(" ", 2)[1])

    def request_uri(self):
        return self.start.split(" ")[1]

    def set_request_uri(self, uri):
        method, _, version = self.start.split(" ")
        self.start = f"{method} {uri} {version}"

    def get(self, name):
        return Message._get(self.headers, name)

    def all(self, name):
        return [v for n, v in self.headers if COMPACT.get(n.lower(), n.lower()) == name]

    def index(self, name):
        name = name.lower()
        for i, (n, _) in enumerate(self.headers):
            if COMPACT.get(n.lower(), n.lower()) == name:
                return i
        return -1

    def set(self, name, value):
        i = self.index(name)
        if i < 0:
            self.headers.append((name, value))
        else:
            self.headers[i] = (self.headers[i][0], value)

    def tag(self, name):
        match = re.search(r";\s*tag=([^;>\s]+)", self.get(name) or "")
        return match[1] if match else None

    def to_bytes(self):
        self.set("Content-Length", str(len(self.body)))
        head = "\r\n".join([self.start] + [f"{n}: {v}" for n, v in self.headers])
        return head.encode("utf-8") + b"\r\n\r\n" + self.body


def split_values(value):
    """Splits a comma-separated header value, ignoring commas inside <...> and quotes."""
    parts, depth, quoted, current = [], 0, False, []
    for ch in value:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch == "<":
            depth += 1
        elif not quoted and ch == ">":
            depth -= 1
        if ch == "," and depth == 0 and not quoted:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def uri_host_port(uri):
    """(host, port) of a sip: URI (or a name-addr holding one); port 5060 when absent."""
    match = re.search(r"sips?:(?:[^@;>]*@)?(\[[^\]]+\]|[^:;>?]+)(?::(\d+))?", uri)
    if not match:
        raise SipError(f"not a SIP URI: {uri[:60]!r}")
    return match[1], int(match[2] or 5060)


def via_destination(via):
    """Where a response to this Via goes: received/rport when present (RFC 3581)."""
    host, port = via_sent_by(via)
    received = re.search(r";\s*received=([^;\s]+)", via)
    rport = re.search(r";\s*rport=(\d+)", via)
    return received[1] if received else host, int(rport[1]) if rport else port


def via_sent_by(via):
    """(host, port) of a Via's sent-by; port 5060 when absent."""
    match = re.match(r"SIP/2\.0/\w+\s+([^;:\s]+)(?::(\d+))?", via.strip(), re.IGNORECASE)
    if not match:
        raise SipError(f"bad Via: {via[:60]!r}")
    return match[1], int(match[2] or 5060)


class Router:
    """Stateless forwarding decisions for a proxy at (host, port) with one static next hop."""

    def __init__(self, host, port, next_hop):
        self.host, self.port, self.next_hop = host, port, next_hop
        self.invites = {}  # top Via branch of a forwarded INVITE -> where it went

    def is_us(self, host, port):
        return port == self.port and host in (self.host, "localhost")

    def forward_request(self, msg, source):
        """Rewrites msg in place for forwarding; returns the (host, port) to send it to."""
        max_forwards = msg.get("max-forwards")
        if max_forwards is not None:
            if not max_forwards.strip().isdigit() or int(max_forwards) <= 0:
                raise SipError("Max-Forwards exhausted")
            msg.set("Max-Forwards", str(int(max_forwards) - 1))
        # Pop our own Route (we record-routed the dialog, or the sender preloaded us).
        routes = msg.all("route")
        if routes and self.is_us(*uri_host_port(routes[0])):
            del msg.headers[msg.index("route")]
            routes = routes[1:]
        branch = top_branch(msg)
        if msg.method() == "ACK" and not routes and branch in self.invites:
            # The ACK of a non-2xx answer: where its INVITE went (it carries the To tag of
            # that answer, which would otherwise make it look like an in-dialog request).
            target = self.invites[branch]
        elif self.is_us(*uri_host_port(msg.request_uri())):
            # Addressed to us (sip:bob@SHIM): the static next hop is the real target.
            target = self.next_hop
            msg.set_request_uri(replace_host_port(msg.request_uri(), *self.next_hop))
        elif routes:
            target = uri_host_port(routes[0])
        elif msg.tag("to") is None:
            target = self.next_hop  # out of dialog: the next hop resolves it (a registrar)
        else:
            target = uri_host_port(msg.request_uri())
        if msg.method() == "INVITE":
            self.invites[branch] = target
            while len(self.invites) > 1000:  # a bench runs a few calls; stay bounded anyway
                del self.invites[next(iter(self.invites))]
        self._add_via(msg, source)
        if msg.method() == "INVITE" and msg.tag("to") is None:
            # Ours on top of any upstream proxy's (RFC 3261 §16.6 step 4).
            above = msg.index("record-route")
            msg.headers.insert(
                above if above >= 0 else msg.index("via"),
                ("Record-Route", f"<sip:{self.host}:{self.port};lr>"),
            )
        if self.is_us(*target):
            raise SipError("the next hop is this proxy: a loop")
        return target

    def _add_via(self, msg, source):
        i = msg.index("via")
        if i < 0:
            raise SipError("request without Via")
        top = msg.headers[i][1]
        # RFC 3581: record where the request came from, so the response finds its way back.
        if re.search(r";\s*rport(?=;|$)", top):
            top = re.sub(r";\s*rport(?=;|$)", f";received={source[0]};rport={source[1]}", top)
            msg.headers[i] = (msg.headers[i][0], top)
        ours = "z9hG4bK-shim-" + hashlib.sha1(top_branch(msg).encode()).hexdigest()[:16]
        msg.headers.insert(i, ("Via", f"SIP/2.0/UDP {self.host}:{self.port};branch={ours}"))

    def forward_response(self, msg):
        """Removes our Via; returns where the response goes next."""
        i = msg.index("via")
        if i < 0 or not self.is_us(*via_sent_by(msg.headers[i][1])):
            raise SipError("response whose top Via is not ours")
        del msg.headers[i]
        nxt = msg.get("via")
        if nxt is None:
            raise SipError("response with only our Via")
        return via_destination(nxt)


def top_branch(msg):
    top = msg.get("via")
    if top is None:
        raise SipError("request without Via")
    match = re.search(r";\s*branch=([^;\s]+)", top)
    return match[1] if match else top


def replace_host_port(uri, host, port):
    return re.sub(
        r"(sips?:(?:[^@;>]*@)?)(\[[^\]]+\]|[^:;>?]+)(?::\d+)?", rf"\g<1>{host}:{port}", uri, 1
    )


def audio_address(sdp):
    """(host, rtp_port) of the first audio m= line, or None; media-level c= wins."""
    host, port, in_audio = None, None, False
    for line in sdp.decode("utf-8", "replace").splitlines():
        if line.startswith("m="):
            if port is not None:
                break
            in_audio = line.startswith("m=audio ")
            if in_audio:
                port = int(line.split()[1])
        elif line.startswith("c=") and (in_audio or port is None):
            host = line.split()[-1].split("/")[0]
    return (host, port) if host and port else None


def rewrite_sdp(sdp, host, port):
    """sdp with its first audio stream moved to host:port (RTCP on port + 1, or muxed).

    The audio section gets a media-level c= (which wins over the session's, RFC 4566 §5.7);
    the session-level c= stays, so other streams do not silently move to the relay.
    """
    out, section, done = [], "session", False
    for line in sdp.decode("utf-8").split("\r\n"):
        if line.startswith("m="):
            section = "audio" if line.startswith("m=audio ") and not done else "other"
            if section == "audio":
                done = True
                fields = line.split(" ")
                fields[1] = str(port)
                out += [" ".join(fields), f"c=IN IP4 {host}"]
                continue
        elif section == "audio" and line.startswith("c="):
            continue  # replaced right after the m= line
        elif section == "audio" and line.startswith("a=rtcp:"):
            line = f"a=rtcp:{port + 1}"
        out.append(line)
    if not done:
        raise SipError("SDP without an audio stream")
    return "\r\n".join(out).encode("utf-8")
