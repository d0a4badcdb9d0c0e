package dev.kafkatutorial.useractivity.doctor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.common.Node;

/** Checks the cluster answers, and says what it is: cluster id, brokers, controller, metadata version. */
final class ClusterCheck {

    private ClusterCheck() {
    }

    /** The brokers' count, for the topic checks; throws if no broker answers within {@code wait}. */
    static int run(Admin admin, Duration wait, DoctorLines lines, Findings findings) throws Exception {
        long start = System.nanoTime();
        // describeCluster is the cheapest request that needs a live broker: any broker answers from its metadata.
        DescribeClusterResult cluster = admin.describeCluster();
        String clusterId = cluster.clusterId().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        int brokers = cluster.nodes().get(wait.toMillis(), TimeUnit.MILLISECONDS).size();
        Node controller = cluster.controller().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        findings.add(Finding.ok("broker", lines.doctorBroker(millis, clusterId, brokers,
                controller == null ? -1 : controller.id())));
        // KRaft clusters carry their feature level as metadata.version; the level names the Kafka release
        // whose metadata format the cluster uses (clients never need the brokers' exact version).
        try {
            FinalizedVersionRange level = admin.describeFeatures().featureMetadata()
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS).finalizedFeatures().get("metadata.version");
            findings.add(Finding.ok("metadata.version",
                    lines.doctorMetadataVersion(level == null ? "?" : String.valueOf(level.maxVersionLevel()))));
        } catch (Exception e) {
            findings.add(Finding.ok("metadata.version", lines.doctorMetadataVersion("?")));
        }
        return brokers;
    }
}
