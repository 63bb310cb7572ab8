package io.microplatform.support.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8Test {

    @ParameterizedTest
    @ValueSource(strings = { "{\"name\":\"Łódź 小林 😀\"}", "", "plain ascii" })
    void passesUtf8WhateverTheChunksItArrivesIn(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk <= Math.max(1, bytes.length); chunk++) {
            StrictUtf8 check = new StrictUtf8();
            int size = chunk;
            assertThatCode(() -> {
                for (int offset = 0; offset < bytes.length; offset += size) {
                    check.accept(bytes, offset, Math.min(size, bytes.length - offset));
                }
                check.end();
                check.end();
            }).doesNotThrowAnyException();
        }
    }

    /** Overlong '/', an encoded surrogate, a code point past U+10FFFF, a lone continuation byte, a cut sequence. */
    @ParameterizedTest
    @ValueSource(strings = { "22 41 c0 af 22", "22 ed a0 80 22", "22 f4 90 80 80 22", "22 80 22", "22 e5 b0" })
    void refusesBytesThatAreNotUtf8(String hex) {
        byte[] bytes = HexFormat.ofDelimiter(" ").parseHex(hex);
        StrictUtf8 check = new StrictUtf8();
        assertThatThrownBy(() -> {
            for (byte b : bytes) {
                check.accept(new byte[] { b }, 0, 1);
            }
            check.end();
        }).isInstanceOf(MalformedUtf8Exception.class);
    }
}
