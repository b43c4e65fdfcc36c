package dev.ktriage.gateway.node;

import dev.ktriage.gateway.GatherStatus;

/** A failure already understood: its status and its one-line reason are what the operator sees. */
final class NodeFailure extends Exception {

    private final GatherStatus status;

    NodeFailure(GatherStatus status, String reason) {
        super(oneLine(reason), null, false, false);
        this.status = status;
    }

    /** Reasons end up in one-line evidence and status bars; a quoted argument may carry a newline. */
    static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    GatherStatus status() {
        return status;
    }
}
