package io.microplatform.testsupport.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class GreetingListener {

    static final String TOPIC = "sample-greetings";

    private final List<String> received = new CopyOnWriteArrayList<>();

    @KafkaListener(topics = TOPIC, groupId = "sample")
    void on(String greeting) {
        received.add(greeting);
    }

    List<String> received() {
        return received;
    }
}
