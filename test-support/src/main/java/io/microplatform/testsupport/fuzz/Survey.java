package io.microplatform.testsupport.fuzz;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a try's checks. Normally a failed check fails the try (and jqwik shrinks it to a minimal request); with
 * {@code -Dfuzz.survey=true} every failure is counted instead, by endpoint, kind of request and answer status, and the shortest
 * request of each is printed when the JVM ends: every kind of failure of one run, not only the first.
 */
public final class Survey {

    private static final boolean ON = Boolean.getBoolean("fuzz.survey");
    private static final Map<String, Finding> FINDINGS = new TreeMap<>();

    static {
        if (ON) {
            Runtime.getRuntime().addShutdownHook(new Thread(Survey::print));
        }
    }

    private Survey() {
    }

    public static void check(String endpoint, HostileRequest request, HttpResponse<String> answer, Runnable checks) {
        if (!ON) {
            checks.run();
            return;
        }
        try {
            checks.run();
        } catch (AssertionError failure) {
            synchronized (FINDINGS) {
                FINDINGS.merge(endpoint + " " + request.headline() + " -> " + answer.statusCode(), new Finding(1, request, answer.body(),
                        failure.getMessage()), Finding::plus);
            }
        }
    }

    private static void print() {
        StringBuilder report = new StringBuilder("\n==== fuzz survey: ").append(FINDINGS.size()).append(" kinds of failure\n");
        FINDINGS.forEach((kind, finding) -> report.append("-- ").append(kind).append(" (").append(finding.count())
                .append("x)\n   request: ").append(finding.request()).append("\n   answer:  ")
                .append(finding.answer().length() > 600 ? finding.answer().substring(0, 600) + "..." : finding.answer())
                .append("\n   failure: ").append(String.valueOf(finding.failure()).lines().limit(3)
                        .reduce((a, b) -> a + " | " + b).orElse(""))
                .append('\n'));
        System.out.println(report);
    }

    private record Finding(int count, HostileRequest request, String answer, String failure) {

        Finding plus(Finding other) {
            Finding shorter = other.request().body().length < request().body().length ? other : this;
            return new Finding(count + other.count(), shorter.request(), shorter.answer(), shorter.failure());
        }
    }
}
