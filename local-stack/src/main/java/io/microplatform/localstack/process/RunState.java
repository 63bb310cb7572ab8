package io.microplatform.localstack.process;

import io.microplatform.localstack.config.StackPlan;
import io.microplatform.localstack.config.Topology;
import io.microplatform.localstack.console.PlatformException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run files in {@code $PLATFORM_HOME/run}: which processes of the stack exist, in start order. Public for the chaos
 * runner, which looks processes up by name.
 */
public final class RunState {

    private final Path directory;

    public RunState(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    public List<RunRecord> records() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(RunRecord.SUFFIX))
                    .map(RunRecord::read).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(RunRecord::asInstance, StackPlan.startOrder()))
                    .toList();
        } catch (IOException e) {
            throw new PlatformException("cannot read " + directory + ": " + e.getMessage(), e);
        }
    }

    Optional<RunRecord> record(String instance) {
        return RunRecord.read(RunRecord.file(directory, instance));
    }

    public List<RunRecord> alive() {
        return records().stream().filter(RunRecord::isAlive).toList();
    }

    /** The records {@code name} selects: a service's instances, or the one instance of that name. */
    public List<RunRecord> select(String name) {
        // order-service-1 is the first instance alone; order-service is every instance of the service
        Optional<Topology.InstanceRef> one = Topology.SERVICES.contains(name) ? Optional.empty() : Topology.instance(name);
        return records().stream().filter(r -> one.map(ref -> ref.name().equals(r.instance()))
                .orElse(r.instance().equals(name) || r.service().equals(name))).toList();
    }

    void save(RunRecord record) {
        record.write(directory);
    }

    void remove(RunRecord record) {
        record.delete(directory);
    }
}
