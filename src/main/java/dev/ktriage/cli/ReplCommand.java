package dev.ktriage.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "repl", description = {
        "Line-mode console: list and start playbooks, walk them step by step (next, why, evidence, answer, back),",
        "report and save; read the cluster (get) and nodes (ssh, read-only) between steps. Tab completes; Ctrl-D saves and leaves."})
final class ReplCommand implements Callable<Integer> {

    @Mixin
    TargetOptions target = new TargetOptions();

    @Mixin
    PlaybookOptions playbooks = new PlaybookOptions();

    @Override
    public Integer call() throws Exception {
        try (Target t = Target.open(target)) {
            Interactive.repl(Interactive.workspace(playbooks.catalog(), t, target.connection.namespace, null, Transcripts::defaultPath));
        }
        return 0;
    }
}
