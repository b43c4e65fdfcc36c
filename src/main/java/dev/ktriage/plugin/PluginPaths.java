package dev.ktriage.plugin;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where plugins are looked for by default: {@code plugins/} in the ktriage home (the repository or
 * install folder: {@code -Dktriage.home}, $KTRIAGE_HOME, or the folder above target/), and the
 * user's {@code $XDG_CONFIG_HOME/ktriage/plugins} (default ~/.config/ktriage/plugins).
 */
public final class PluginPaths {

    private PluginPaths() {
    }

    public static List<Path> defaults() {
        List<Path> out = new ArrayList<>();
        home().map(h -> h.resolve("plugins")).filter(Files::isDirectory).ifPresent(out::add);
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config"))
                .resolve("ktriage").resolve("plugins");
        if (Files.isDirectory(config)) out.add(config);
        return out;
    }

    static java.util.Optional<Path> home() {
        String prop = System.getProperty("ktriage.home");
        if (prop != null && !prop.isBlank()) return java.util.Optional.of(Path.of(prop));
        String env = System.getenv("KTRIAGE_HOME");
        if (env != null && !env.isBlank()) return java.util.Optional.of(Path.of(env));
        try {
            Path code = Path.of(PluginPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/ktriage.jar or target/classes: the home is the folder that holds target/
            Path target = code.getParent();
            if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")) {
                return java.util.Optional.ofNullable(target.getParent());
            }
        } catch (URISyntaxException | SecurityException e) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }
}
