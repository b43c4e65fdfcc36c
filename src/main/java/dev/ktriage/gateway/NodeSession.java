package dev.ktriage.gateway;

import java.util.Map;
import java.util.Optional;

/**
 * What a node gateway may need from the one session it serves at a time: a place to record what
 * it did besides answering (a debug pod it created or deleted), and the operator to ask before it
 * does something they must agree to. Both are called on any thread.
 */
public interface NodeSession {

    /** A line of the session's transcript, of {@code type}, with these fields. */
    void record(String type, Map<String, String> fields);

    /**
     * Asks the operator a yes/no question.
     *
     * @return empty when they agreed, else why not (they declined, or nobody can answer: a batch run)
     */
    Optional<String> consent(String id, String question);

    /** The session ends: undo what it set up (delete its debug pods). Never throws. */
    interface End extends AutoCloseable {
        @Override
        void close();
    }

    /** A session that records nothing and where nobody agrees to anything. */
    NodeSession NONE = new NodeSession() {
        @Override
        public void record(String type, Map<String, String> fields) {
        }

        @Override
        public Optional<String> consent(String id, String question) {
            return Optional.of("nobody was asked");
        }
    };
}
