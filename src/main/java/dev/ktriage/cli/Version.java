package dev.ktriage.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (set by Maven), "dev" when run from classes. */
final class Version implements IVersionProvider {

    static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ktriage " + current()};
    }
}
