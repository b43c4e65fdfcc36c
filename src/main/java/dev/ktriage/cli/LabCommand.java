package dev.ktriage.cli;

import dev.ktriage.lab.Lab;
import dev.ktriage.lab.scenario.Scenario;
import dev.ktriage.lab.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lab", description = {
        "Start a scenario's embedded lab alone and print how to reach it, so real kubectl and ssh can be pointed at it.",
        "Runs until interrupted (Ctrl-C)."})
final class LabCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Scenario folder (format: docs/scenarios.md).")
    Path dir;

    @Option(names = "--workdir", paramLabel = "DIR", description = "Where to write kubeconfig, ssh_config and keys (default: a new temp folder).")
    Path workDir;

    @Option(names = "--for", paramLabel = "SECONDS", description = "Stop after this many seconds instead of waiting for Ctrl-C.")
    Integer seconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Scenario scenario = ScenarioLoader.load(dir);
        try (Lab lab = workDir != null ? Lab.start(scenario, workDir) : Lab.start(scenario)) {
            out.println("ktriage lab: " + lab.scenario().name() + " (" + lab.scenario().objects().size() + " objects, "
                    + lab.scenario().nodes().size() + " nodes)");
            out.println("API server:  " + lab.apiUrl());
            out.println("kubeconfig:  " + lab.kubeconfig());
            out.println("ssh config:  " + lab.sshConfig());
            out.println();
            out.println("  export KUBECONFIG=" + lab.kubeconfig());
            out.println("  kubectl get pods -A");
            lab.scenario().nodes().keySet().stream().sorted().findFirst()
                    .ifPresent(n -> out.println("  ssh -F " + lab.sshConfig() + " " + n + " sysctl -a"));
            out.println();
            out.println("--- kubeconfig ---");
            out.print(Files.readString(lab.kubeconfig()));
            out.println("--- ssh config ---");
            out.print(Files.readString(lab.sshConfig()));
            out.println(seconds == null ? "Press Ctrl-C to stop." : "Stopping in " + seconds + " s.");
            out.flush();
            CountDownLatch stop = new CountDownLatch(1);
            if (seconds != null) stop.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
            else stop.await();
        }
        return 0;
    }
}
