package org.nnplayground.playground;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests keep a class up: replicas on different nodes, the count owned by the
 * autoscaler alone, a readiness probe that survives one slow answer while liveness stays strict,
 * and one PostgreSQL version and connection count in the manifests and the README.
 */
class DeployManifestsTest {
    private static final Path K8S = Path.of("deploy/k8s");
    private static final List<Map<String, Object>> DOCS = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object d : new Yaml().loadAll(Files.readString(f))) {
                    if (d instanceof Map<?, ?> m && m.containsKey("kind")) DOCS.add((Map<String, Object>) m);
                }
            }
        }
    }

    @Test
    void theAutoscalerAloneOwnsTheReplicaCount() {
        Map<String, Object> deployment = kind("Deployment");
        Map<String, Object> hpa = kind("HorizontalPodAutoscaler");
        assertEquals(name(deployment), at(hpa, "spec", "scaleTargetRef", "name"));
        assertFalse(map(deployment.get("spec")).containsKey("replicas"), "a replicas field resets the HPA's count on every apply");
        assertTrue(((Number) at(hpa, "spec", "minReplicas")).intValue() >= 2, "never a single replica");
    }

    @Test
    @SuppressWarnings("unchecked")
    void replicasAreSpreadOverNodes() {
        Map<String, Object> deployment = kind("Deployment");
        Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
        Object podLabels = at(deployment, "spec", "template", "metadata", "labels");
        boolean spread = false;
        for (Object o : (List<Object>) pod.getOrDefault("topologySpreadConstraints", List.of())) {
            Map<String, Object> c = map(o);
            if ("kubernetes.io/hostname".equals(c.get("topologyKey")) && "DoNotSchedule".equals(c.get("whenUnsatisfiable"))
                    && ((Number) c.get("maxSkew")).intValue() == 1 && matches(at(c, "labelSelector", "matchLabels"), podLabels)) spread = true;
        }
        Object anti = pod.get("affinity") == null ? null : map(pod.get("affinity")).get("podAntiAffinity");
        assertTrue(spread || anti != null && anti.toString().contains("kubernetes.io/hostname"), "a topology spread or anti-affinity over nodes for the pods' own labels");
    }

    @Test
    void readinessToleratesOneSlowAnswerAndLivenessStaysStrict() {
        Map<String, Object> container = map(((List<?>) at(kind("Deployment"), "spec", "template", "spec", "containers")).get(0));
        Map<String, Object> ready = map(container.get("readinessProbe"));
        Map<String, Object> live = map(container.get("livenessProbe"));
        assertEquals("/health", at(ready, "httpGet", "path"));
        assertTrue(((Number) ready.get("failureThreshold")).intValue() >= 3, "one slow /health must not drop the pod");
        assertTrue(((Number) ready.get("timeoutSeconds")).intValue() >= 3, "/health took over a second under load");
        assertEquals("/health/live", at(live, "httpGet", "path"), "liveness never fails a full or draining replica");
        assertTrue(((Number) live.get("failureThreshold")).intValue() <= 3, "but a dead process is restarted soon");
    }

    @Test
    void oneStatedPostgresqlVersionAndConnectionCount() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String secret = Files.readString(K8S.resolve("secret.example.yaml"));
        String hpa = Files.readString(K8S.resolve("hpa.yaml"));
        assertEquals(first("PostgreSQL (\\d+) or newer", readme), first("PostgreSQL (\\d+) or newer", secret), "the minimum PostgreSQL");
        int perReplica = Integer.parseInt(first("at most (\\d+) connections", readme));
        assertEquals(perReplica, Integer.parseInt(first("at most (\\d+) connections", secret)));
        int maxReplicas = ((Number) at(kind("HorizontalPodAutoscaler"), "spec", "maxReplicas")).intValue();
        assertTrue(hpa.contains(maxReplicas + " x " + perReplica + " = " + maxReplicas * perReplica + " database connections"), hpa);
    }

    private static String first(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text.replaceAll("\\s+", " "));
        assertTrue(m.find(), "no '" + regex + "'");
        return m.group(1);
    }

    private static boolean matches(Object selector, Object labels) {
        return selector instanceof Map<?, ?> s && labels instanceof Map<?, ?> l && !s.isEmpty() && l.entrySet().containsAll(s.entrySet());
    }

    private static Map<String, Object> kind(String kind) {
        return DOCS.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow(() -> new AssertionError("no " + kind));
    }

    private static Object name(Map<String, Object> doc) { return at(doc, "metadata", "name"); }

    private static Object at(Map<String, Object> doc, String... path) {
        Object o = doc;
        for (String key : path) {
            assertNotNull(o, String.join(".", path));
            o = map(o).get(key);
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) { return (Map<String, Object>) o; }
}
