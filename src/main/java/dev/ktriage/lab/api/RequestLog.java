package dev.ktriage.lab.api;

import java.util.ArrayList;
import java.util.List;

/** The requests the lab answered over HTTP ("GET /api/v1/pods?limit=500"), for benchmarks and tests. */
final class RequestLog {

    private final List<String> lines = new ArrayList<>();

    synchronized void add(String method, String pathAndQuery) {
        lines.add(method + " " + pathAndQuery);
    }

    synchronized int count() {
        return lines.size();
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized void clear() {
        lines.clear();
    }
}
