package io.microplatform.messaging;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The reason a consumer configuration was refused, as one line instead of a stack trace. */
class ConsumerBudgetFailureAnalyzer extends AbstractFailureAnalyzer<ConsumerBudget.ExceededException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConsumerBudget.ExceededException cause) {
        return new FailureAnalysis(cause.getMessage(), "Lower spring.kafka.consumer.max-poll-records (or leave it "
                + "unset: it then follows messaging.consumer.max-handling-time), or raise "
                + "spring.kafka.consumer.properties[max.poll.interval.ms].", cause);
    }
}
