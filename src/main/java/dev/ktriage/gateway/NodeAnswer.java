package dev.ktriage.gateway;

/**
 * What a node said. A command that ran (whatever its exit code) is OK; a node that could not be
 * reached, refused us (auth, host key) or did not answer in time is a failure with a reason.
 */
public record NodeAnswer(GatherStatus status, int exitCode, String stdout, String stderr, String reason, long millis) {

    public static NodeAnswer ran(int exitCode, String stdout, String stderr, long millis) {
        return new NodeAnswer(GatherStatus.OK, exitCode, stdout, stderr, null, millis);
    }

    public static NodeAnswer failed(GatherStatus status, String reason, long millis) {
        return new NodeAnswer(status, -1, "", "", reason, millis);
    }
}
