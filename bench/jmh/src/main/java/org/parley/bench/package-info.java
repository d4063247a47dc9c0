/**
 * JMH benchmarks of the media engine's per-packet work: codecs, the jitter buffer, RTP and SDP
 * parsing, SRTP. Each reports the cost of one 20 ms frame or one packet, so a result reads directly
 * as a share of the 20 ms real-time budget.
 */
package org.parley.bench;
