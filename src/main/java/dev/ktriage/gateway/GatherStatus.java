package dev.ktriage.gateway;

/** How a gather ended. Anything but OK makes the step inconclusive, with the reason recorded. */
public enum GatherStatus {
    OK,
    FORBIDDEN,
    TIMEOUT,
    UNREACHABLE,
    REFUSED,
    ERROR;

    public boolean isFailure() {
        return this != OK;
    }
}
