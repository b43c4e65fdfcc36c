package dev.ktriage.gateway.node;

import java.io.IOException;

/**
 * A cached connection that could not open a channel: nothing was sent to the node yet, so the
 * command can safely go again on a fresh connection.
 */
final class StaleConnection extends IOException {

    StaleConnection(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
