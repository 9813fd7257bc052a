package org.eclipsesol.desk.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;

/**
 * The container images' promises, read from src/main/docker (no container engine on this machine to build them):
 * the base images, a non-root user, an exec-form entrypoint (no shell needed at run time), nothing written outside
 * /tmp, and the JVM's heap as a share of the container limit.
 */
class DockerfilesTest {

    private static final Path DIR = Path.of("src/main/docker");

    /** The instructions of the last stage (the image that runs), continuation lines joined. */
    static List<String> runtimeStage(String file) throws Exception {
        List<String> all = instructions(file);
        int last = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("FROM ")) {
                last = i;
            }
        }
        return all.subList(last, all.size());
    }

    static List<String> instructions(String file) throws Exception {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DIR.resolve(file))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            boolean continued = line.endsWith("\\");
            current.append(continued ? line.substring(0, line.length() - 1) : line).append(continued ? "" : "");
            if (!continued) {
                out.add(current.toString().trim().replaceAll("\\s+", " "));
                current.setLength(0);
            }
        }
        return out;
    }

    static String one(List<String> stage, String instruction) {
        List<String> found = stage.stream().filter(i -> i.startsWith(instruction + " ")).toList();
        assertThat(found).as(instruction).hasSize(1);
        return found.get(0).substring(instruction.length() + 1);
    }

    static void assertRuntime(List<String> stage) {
        String user = one(stage, "USER");
        assertThat(user).as("a numeric non-root user (runAsNonRoot can verify it)").matches("[1-9][0-9]*");
        JsonArray entrypoint = new JsonArray(one(stage, "ENTRYPOINT"));
        assertThat(entrypoint.getString(0)).as("exec form, no shell").doesNotContain("sh").doesNotEndWith(".sh");
        assertThat(entrypoint.encode()).contains("-Djava.io.tmpdir=/tmp");
        assertThat(String.join("\n", stage)).contains("QUARKUS_HTTP_BODY_UPLOADS_DIRECTORY=/tmp/").contains("EXPOSE 8080 9000");
        assertThat(stage).noneMatch(i -> i.startsWith("VOLUME"));
    }

    @Test
    void jvmImage() throws Exception {
        List<String> stage = runtimeStage("Dockerfile.jvm");
        assertThat(stage.get(0)).startsWith("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:");
        assertRuntime(stage);
        JsonArray entrypoint = new JsonArray(one(stage, "ENTRYPOINT"));
        assertThat(entrypoint.getList()).contains("java", "-jar", "/deployments/quarkus-run.jar")
                .anyMatch(a -> a.toString().startsWith("-XX:MaxRAMPercentage="))
                .contains("-XX:-UsePerfData");
    }

    @Test
    void nativeMicroImage() throws Exception {
        List<String> stage = runtimeStage("Dockerfile.native-micro");
        assertThat(stage.get(0)).isEqualTo("FROM quay.io/quarkus/ubi9-quarkus-micro-image:2.0");
        assertRuntime(stage);
    }

    @Test
    void nativeBuildIsMultiStageOnTheMandrelBuilder() throws Exception {
        List<String> all = instructions("Dockerfile.native-build");
        assertThat(all.get(0)).isEqualTo("FROM quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25 AS build");
        assertThat(all).anyMatch(i -> i.startsWith("RUN ./mvnw") && i.contains("-Dnative"));
        List<String> stage = runtimeStage("Dockerfile.native-build");
        assertThat(stage.get(0)).isEqualTo("FROM quay.io/quarkus/ubi9-quarkus-micro-image:2.0");
        assertThat(stage).anyMatch(i -> i.startsWith("COPY --from=build "));
        assertRuntime(stage);
        // The runtime stage is the same image as Dockerfile.native-micro.
        assertThat(stage.stream().filter(i -> !i.startsWith("COPY")).toList())
                .isEqualTo(runtimeStage("Dockerfile.native-micro").stream().filter(i -> !i.startsWith("COPY")).toList());
    }

    @Test
    void buildContextSendsWhatTheImagesCopy() throws Exception {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore"));
        assertThat(ignore).contains("target/*", "!target/quarkus-app", "!target/*-runner", ".git");
    }
}
