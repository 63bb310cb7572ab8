package io.microplatform.localstack.demo;

import io.microplatform.localstack.chaos.StackControl;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs one demo: says what it will do and what to watch, starts what is not running, runs it, puts the stack back as
 * it was (faults cleared, instances the demo added stopped, instances it stopped started again) and ends with the
 * verdict line.
 */
public final class DemoRun {

    private final DemoStack stack;
    private final Demo demo;

    public DemoRun(DemoStack stack, Demo demo) {
        this.stack = stack;
        this.demo = demo;
    }

    /** @return true on PASS */
    public boolean run() {
        Demo.About about = demo.about();
        stack.say("demo " + about.name() + ": " + about.summary());
        about.steps().forEach(step -> stack.say("  - " + step));
        if (stack.pace() != 1) {
            stack.say(String.format(java.util.Locale.ROOT, "  (PLATFORM_DEMO_PACE=%s: every phase lasts %s times as long)",
                    stack.pace(), stack.pace()));
        }
        stack.say("watch it:");
        about.watch().forEach(line -> stack.say("  " + line));
        stack.startMissing();
        List<StackControl.Process> before = alive();
        Verdict verdict;
        try {
            verdict = demo.run(stack);
        } catch (Exception | AssertionError e) {
            verdict = new Verdict().fail("the demo broke off: " + e);
        } finally {
            restore(before);
        }
        stack.say(verdict.line(demo.name()));
        return verdict.passed();
    }

    private void restore(List<StackControl.Process> before) {
        stack.say("putting the stack back as it was ...");
        try {
            stack.clearFaults();
        } catch (RuntimeException e) {
            stack.say("could not clear the fault rules: " + e.getMessage());
        }
        List<String> now = alive().stream().map(StackControl.Process::instance).toList();
        before.stream().map(StackControl.Process::instance).filter(instance -> !now.contains(instance)).forEach(instance -> {
            try {
                stack.restart(instance);
            } catch (RuntimeException e) {
                stack.say("could not start " + instance + " again: " + e.getMessage());
            }
        });
        Map<String, Long> wanted = count(before);
        count(alive()).forEach((service, instances) -> {
            long scale = wanted.getOrDefault(service, 0L);
            if (instances > scale && scale > 0) {
                try {
                    stack.scale(service, (int) scale, Map.of());
                } catch (RuntimeException e) {
                    stack.say("could not scale " + service + " back to " + scale + ": " + e.getMessage());
                }
            }
        });
    }

    private List<StackControl.Process> alive() {
        return stack.processes().stream().filter(StackControl.Process::alive).toList();
    }

    private static Map<String, Long> count(List<StackControl.Process> instances) {
        return instances.stream()
                .collect(Collectors.groupingBy(StackControl.Process::service, TreeMap::new, Collectors.counting()));
    }
}
