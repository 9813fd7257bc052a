package org.eclipsesol.desk.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What issue 13 requires of production, asserted on k8s/overlays/prod as a cluster operator applies it (rendered
 * with the machine's kubectl kustomize). Schema validity of every object is .ci/lint-deploy's job; this test checks
 * the operational properties: replicas and rollout, probes, resources, security context, spreading, graceful
 * shutdown, configuration and secrets, the Ingress' WebSocket path, HPA, PDB, NetworkPolicy, ServiceMonitor, the
 * PostgreSQL and Keycloak operators' resources.
 */
class KubernetesManifestsTest {

    static List<JsonNode> prod;

    @BeforeAll
    static void render() throws Exception {
        prod = kustomize("k8s/overlays/prod");
    }

    static List<JsonNode> kustomize(String overlay) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kubectl", "kustomize", overlay).redirectErrorStream(true).start();
        String yaml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("kubectl kustomize %s: %s", overlay, yaml).isZero();
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        try (var docs = mapper.readerFor(JsonNode.class).<JsonNode> readValues(yaml)) {
            List<JsonNode> out = new ArrayList<>();
            docs.forEachRemaining(d -> {
                if (d != null && !d.isNull() && !d.isEmpty()) {
                    out.add(d);
                }
            });
            return out;
        }
    }

    static JsonNode one(String kind, String name) {
        List<JsonNode> found = prod.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
                .toList();
        assertThat(found).as("%s/%s", kind, name).hasSize(1);
        return found.get(0);
    }

    static JsonNode app() {
        return one("Deployment", "support-desk");
    }

    static JsonNode container() {
        JsonNode containers = app().at("/spec/template/spec/containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    @Test
    void everyObjectIsInTheNamespace() {
        for (JsonNode o : prod) {
            if (!o.path("kind").asText().equals("Namespace")) {
                assertThat(o.at("/metadata/namespace").asText()).as(o.path("kind") + "/" + o.at("/metadata/name"))
                        .isEqualTo("support-desk");
            }
        }
        assertThat(one("Namespace", "support-desk").at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText())
                .isEqualTo("restricted");
    }

    @Test
    void threeReplicasRollingOneAtATimeWithNoneUnavailable() {
        JsonNode spec = app().path("spec");
        assertThat(spec.path("replicas").asInt()).isEqualTo(3);
        assertThat(spec.at("/strategy/type").asText()).isEqualTo("RollingUpdate");
        assertThat(spec.at("/strategy/rollingUpdate/maxUnavailable").asText()).isEqualTo("0");
        assertThat(spec.at("/strategy/rollingUpdate/maxSurge").asText()).isEqualTo("1");
        assertThat(spec.at("/template/spec/initContainers").isMissingNode())
                .as("migrations run under Flyway's lock, no init Job to wait for").isTrue();
    }

    @Test
    void probesOnTheManagementPort() {
        JsonNode c = container();
        for (String[] probe : new String[][] { { "startupProbe", "/q/health/started" }, { "readinessProbe", "/q/health/ready" },
                { "livenessProbe", "/q/health/live" } }) {
            JsonNode p = c.path(probe[0]);
            assertThat(p.at("/httpGet/path").asText()).as(probe[0]).isEqualTo(probe[1]);
            assertThat(p.at("/httpGet/port").asInt()).as(probe[0]).isEqualTo(9000);
        }
        // The startup probe allows a slow first start (Flyway) before liveness counts.
        assertThat(c.at("/startupProbe/failureThreshold").asInt() * c.at("/startupProbe/periodSeconds").asInt())
                .isGreaterThanOrEqualTo(60);
        assertThat(c.path("ports").findValuesAsText("containerPort")).contains("8080", "9000");
    }

    @Test
    void resourcesRequestedAndLimited() {
        JsonNode r = container().path("resources");
        assertThat(r.at("/requests/cpu").asText()).isNotBlank();
        assertThat(r.at("/requests/memory").asText()).endsWith("Mi");
        assertThat(r.at("/limits/memory").asText()).endsWith("Mi");
        assertThat(r.at("/limits/cpu").asText()).isNotBlank();
        int request = Integer.parseInt(r.at("/requests/memory").asText().replace("Mi", ""));
        int limit = Integer.parseInt(r.at("/limits/memory").asText().replace("Mi", ""));
        assertThat(limit).isGreaterThanOrEqualTo(request);
    }

    @Test
    void restrictedSecurityContext() {
        JsonNode pod = app().at("/spec/template/spec");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        JsonNode sc = container().path("securityContext");
        assertThat(sc.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(sc.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(sc.at("/capabilities/drop")).extracting(JsonNode::asText).containsExactly("ALL");
        // The only writable place: /tmp, an emptyDir.
        assertThat(container().path("volumeMounts")).hasSize(1);
        assertThat(container().at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
        assertThat(pod.at("/volumes/0/emptyDir").isObject()).isTrue();
    }

    @Test
    void spreadAcrossZonesAndNodes() {
        JsonNode spread = app().at("/spec/template/spec/topologySpreadConstraints");
        assertThat(spread.findValuesAsText("topologyKey")).containsExactlyInAnyOrder("topology.kubernetes.io/zone",
                "kubernetes.io/hostname");
        for (JsonNode c : spread) {
            assertThat(c.at("/labelSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("support-desk");
        }
    }

    @Test
    void gracefulShutdownFitsTheGracePeriod() {
        JsonNode pod = app().at("/spec/template/spec");
        int preStop = container().at("/lifecycle/preStop/sleep/seconds").asInt();
        int grace = pod.path("terminationGracePeriodSeconds").asInt();
        // preStop sleep + Quarkus shutdown delay (5 s) + shutdown timeout (25 s) must end before SIGKILL.
        assertThat(preStop).isBetween(3, 10);
        assertThat(grace).isGreaterThanOrEqualTo(preStop + 5 + 25);
    }

    @Test
    void configurationFromTheConfigMapCredentialsFromSecrets() {
        JsonNode c = container();
        String configMap = c.at("/envFrom/0/configMapRef/name").asText();
        JsonNode config = prod.stream().filter(o -> o.path("kind").asText().equals("ConfigMap")
                && o.at("/metadata/name").asText().equals(configMap)).findFirst().orElseThrow();
        assertThat(config.at("/data/DB_URL").asText()).isEqualTo("jdbc:postgresql://support-desk-db-rw:5432/app");
        assertThat(config.at("/data/OIDC_AUTH_SERVER_URL").asText()).isNotBlank();
        assertThat(config.at("/data/OIDC_AUDIENCE").asText()).isEqualTo("support-desk");
        Map<String, String> secretRefs = new java.util.TreeMap<>();
        for (JsonNode env : c.path("env")) {
            if (env.has("value")) {
                assertThat(env.path("name").asText()).as("plain env").doesNotContainIgnoringCase("password")
                        .doesNotContainIgnoringCase("secret");
            } else {
                secretRefs.put(env.path("name").asText(), env.at("/valueFrom/secretKeyRef/name").asText());
            }
        }
        assertThat(secretRefs).containsEntry("DB_USER", "support-desk-db-app")
                .containsEntry("DB_PASSWORD", "support-desk-db-app")
                .containsEntry("QUARKUS_OIDC_CREDENTIALS_SECRET", "support-desk-oidc")
                .containsEntry("QUARKUS_MAILER_PASSWORD", "support-desk-smtp");
        // Never a secret value in git.
        assertThat(prod).noneMatch(o -> o.path("kind").asText().equals("Secret"));
        config.path("data").fieldNames().forEachRemaining(
                name -> assertThat(name).doesNotContainIgnoringCase("PASSWORD").doesNotContainIgnoringCase("SECRET"));
    }

    @Test
    void serviceIngressWithWebSocketAndServiceMonitor() {
        JsonNode service = one("Service", "support-desk");
        assertThat(service.at("/spec/ports").findValuesAsText("name")).containsExactlyInAnyOrder("http", "management");
        JsonNode ingress = one("Ingress", "support-desk");
        assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("nginx");
        // /graphql (subscriptions: WebSocket upgrade) is under the "/" prefix; idle subscriptions live an hour.
        assertThat(ingress.at("/spec/rules/0/http/paths/0/path").asText()).isEqualTo("/");
        assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/port/name").asText()).isEqualTo("http");
        assertThat(ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-read-timeout").asInt())
                .isGreaterThanOrEqualTo(3600);
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isNotBlank();
        JsonNode monitor = one("ServiceMonitor", "support-desk");
        assertThat(monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("support-desk");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("management");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
    }

    @Test
    void autoscalingAndDisruptionBudget() {
        JsonNode hpa = one("HorizontalPodAutoscaler", "support-desk");
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(3);
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(12);
        assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo("support-desk");
        JsonNode pdb = one("PodDisruptionBudget", "support-desk");
        assertThat(pdb.at("/spec/minAvailable").asInt()).isEqualTo(2);
        assertThat(pdb.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("support-desk");
    }

    @Test
    void networkPolicyAllowsOnlyWhatTheServiceNeeds() {
        JsonNode np = one("NetworkPolicy", "support-desk");
        assertThat(np.at("/spec/policyTypes")).extracting(JsonNode::asText).containsExactlyInAnyOrder("Ingress", "Egress");
        JsonNode ingress = np.at("/spec/ingress");
        assertThat(ingress).hasSize(2);
        assertThat(ingress.get(0).at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                .isEqualTo("ingress-nginx");
        assertThat(ingress.get(0).at("/ports/0/port").asInt()).isEqualTo(8080);
        assertThat(ingress.get(1).at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                .isEqualTo("monitoring");
        assertThat(ingress.get(1).at("/ports/0/port").asInt()).isEqualTo(9000);
        List<String> egressPorts = StreamSupport.stream(np.at("/spec/egress").spliterator(), false)
                .flatMap(e -> StreamSupport.stream(e.path("ports").spliterator(), false)).map(p -> p.path("port").asText())
                .distinct().toList();
        assertThat(egressPorts).containsExactlyInAnyOrder("5432", "8080", "587", "53");
        assertThat(np.at("/spec/egress/0/to/0/podSelector/matchLabels/cnpg.io~1cluster").asText()).isEqualTo("support-desk-db");
    }

    @Test
    void postgresFromCloudNativePgWithASynchronousReplicaAndBackups() {
        JsonNode cluster = one("Cluster", "support-desk-db");
        assertThat(cluster.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(3);
        assertThat(cluster.at("/spec/postgresql/synchronous/number").asInt()).isEqualTo(1);
        assertThat(cluster.at("/spec/postgresql/synchronous/dataDurability").asText()).isEqualTo("required");
        assertThat(cluster.at("/spec/backup/barmanObjectStore/destinationPath").asText()).startsWith("s3://");
        JsonNode backup = one("ScheduledBackup", "support-desk-db-daily");
        assertThat(backup.at("/spec/cluster/name").asText()).isEqualTo("support-desk-db");
        assertThat(backup.at("/spec/method").asText()).isEqualTo("barmanObjectStore");
        // The app's pool (DB_POOL_MAX) times the HPA maximum fits the server's connections.
        int maxConnections = cluster.at("/spec/postgresql/parameters/max_connections").asInt();
        assertThat(20 * 12).isLessThan(maxConnections);
    }

    @Test
    void keycloakFromTheOperatorWithTheSupportRealm() throws Exception {
        JsonNode keycloak = one("Keycloak", "keycloak");
        assertThat(keycloak.at("/spec/db/host").asText()).isEqualTo("keycloak-db-rw");
        one("Cluster", "keycloak-db");
        JsonNode realmImport = one("KeycloakRealmImport", "support-realm");
        assertThat(realmImport.at("/spec/keycloakCRName").asText()).isEqualTo("keycloak");
        JsonNode realm = realmImport.at("/spec/realm");
        JsonNode source = new ObjectMapper().readTree(Files.readString(Path.of("deploy/keycloak/support-realm.json")));
        assertThat(realm.path("realm").asText()).isEqualTo(source.path("realm").asText());
        assertThat(realm.path("roles")).isEqualTo(source.path("roles"));
        assertThat(realm.has("users")).as("no demo users in production").isFalse();
        assertThat(realm.path("clients").findValuesAsText("clientId")).containsExactlyInAnyOrder("support-desk",
                "mail-gateway");
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                assertThat(client.path("secret").asText()).as("a placeholder, not a value").matches("\\$\\{[A-Z_]+}");
            }
        }
    }
}
