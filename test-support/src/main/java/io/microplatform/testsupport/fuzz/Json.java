package io.microplatform.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A JSON text as the fuzz tests build it: a tree that, unlike Jackson's, can hold what JSON forbids or a request must
 * not carry (the same key twice in an object, raw bytes that are not JSON at all), written out byte for byte as built.
 */
public sealed interface Json {

    void writeTo(ByteArrayOutputStream out);

    default byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    static Json string(String value) {
        return new Str(value);
    }

    static Json number(long value) {
        return new Raw(Long.toString(value));
    }

    /** Written as is: a number token, {@code NaN}, nested brackets, bytes that are no UTF-8. */
    static Json raw(String text) {
        return new Raw(text);
    }

    static Obj object(Member... members) {
        return new Obj(List.of(members));
    }

    static Member member(String key, Json value) {
        return new Member(key, value);
    }

    record Member(String key, Json value) {
    }

    /** Members in the order given, duplicate keys included. */
    record Obj(List<Member> members) implements Json {

        public Obj {
            members = List.copyOf(members);
        }

        public boolean has(String key) {
            return members.stream().anyMatch(member -> member.key().equals(key));
        }

        /** Every member with this key changed (or removed, where {@code change} answers null). */
        public Obj change(String key, UnaryOperator<Json> change) {
            List<Member> changed = new ArrayList<>();
            for (Member member : members) {
                Json value = member.key().equals(key) ? change.apply(member.value()) : member.value();
                if (value != null) {
                    changed.add(new Member(member.key(), value));
                }
            }
            return new Obj(changed);
        }

        public Obj with(String key, Json value) {
            return has(key) ? change(key, old -> value) : plus(new Member(key, value), members.size());
        }

        public Obj without(String key) {
            return change(key, old -> null);
        }

        public Obj plus(Member member, int position) {
            List<Member> more = new ArrayList<>(members);
            more.add(Math.floorMod(position, members.size() + 1), member);
            return new Obj(more);
        }

        @Override
        public void writeTo(ByteArrayOutputStream out) {
            out.write('{');
            for (int i = 0; i < members.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                new Str(members.get(i).key()).writeTo(out);
                out.write(':');
                members.get(i).value().writeTo(out);
            }
            out.write('}');
        }
    }

    record Arr(List<Json> items) implements Json {

        public Arr {
            items = List.copyOf(items);
        }

        public Arr change(int index, UnaryOperator<Json> change) {
            List<Json> changed = new ArrayList<>(items);
            Json value = change.apply(changed.get(index));
            if (value == null) {
                changed.remove(index);
            } else {
                changed.set(index, value);
            }
            return new Arr(changed);
        }

        @Override
        public void writeTo(ByteArrayOutputStream out) {
            out.write('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                items.get(i).writeTo(out);
            }
            out.write(']');
        }
    }

    /** A string as a well-behaved client writes it: quotes, backslashes and control characters escaped. */
    record Str(String value) implements Json {

        @Override
        public void writeTo(ByteArrayOutputStream out) {
            StringBuilder text = new StringBuilder(value.length() + 2).append('"');
            value.chars().forEach(c -> {
                if (c == '"' || c == '\\') {
                    text.append('\\').append((char) c);
                } else if (c < 0x20) {
                    text.append("\\u%04x".formatted(c));
                } else {
                    text.append((char) c);
                }
            });
            out.writeBytes(text.append('"').toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    record Raw(byte[] value) implements Json {

        Raw(String text) {
            this(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void writeTo(ByteArrayOutputStream out) {
            out.writeBytes(value);
        }
    }
}
