package dev.ktriage.lab.scenario;

/** logs/NS/POD/CONTAINER.log is {@code previous=false}; CONTAINER.previous.log is {@code previous=true}. */
public record LogKey(String namespace, String pod, String container, boolean previous) {
}
