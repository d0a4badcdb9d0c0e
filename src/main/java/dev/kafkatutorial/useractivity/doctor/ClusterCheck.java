package dev.kafkatutorial.useractivity.doctor;

import dev.kafkatutorial.useractivity.cli.Failures;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.common.errors.ClusterAuthorizationException;

/** Checks the cluster answers, and says what it is: cluster id, brokers, active controller, metadata version. */
final class ClusterCheck {

    private ClusterCheck() {
    }

    /** The brokers' count, for the topic checks; {@link Request.Failed} if the cluster does not answer. */
    static int run(Admin admin, DoctorLines lines, Findings findings) throws Request.Failed, InterruptedException {
        long start = System.nanoTime();
        // describeCluster is the cheapest request that needs a live broker: any broker answers from its metadata.
        DescribeClusterResult cluster = admin.describeCluster();
        String clusterId = Request.await(cluster.clusterId(), "describeCluster", "cluster id");
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        int brokers = Request.await(cluster.nodes(), "describeCluster", "brokers").size();
        findings.add(Finding.ok("broker", lines.doctorBroker(millis, clusterId, brokers, activeController(admin, lines))));
        // KRaft clusters carry their feature level as metadata.version; the level names the Kafka release
        // whose metadata format the cluster uses (clients never need the brokers' exact version).
        String level = "?";
        try {
            FinalizedVersionRange range = Request.await(admin.describeFeatures().featureMetadata(), "describeFeatures",
                    "metadata.version").finalizedFeatures().get("metadata.version");
            level = range == null ? "?" : String.valueOf(range.maxVersionLevel());
        } catch (Request.Failed e) {
            // the level is for information only
        }
        findings.add(Finding.ok("metadata.version", lines.doctorMetadataVersion(level)));
        return brokers;
    }

    /**
     * The active controller: on KRaft the leader of the metadata quorum. describeCluster().controller() is not
     * it: a KRaft broker answers with a random live broker, as clients cannot reach the controllers. Asking the
     * quorum needs DESCRIBE on the cluster; when it fails, the line says so.
     */
    private static String activeController(Admin admin, DoctorLines lines) throws InterruptedException {
        try {
            return String.valueOf(Request.await(admin.describeMetadataQuorum().quorumInfo(), "describeMetadataQuorum",
                    "leader").leaderId());
        } catch (Request.Failed e) {
            return lines.doctorControllerUnknown(e.getCause() instanceof ClusterAuthorizationException
                    ? lines.doctorQuorumNotAuthorized()
                    : e.timedOut() ? lines.noAnswer(Request.WAIT) : Failures.reason(e.getCause()));
        }
    }
}
