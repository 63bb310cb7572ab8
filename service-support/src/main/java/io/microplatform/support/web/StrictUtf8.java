package io.microplatform.support.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a JSON body's bytes as they pass: JSON is UTF-8 (RFC 8259), and Jackson's byte parser decodes it leniently,
 * so an overlong form ({@code C0 AF} for '/'), an encoded surrogate ({@code ED A0 80}) or a code point past U+10FFFF
 * would reach a field as some character nobody sent. The JDK's decoder refuses all three; bytes are fed to it in the
 * chunks the reader asks for, a sequence split between two chunks waits for the next.
 */
final class StrictUtf8 {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer discarded = CharBuffer.allocate(1024);
    /** The start of a sequence the last chunk ended in: at most 3 bytes. */
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private boolean ended;

    void accept(byte[] buffer, int offset, int length) throws MalformedUtf8Exception {
        ByteBuffer input = ByteBuffer.allocate(pending.remaining() + length);
        input.put(pending).put(buffer, offset, length).flip();
        decode(input, false);
        pending = input.slice();
    }

    /** The body ended: a sequence still open is malformed. */
    void end() throws MalformedUtf8Exception {
        if (!ended) {
            ended = true;
            decode(pending, true);
        }
    }

    private void decode(ByteBuffer input, boolean endOfInput) throws MalformedUtf8Exception {
        CoderResult result;
        do {
            discarded.clear();
            result = decoder.decode(input, discarded, endOfInput);
        } while (result.isOverflow());
        if (result.isError()) {
            throw new MalformedUtf8Exception();
        }
    }
}
