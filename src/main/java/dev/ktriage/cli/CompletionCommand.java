package dev.ktriage.cli;

import dev.ktriage.engine.BadInputException;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ktriage completion bash|zsh}: the completion script picocli generates from the command
 * model, so it always offers the commands and options this build has. The script serves zsh too
 * (it loads zsh's bashcompinit itself).
 */
@Command(name = "completion", description = {
        "Print a completion script for your shell.",
        "bash: source <(ktriage completion bash)    (or save it in /etc/bash_completion.d/ktriage)",
        "zsh:  source <(ktriage completion zsh)     (in ~/.zshrc, after compinit)"})
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new BadInputException("completion: shell must be bash or zsh, not '" + shell + "'");
        }
        spec.commandLine().getOut().print(AutoComplete.bash("ktriage", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
