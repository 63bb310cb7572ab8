package io.microplatform.localstack.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile takes the service's module name as a build argument and copies the jar that module builds:
 * `<module>/target/<module>.jar`. That path only exists if the module's pom or a parent (service-parent) names the
 * jar after the artifactId, through build/finalName or spring-boot-maven-plugin's finalName.
 */
class DockerfileTest {

    private static final String DOCKERFILE = "Dockerfile";
    private static final Pattern COPIED_JAR = Pattern.compile("COPY --from=\\S+ \\S*?(\\$\\{SERVICE}/target/\\S+\\.jar)");

    @Test
    void copiesTheJarTheServiceModuleBuilds() {
        String dockerfile = Repository.read(DOCKERFILE);
        assertThat(dockerfile).as(DOCKERFILE).contains("ARG SERVICE");
        Matcher copy = COPIED_JAR.matcher(dockerfile);
        assertThat(copy.find()).as("%s copies ${SERVICE}/target/<jar> from the build stage", DOCKERFILE).isTrue();

        for (PlatformService service : PlatformService.ALL) {
            assertThat(copy.group(1).replace("${SERVICE}", service.name()))
                    .as("jar path for %s", service).isEqualTo(service.jarPath());
            MavenPom pom = MavenPom.of(service.name() + "/pom.xml");
            assertThat(pom.artifactId()).as("%s artifactId", service).isEqualTo(service.name());
            assertThat(service.name() + "/target/" + pom.bootJarName())
                    .as("jar that `package` builds for %s (finalName in its pom or a parent)", service)
                    .isEqualTo(service.jarPath());
        }
    }

    @Test
    void startsThroughAnEntrypointThatAdvertisesTheContainersAddressAndName() throws IOException {
        String dockerfile = Repository.read(DOCKERFILE);
        Matcher entrypoint = Pattern.compile("COPY (\\S+) /entrypoint.sh").matcher(dockerfile);
        assertThat(entrypoint.find()).as("%s copies the entrypoint script", DOCKERFILE).isTrue();
        assertThat(dockerfile).contains("ENTRYPOINT [\"/entrypoint.sh\"]");

        var script = Repository.file(entrypoint.group(1));
        assertThat(Files.isExecutable(script)).as("%s is executable (git keeps the mode)", script).isTrue();
        assertThat(Files.readString(script))
                .contains("EUREKA_INSTANCE_IP")
                // the container's hostname tells replicas on one port apart in Eureka
                .contains("export INSTANCE_NAME=\"$(hostname)\"")
                .contains("exec java -jar /app/application.jar");
        for (PlatformService service : PlatformService.ALL) {
            for (String variable : List.of("EUREKA_INSTANCE_IP", "INSTANCE_NAME")) {
                assertThat(ApplicationConfig.of(service).readsPlaceholder(variable))
                        .as("%s reads %s", service, variable).isTrue();
            }
        }
    }
}
