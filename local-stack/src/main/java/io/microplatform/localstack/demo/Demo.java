package io.microplatform.localstack.demo;

import java.util.List;

/**
 * One fault-injection demo: what it does and what to watch, said before it starts, then the fault against the running
 * stack and a verdict measured from it. {@link DemoRun} puts the stack back as it found it afterwards.
 */
public interface Demo {

    /**
     * @param name on the command line: {@code ./platform demo NAME}
     * @param summary one line for the list
     * @param steps what it will do, step by step
     * @param watch where to watch it: the Grafana panels (docker compose) and the URLs or commands that show the same
     *        on the local stack
     */
    record About(String name, String summary, List<String> steps, List<String> watch) {
    }

    About about();

    /** Runs the demo; every fault it adds is cleared and every instance it adds is stopped afterwards by the caller. */
    Verdict run(DemoStack stack) throws Exception;

    default String name() {
        return about().name();
    }
}
