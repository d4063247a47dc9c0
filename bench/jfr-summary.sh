#!/usr/bin/env bash
# Where Parley's CPU goes, from a JFR recording made by `BENCH_PROFILE=1 bench/run.sh`:
#   bench/jfr-summary.sh bench/results/<timestamp>/parley.jfr
# Prints (1) the share of execution samples per area, each sample charged to the first frame
# (from the top of the stack) that is not generic JDK code (java.lang, java.util, ...), so a
# HashMap.get() called by the SIP parser counts as parsing; (2) the share of samples that have
# given code anywhere on the stack (inclusive); (3) the hottest methods (self time).
set -euo pipefail

jfr_file="${1:?usage: bench/jfr-summary.sh FILE.jfr}"
jfr_tool="jfr"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jfr" ]] && jfr_tool="$JAVA_HOME/bin/jfr"

"$jfr_tool" print --events jdk.ExecutionSample --stack-depth 96 "$jfr_file" | awk '
function area(f) {
  if (f ~ /^(sun\.security|javax\.crypto|java\.security|com\.sun\.crypto)/) return "JDK crypto (MD5, SHA-256, HMAC)"
  if (f ~ /^(sun\.nio|java\.net|java\.nio\.channels|sun\.net)/) return "socket I/O (JDK)"
  if (f ~ /^gov\.nist\.javax\.sip\.parser|^gov\.nist\.core\.(LexerCore|StringTokenizer|ParserCore|HostNameParser)/) return "jain-sip: parsing"
  if (f ~ /\.encode(Body|Message)?\(|\.encodeAsBytes\(|\.encode[A-Z][A-Za-z]*\(/) return "jain-sip: encoding"
  if (f ~ /\.clone\(|\.deepCopy|cloneHeaders/) return "jain-sip: cloning messages/headers"
  if (f ~ /^gov\.nist\.javax\.sip\.(header|address|message)|^gov\.nist\.core/) return "jain-sip: message/header objects"
  if (f ~ /^gov\.nist\.javax\.sip\.stack/) return "jain-sip: transaction + transport layer"
  if (f ~ /^gov\.nist/) return "jain-sip: other"
  if (f ~ /^org\.parley\.server\.auth/) return "Parley: auth (digest, nonces)"
  if (f ~ /^(org\.parley\.server\.store|org\.sqlite)/) return "Parley: SQLite store"
  if (f ~ /^org\.parley\.server\.registrar/) return "Parley: registrar logic"
  if (f ~ /^org\.parley/) return "Parley: SIP adapter + other"
  if (f ~ /^(ch\.qos\.logback|org\.slf4j)/) return "logging"
  return ""
}
function generic(f) { return f ~ /^(java\.(lang|util|text|time|math|io)|jdk\.internal|sun\.(misc|invoke|reflect|util)|java\.nio\.(ByteBuffer|HeapByteBuffer|CharBuffer|charset|Buffer))/ }
function flush(   i, a, f, seen) {
  if (n == 0) return
  total++
  thread_count[thread]++
  self[frames[1]]++
  a = ""
  for (i = 1; i <= n; i++) { if (!generic(frames[i])) { a = area(frames[i]); if (a != "") break } }
  if (a == "") a = "JDK only / other (" (n > 0 ? frames[n] : "?") ")"
  if (a ~ /^JDK only/) a = "other (JDK code without a recognised caller)"
  areas[a]++
  delete seen
  for (i = 1; i <= n; i++) {
    f = frames[i]
    for (k in incl_pat) if (!(k in seen) && f ~ incl_pat[k]) { seen[k] = 1; incl[k]++ }
  }
  n = 0
}
BEGIN {
  incl_pat["any jain-sip parser (gov.nist.javax.sip.parser)"] = "^gov\\.nist\\.javax\\.sip\\.parser"
  incl_pat["message encoding (encode*)"] = "\\.encode"
  incl_pat["Request/Response clone()"] = "^gov\\.nist\\.javax\\.sip\\.message\\.SIP(Message|Request|Response)\\.clone"
  incl_pat["Parley DigestAuthenticator"] = "^org\\.parley\\.server\\.auth\\.DigestAuthenticator"
  incl_pat["Parley NonceService (HMAC)"] = "^org\\.parley\\.server\\.auth\\.NonceService"
  incl_pat["Parley RegisterHandler"] = "^org\\.parley\\.server\\.sip\\.jainsip\\.RegisterHandler"
  incl_pat["Parley ProxyCore"] = "^org\\.parley\\.server\\.sip\\.jainsip\\.ProxyCore"
  incl_pat["Parley Responses.create (createResponse)"] = "^org\\.parley\\.server\\.sip\\.jainsip\\.Responses\\.create"
  incl_pat["Parley SqliteLocationStore (writer thread)"] = "^org\\.parley\\.server\\.store\\.sqlite\\.SqliteLocationStore"
  incl_pat["Parley SqliteUserStore.find (PRAGMA data_version)"] = "^org\\.parley\\.server\\.store\\.sqlite\\.SqliteUserStore"
  incl_pat["SIPTransactionStack / transactions"] = "^gov\\.nist\\.javax\\.sip\\.stack\\.(SIPTransactionStack|SIPServerTransaction|SIPClientTransaction|SIPTransaction)"
  incl_pat["UDPMessageChannel.processMessage/sendMessage"] = "^gov\\.nist\\.javax\\.sip\\.stack\\.UDPMessageChannel"
  incl_pat["Parley SipAuthentication.challenge (401/407 built via createHeader)"] = "^org\\.parley\\.server\\.sip\\.jainsip\\.SipAuthentication\\.challenge"
  incl_pat["Parley SipAuthentication.credentials (getParameter x10)"] = "^org\\.parley\\.server\\.sip\\.jainsip\\.SipAuthentication\\.credentials"
  incl_pat["Parley RegisterHandler.ok (200 with Contact via createHeader, Date)"] = "^org\\.parley\\.server\\.sip\\.jainsip\\.RegisterHandler\\.ok"
  incl_pat["Parley RegisterHandler.registration (reading the REGISTER)"] = "^org\\.parley\\.server\\.sip\\.jainsip\\.RegisterHandler\\.registration"
  incl_pat["Parley Responses.sendStateless (encode + send)"] = "^org\\.parley\\.server\\.sip\\.jainsip\\.Responses\\.sendStateless"
  incl_pat["Parley LocationService.update"] = "^org\\.parley\\.server\\.registrar\\.LocationService\\.update"
  incl_pat["MessageDigest.getInstance / Mac.getInstance (provider lookup)"] = "^(java\\.security\\.MessageDigest\\.getInstance|javax\\.crypto\\.Mac\\.getInstance)"
  incl_pat["Parley ProxyCore.loopHash (SHA-256 of R-URI, tags, Call-ID, CSeq)"] = "^org\\.parley\\.server\\.sip\\.jainsip\\.ProxyCore\\.loopHash"
  incl_pat["Parley ProxyCore.sendBranch (clone, Via, RR, client transaction)"] = "^org\\.parley\\.server\\.sip\\.jainsip\\.ProxyCore\\.sendBranch"
  incl_pat["Parley ProxyCore.response (clone + relay)"] = "^org\\.parley\\.server\\.sip\\.jainsip\\.ProxyCore\\.response"
  incl_pat["Parley ProxyCore.forwardAlongRoute (ACK, BYE)"] = "^org\\.parley\\.server\\.sip\\.jainsip\\.ProxyCore\\.forwardAlongRoute"
  incl_pat["jain-sip getNewServerTransaction/getNewClientTransaction"] = "^gov\\.nist\\.javax\\.sip\\.SipProviderImpl\\.getNew(Server|Client)Transaction"
  incl_pat["jain-sip NameValueList (parameter lookup, lower-casing)"] = "^gov\\.nist\\.core\\.NameValueList"
  incl_pat["logging"] = "^(ch\\.qos\\.logback|org\\.slf4j)"
  incl_pat["UUID.randomUUID (SecureRandom)"] = "^java\\.util\\.UUID\\.randomUUID"
}
/^jdk\.ExecutionSample/ { flush(); n = 0; thread = "?"; next }
/sampledThread = / { thread = $0; sub(/.*sampledThread = "/, "", thread); sub(/".*/, "", thread); gsub(/[0-9]+$/, "#", thread); next }
/^[ \t]+[a-zA-Z_$][a-zA-Z0-9_$.]*\(.*\)/ && in_stack { f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f); frames[++n] = f; next }
/stackTrace = \[/ { in_stack = 1; next }
/^[ \t]*\]/ { in_stack = 0; next }
END {
  flush()
  if (total == 0) { print "No execution samples."; exit }
  printf "%d execution samples\n\n", total
  print "| area (sample charged to its first non-generic frame) | share |"
  print "|---|--:|"
  for (a in areas) printf "| %s | %.1f %% |\n", a, 100 * areas[a] / total | "sort -t\"|\" -k3 -rn"
  close("sort -t\"|\" -k3 -rn")
  print ""
  print "| on the stack anywhere (inclusive) | share |"
  print "|---|--:|"
  for (k in incl) printf "| %s | %.1f %% |\n", k, 100 * incl[k] / total | "sort -t\"|\" -k3 -rn"
  close("sort -t\"|\" -k3 -rn")
  print ""
  print "| thread | share |"
  print "|---|--:|"
  for (t in thread_count) printf "| %s | %.1f %% |\n", t, 100 * thread_count[t] / total | "sort -t\"|\" -k3 -rn"
  close("sort -t\"|\" -k3 -rn")
  print ""
  print "| hottest methods (self) | share |"
  print "|---|--:|"
  for (m in self) printf "| `%s` | %.1f %% |\n", m, 100 * self[m] / total | "sort -t\"|\" -k3 -rn | head -25"
}'
