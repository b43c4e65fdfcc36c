package dev.ktriage.allowlist;

import static dev.ktriage.allowlist.ArgType.CONTAINER;
import static dev.ktriage.allowlist.ArgType.COUNT;
import static dev.ktriage.allowlist.ArgType.COUNTER;
import static dev.ktriage.allowlist.ArgType.CURL_WRITE_OUT;
import static dev.ktriage.allowlist.ArgType.DATE_FORMAT;
import static dev.ktriage.allowlist.ArgType.FILE;
import static dev.ktriage.allowlist.ArgType.FIND_NUMBER;
import static dev.ktriage.allowlist.ArgType.FIND_TYPE;
import static dev.ktriage.allowlist.ArgType.HTTP_URL;
import static dev.ktriage.allowlist.ArgType.INSTANCE_ID;
import static dev.ktriage.allowlist.ArgType.INTERFACE;
import static dev.ktriage.allowlist.ArgType.IP;
import static dev.ktriage.allowlist.ArgType.JOURNAL_MATCH;
import static dev.ktriage.allowlist.ArgType.JOURNAL_TIME;
import static dev.ktriage.allowlist.ArgType.MODE;
import static dev.ktriage.allowlist.ArgType.NAME;
import static dev.ktriage.allowlist.ArgType.NAMES;
import static dev.ktriage.allowlist.ArgType.NUMBER;
import static dev.ktriage.allowlist.ArgType.PATH;
import static dev.ktriage.allowlist.ArgType.PIDS;
import static dev.ktriage.allowlist.ArgType.PREFIX;
import static dev.ktriage.allowlist.ArgType.PS_FORMAT;
import static dev.ktriage.allowlist.ArgType.REGEX;
import static dev.ktriage.allowlist.ArgType.REGION;
import static dev.ktriage.allowlist.ArgType.SYSCTL_KEY;
import static dev.ktriage.allowlist.ArgType.TEXT;
import static dev.ktriage.allowlist.ArgType.TOKEN;
import static dev.ktriage.allowlist.ArgType.TREE;
import static dev.ktriage.allowlist.ArgType.UNIT;
import static dev.ktriage.allowlist.ArgType.fixed;
import static dev.ktriage.allowlist.Opt.flag;
import static dev.ktriage.allowlist.Opt.optionalValue;
import static dev.ktriage.allowlist.Opt.value;

import dev.ktriage.allowlist.CommandSpec.Style;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every program ktriage may run on a node, with the grammar of its read-only forms and the manual
 * sections that say why nothing else is admitted. This table is the whole promise: a command that
 * no form here matches is refused at playbook load, in the REPL, and again by the SSH gateway
 * before it is sent. Plugins cannot add to it. {@code docs/node-commands.md} is generated from it.
 */
final class ReadOnlyCommands {

    private static final List<CommandSpec> SPECS = new ArrayList<>();

    private ReadOnlyCommands() {
    }

    static List<CommandSpec> all() {
        return List.copyOf(SPECS);
    }

    private static void add(List<String> names, Style style, List<Opt> globals, List<Form> forms, String source, String... writes) {
        add(names, style, globals, forms, false, source, writes);
    }

    private static void add(List<String> names, Style style, List<Opt> globals, List<Form> forms, boolean operandsFirst,
                            String source, String... writes) {
        Map<String, String> w = new LinkedHashMap<>();
        for (int i = 0; i + 1 < writes.length; i += 2) {
            for (String k : writes[i].split(" ")) w.put(k, writes[i + 1]);
        }
        SPECS.add(new CommandSpec(names, style, globals, forms, operandsFirst, source, w));
    }

    private static List<Opt> opts(Opt... o) {
        return List.of(o);
    }

    /** Programs that run other programs or program text: never on the list, with why. */
    static final Map<String, String> RUNS_OTHERS = new LinkedHashMap<>();

    static {
        for (String p : List.of("env", "timeout", "nice", "ionice", "nohup", "xargs", "sudo", "doas", "su", "runuser", "chroot",
                "nsenter", "unshare", "setsid", "stdbuf", "watch", "strace", "ltrace", "script", "time", "exec", "command",
                "eval", "busybox", "flock", "taskset", "chrt", "systemd-run")) {
            RUNS_OTHERS.put(p, "runs another command (ktriage adds its own timeout and the configured sudo)");
        }
        for (String p : List.of("sh", "bash", "dash", "zsh", "ksh", "fish", "csh", "tcsh", "python", "python2", "python3",
                "perl", "ruby", "node", "php", "lua", "awk", "gawk", "mawk", "nawk", "sed", "vi", "vim", "nvim", "emacs",
                "nano", "ed", "less", "more", "man", "tclsh", "expect", "jq", "yq")) {
            RUNS_OTHERS.put(p, "interprets program text or commands of its own (shell escapes, system(), w/e commands)");
        }
        for (String p : List.of("kubectl", "docker", "nerdctl", "ctr", "podman", "helm")) {
            RUNS_OTHERS.put(p, "changes the cluster or containers; ktriage reads the cluster through its own API client");
        }
    }

    static {
        // ---- kernel parameters and files ----
        add(List.of("sysctl"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(0, -1, SYSCTL_KEY),
                        flag("-a", "-A", "-X", "--all"), flag("-n", "--values"), flag("-N", "--names"), flag("-e", "--ignore"),
                        flag("-q", "--quiet"), flag("-b", "--binary"), value(REGEX, "-r", "--pattern"))),
                "sysctl(8) (procps-ng): reads keys; -w/--write, -p/--load, -f, --system and any KEY=VALUE argument write",
                "-w --write", "writes kernel parameters", "-p --load -f", "loads and writes settings from a file",
                "--system", "writes every sysctl.d setting");
        add(List.of("cat"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(1, -1, FILE),
                        flag("-A", "--show-all"), flag("-b", "--number-nonblank"), flag("-e"), flag("-E", "--show-ends"),
                        flag("-n", "--number"), flag("-s", "--squeeze-blank"), flag("-t"), flag("-T", "--show-tabs"),
                        flag("-u"), flag("-v", "--show-nonprinting")).readingKubeconfigs()),
                "cat(1): writes only to standard output");
        List<Opt> headTail = List.of(value(COUNT, "-n", "--lines"), value(COUNT, "-c", "--bytes"),
                flag("-q", "--quiet", "--silent"), flag("-v", "--verbose"), flag("-z", "--zero-terminated"));
        add(List.of("head"), Style.GNU, List.of(), List.of(new Form(List.of(), headTail, Operands.of(1, -1, FILE), List.of(), false)),
                "head(1): writes only to standard output");
        add(List.of("tail"), Style.GNU, List.of(), List.of(new Form(List.of(), headTail, Operands.of(1, -1, FILE), List.of(), false)),
                "tail(1): writes only to standard output; -f/-F/--follow would never end",
                "-f -F --follow --retry --pid -s --sleep-interval", "follows the file and never ends (the step would only time out)");
        add(List.of("grep"), Style.GNU, List.of(), List.of(new Form(List.of(), List.of(
                        flag("-r", "--recursive"), flag("-R", "--dereference-recursive"), flag("-s", "--no-messages"),
                        flag("-H", "--with-filename"), flag("-h", "--no-filename"), flag("-n", "--line-number"),
                        flag("-i", "--ignore-case"), flag("-l", "--files-with-matches"), flag("-L", "--files-without-match"),
                        flag("-c", "--count"), flag("-E", "--extended-regexp"), flag("-F", "--fixed-strings"),
                        flag("-G", "--basic-regexp"), flag("-P", "--perl-regexp"), flag("-x", "--line-regexp"),
                        flag("-w", "--word-regexp"), flag("-v", "--invert-match"), flag("-o", "--only-matching"),
                        flag("-q", "--quiet", "--silent"), flag("-I"), flag("-a", "--text"), flag("-Z", "--null"),
                        value(TEXT, "-e", "--regexp"), value(FILE, "-f", "--file"), value(NUMBER, "-m", "--max-count"),
                        value(NUMBER, "-A", "--after-context"), value(NUMBER, "-B", "--before-context"),
                        value(NUMBER, "-C", "--context"), value(TEXT, "--include"), value(TEXT, "--exclude"),
                        value(TEXT, "--exclude-dir"), optionalValue(fixed("never", "always", "auto"), "--color", "--colour")),
                        new GrepOperands(), List.of(), false)),
                "grep(1): reads files and writes only to standard output; a recursive read may not reach a secret",
                "-d --directories -D --devices", "not needed: use -r, and name the files");
        add(List.of("find"), Style.WORDS, opts(flag("-H"), flag("-L"), flag("-P")), List.of(Form.of("", Operands.of(0, -1, PATH),
                        flag("-xdev"), flag("-mount"), flag("-print"), flag("-print0"), flag("-ls"), flag("-prune"), flag("-quit"),
                        flag("-empty"), flag("-readable"), flag("-executable"), flag("-true"), flag("-false"), flag("-depth"),
                        flag("-follow"), flag("-noleaf"), flag("-daystart"), flag("-a", "-and"), flag("-o", "-or"),
                        flag("-not", "!"), flag("("), flag(")"),
                        value(TEXT, "-name"), value(TEXT, "-iname"), value(TEXT, "-path"), value(TEXT, "-ipath"),
                        value(TEXT, "-wholename"), value(TEXT, "-lname"), value(TEXT, "-regex"), value(TEXT, "-iregex"),
                        value(NAME, "-regextype"), value(FIND_TYPE, "-type"), value(FIND_TYPE, "-xtype"),
                        value(NUMBER, "-maxdepth"), value(NUMBER, "-mindepth"), value(FIND_NUMBER, "-mtime"),
                        value(FIND_NUMBER, "-mmin"), value(FIND_NUMBER, "-atime"), value(FIND_NUMBER, "-amin"),
                        value(FIND_NUMBER, "-ctime"), value(FIND_NUMBER, "-cmin"), value(FIND_NUMBER, "-size"),
                        value(FIND_NUMBER, "-links"), value(FIND_NUMBER, "-inum"), value(FIND_NUMBER, "-uid"),
                        value(FIND_NUMBER, "-gid"), value(PATH, "-newer"), value(PATH, "-samefile"), value(MODE, "-perm"),
                        value(NAME, "-user"), value(NAME, "-group"), value(NAME, "-fstype"), value(TEXT, "-printf"))),
                true, "find(1): tests and -print/-ls/-printf only look at names and metadata; the ACTIONS that write or run are left out",
                "-delete", "deletes the files it finds", "-exec -execdir -ok -okdir", "runs a command on each file it finds",
                "-fprint -fprint0 -fprintf -fls", "writes its output to a file");
        add(List.of("ls"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(0, -1, PATH),
                        flag("-l"), flag("-a", "--all"), flag("-A", "--almost-all"), flag("-d", "--directory"),
                        flag("-h", "--human-readable"), flag("-i", "--inode"), flag("-n", "--numeric-uid-gid"),
                        flag("-L", "--dereference"), flag("-R", "--recursive"), flag("-1"), flag("-t"), flag("-r", "--reverse"),
                        flag("-S"), flag("-F", "--classify"), flag("-p"), flag("-Z", "--context"), flag("--full-time"),
                        optionalValue(fixed("never", "always", "auto"), "--color"), value(NAME, "--time-style"))),
                "ls(1): lists names and metadata");
        add(List.of("stat"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(1, -1, PATH),
                        flag("-L", "--dereference"), flag("-f", "--file-system"), flag("-t", "--terse"),
                        value(TEXT, "-c", "--format"), value(TEXT, "--printf"))),
                "stat(1): prints metadata");
        add(List.of("test"), Style.WORDS, List.of(), List.of(Form.of("", Operands.of(1, 1, PATH),
                        flag("-e"), flag("-f"), flag("-d"), flag("-r"), flag("-s"), flag("-L"), flag("-h"), flag("-x"))
                        .requiring("-e", "-f", "-d", "-r", "-s", "-L", "-h", "-x")),
                "test(1): one file test, no output");
        add(List.of("readlink"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(1, -1, PATH),
                        flag("-f", "--canonicalize"), flag("-e", "--canonicalize-existing"), flag("-m", "--canonicalize-missing"),
                        flag("-n", "--no-newline"))),
                "readlink(1): prints where a link points");
        add(List.of("realpath"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(1, -1, PATH),
                        flag("-e", "--canonicalize-existing"), flag("-m", "--canonicalize-missing"), flag("-s", "--strip", "--no-symlinks"))),
                "realpath(1): prints the resolved path");
        add(List.of("df"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(0, -1, PATH),
                        flag("-h", "--human-readable"), flag("-T", "--print-type"), flag("-i", "--inodes"), flag("-k"), flag("-P", "--portability"),
                        flag("-a", "--all"), flag("-l", "--local"), value(NAMES, "-t", "--type"), value(NAMES, "-x", "--exclude-type"))),
                "df(1): reports file system usage");
        add(List.of("findmnt"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(0, 1, PATH),
                        flag("-J", "--json"), flag("-n", "--noheadings"), flag("-l", "--list"), flag("-r", "--raw"), flag("-D", "--df"),
                        value(NAMES, "-o", "--output"), value(NAMES, "-t", "--types"), value(PATH, "-T", "--target"))),
                "findmnt(8): lists mounts (it has no option that mounts)");

        // ---- processes and the system ----
        add(List.of("ps"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(0, 1, fixed("aux", "auxww", "ax", "axww", "auxf")),
                        flag("-e"), flag("-A"), flag("-f"), flag("-F"), flag("-l"), flag("-j"), flag("-H"), flag("-w"), flag("-y"),
                        flag("-T"), flag("-L"), flag("--no-headers"), flag("--forest"), value(PS_FORMAT, "-o", "-O", "--format"),
                        value(NAMES, "-C"), value(PIDS, "-p", "--pid"), value(PIDS, "--ppid"), value(PIDS, "-q"),
                        value(NAMES, "-u", "-U", "--user"), value(NAMES, "-g", "-G", "--group"), value(NAME, "--sort"))),
                "ps(1): reports processes; the BSD 'e' modifier (which prints their environment) is left out");
        add(List.of("uname"), Style.GNU, List.of(), List.of(Form.of("", Operands.none(),
                        flag("-a", "--all"), flag("-s", "--kernel-name"), flag("-n", "--nodename"), flag("-r", "--kernel-release"),
                        flag("-v", "--kernel-version"), flag("-m", "--machine"), flag("-p", "--processor"),
                        flag("-i", "--hardware-platform"), flag("-o", "--operating-system"))),
                "uname(1): prints system information");
        add(List.of("hostname"), Style.GNU, List.of(), List.of(Form.of("", Operands.none(),
                        flag("-f", "--fqdn", "--long"), flag("-i", "--ip-address"), flag("-I", "--all-ip-addresses"),
                        flag("-s", "--short"), flag("-d", "--domain"), flag("-A", "--all-fqdns"))),
                "hostname(1): prints names; an argument, -F/--file or -b would set the host name",
                "-F --file -b --boot", "sets the host name");
        add(List.of("date"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(0, 1, DATE_FORMAT),
                        flag("-u", "--utc"), flag("-R", "--rfc-email"), optionalValue(NAME, "-I", "--iso-8601"))),
                "date(1): prints the time; -s/--set and a MMDDhhmm argument would set the clock",
                "-s --set", "sets the system clock");
        add(List.of("uptime"), Style.GNU, List.of(), List.of(Form.of("", Operands.none(), flag("-p", "--pretty"), flag("-s", "--since"))),
                "uptime(1)");
        add(List.of("nproc"), Style.GNU, List.of(), List.of(Form.of("", Operands.none(), flag("--all"))), "nproc(1)");
        add(List.of("lscpu"), Style.GNU, List.of(), List.of(Form.of("", Operands.none(), flag("-J", "--json"), flag("-e", "--extended"))), "lscpu(1)");
        add(List.of("free"), Style.GNU, List.of(), List.of(Form.of("", Operands.none(), flag("-b"), flag("-k"), flag("-m"), flag("-g"),
                        flag("-h", "--human"), flag("-t", "--total"), flag("-w", "--wide"))), "free(1)");
        add(List.of("lsmod"), Style.GNU, List.of(), List.of(Form.of("", Operands.none())), "lsmod(8): reads /proc/modules");
        add(List.of("id"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(0, 1, NAME), flag("-u"), flag("-g"), flag("-G"), flag("-n"))), "id(1)");
        add(List.of("whoami"), Style.GNU, List.of(), List.of(Form.of("", Operands.none())), "whoami(1)");
        add(List.of("dmesg"), Style.GNU, List.of(), List.of(Form.of("", Operands.none(),
                        flag("-T", "--ctime"), flag("-k", "--kernel"), flag("-x", "--decode"), flag("-t", "--notime"),
                        flag("-r", "--raw"), flag("-u", "--userspace"), optionalValue(fixed("never", "always", "auto"), "-L", "--color"),
                        value(NAMES, "-l", "--level"), value(NAMES, "-f", "--facility"), value(NAME, "--time-format"))),
                "dmesg(1): reads the kernel ring buffer; -c/-C clear it, -n/-D/-E change console logging, -w follows",
                "-c --read-clear -C --clear", "clears the kernel ring buffer", "-n --console-level -D --console-off -E --console-on",
                "changes console logging", "-w --follow -W --follow-new", "follows the log and never ends");
        add(List.of("journalctl"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(0, -1, JOURNAL_MATCH),
                        flag("-k", "--dmesg"), flag("--no-pager"), flag("-a", "--all"), flag("-q", "--quiet"), flag("-r", "--reverse"),
                        flag("-m", "--merge"), flag("-x", "--catalog"), flag("--utc"), flag("--no-hostname"), flag("-l", "--full"),
                        flag("--no-full"), flag("--list-boots"), flag("--disk-usage"), flag("-N", "--fields"),
                        value(UNIT, "-u", "--unit"), value(UNIT, "--user-unit"), value(COUNT, "-n", "--lines"),
                        value(JOURNAL_TIME, "-S", "--since"), value(JOURNAL_TIME, "-U", "--until"),
                        value(fixed("short", "short-full", "short-iso", "short-iso-precise", "short-precise", "short-monotonic",
                                "short-unix", "short-delta", "verbose", "export", "json", "json-pretty", "json-sse", "json-seq",
                                "cat", "with-unit"), "-o", "--output"),
                        value(TEXT, "-g", "--grep"), optionalValue(fixed("true", "false"), "--case-sensitive"),
                        value(NAME, "-p", "--priority"), value(NAME, "-t", "--identifier"), value(NAME, "-F", "--field"),
                        value(NAMES, "--output-fields"), value(FILE, "-D", "--directory"),
                        optionalValue(ArgType.pattern("boot id or offset", "[-+]?[0-9a-fA-F]{0,32}"), "-b", "--boot"))),
                "journalctl(1): the filter and output options only; the commands that vacuum, rotate, flush, sync, relinquish or set up keys change the journal",
                "--vacuum-size --vacuum-time --vacuum-files", "deletes archived journal files",
                "--rotate", "rotates the journal files", "--flush", "moves the journal from /run to /var",
                "--sync", "writes unwritten entries to disk", "--relinquish-var --smart-relinquish-var", "moves logging back to /run",
                "--setup-keys", "generates new sealing keys", "--update-catalog", "rewrites the message catalog index",
                "--cursor-file", "writes the cursor to a file", "-f --follow", "follows the journal and never ends");
        List<Opt> systemctlGlobal = opts(flag("--no-pager"), flag("-l", "--full"), flag("--no-legend"), flag("--plain"),
                flag("-a", "--all"), flag("--value"), flag("-q", "--quiet"), value(NAMES, "-p", "--property"),
                value(NAMES, "-t", "--type"), value(NAMES, "--state"), value(NUMBER, "-n", "--lines"),
                value(fixed("short", "short-iso", "short-precise", "cat", "json", "json-pretty", "verbose"), "-o", "--output"));
        add(List.of("systemctl"), Style.GNU, systemctlGlobal, List.of(
                        Form.of("show", Operands.of(0, -1, UNIT)), Form.of("status", Operands.of(0, -1, UNIT)),
                        Form.of("cat", Operands.of(1, -1, UNIT)), Form.of("is-active", Operands.of(1, -1, UNIT)),
                        Form.of("is-enabled", Operands.of(1, -1, UNIT)), Form.of("is-failed", Operands.of(1, -1, UNIT)),
                        Form.of("list-units", Operands.of(0, -1, UNIT)), Form.of("list-unit-files", Operands.of(0, -1, UNIT)),
                        Form.of("list-timers", Operands.none()), Form.of("list-sockets", Operands.none()),
                        Form.of("list-dependencies", Operands.of(0, 1, UNIT)), Form.of("get-default", Operands.none())),
                "systemctl(1): the Unit Commands that only show (show, status, cat, is-*, list-*); every other command changes units or the system",
                "start stop restart reload try-restart reload-or-restart try-reload-or-restart kill clean freeze thaw isolate",
                "starts, stops or signals units", "enable disable reenable preset preset-all mask unmask link revert add-wants add-requires edit set-property",
                "changes unit files or unit properties", "daemon-reload daemon-reexec set-environment unset-environment import-environment",
                "changes the service manager", "reboot poweroff halt kexec suspend hibernate hybrid-sleep default rescue emergency exit switch-root",
                "changes the system state", "-H --host -M --machine", "runs against another host or container");

        // ---- network ----
        List<Opt> ipGlobal = opts(flag("-j", "-json"), flag("-4"), flag("-6"), flag("-o", "-oneline"), flag("-d", "-details"),
                flag("-s", "-stats"), flag("-br", "-brief"), flag("-p", "-pretty"));
        Opt[] routeShow = {value(NAME, "table"), value(INTERFACE, "dev"), value(NAME, "proto"), value(NAME, "scope"),
                value(NAME, "type"), value(IP, "via"), value(IP, "src")};
        Opt[] addrShow = {value(INTERFACE, "dev"), value(NAME, "scope"), flag("up"), value(NAME, "label")};
        Opt[] linkShow = {value(INTERFACE, "dev"), flag("up"), value(NAME, "type"), value(INTERFACE, "master")};
        add(List.of("ip"), Style.WORDS, ipGlobal, List.of(
                        Form.of("route|r get", Operands.of(1, 1, IP), flag("to"), value(IP, "from"), value(INTERFACE, "iif"),
                                value(INTERFACE, "oif"), value(NUMBER, "mark"), value(NUMBER, "uid"), value(NAME, "vrf"),
                                flag("fibmatch"), flag("connected")),
                        Form.of("route|r show|list", Operands.of(0, 1, PREFIX), routeShow),
                        Form.of("route|r", Operands.of(0, 0), routeShow),
                        Form.of("address|addr|a show|list", Operands.of(0, 1, INTERFACE), addrShow),
                        Form.of("address|addr|a", Operands.of(0, 0), addrShow),
                        Form.of("link|l show|list", Operands.of(0, 1, INTERFACE), linkShow),
                        Form.of("link|l", Operands.of(0, 0), linkShow),
                        Form.of("rule|ru show|list", Operands.none()), Form.of("rule|ru", Operands.none()),
                        Form.of("neighbour|neighbor|neigh|n show|list", Operands.of(0, 1, IP), value(INTERFACE, "dev")),
                        Form.of("neighbour|neighbor|neigh|n", Operands.none(), value(INTERFACE, "dev"))),
                "ip(8), ip-route(8), ip-address(8), ip-link(8): the show/list/get verbs only read; -batch and -force are left out",
                "add del delete change replace append prepend flush set restore save monitor exec", "changes or watches routes, addresses and links",
                "-b -batch -force", "runs ip commands from a file", "netns vrf", "switches network namespace or VRF to run commands");
        add(List.of("ss"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(0, -1, TOKEN),
                        flag("-t", "--tcp"), flag("-u", "--udp"), flag("-x", "--unix"), flag("-w", "--raw"), flag("-l", "--listening"),
                        flag("-a", "--all"), flag("-n", "--numeric"), flag("-r", "--resolve"), flag("-p", "--processes"),
                        flag("-e", "--extended"), flag("-i", "--info"), flag("-m", "--memory"), flag("-o", "--options"),
                        flag("-s", "--summary"), flag("-H", "--no-header"), flag("-4", "--ipv4"), flag("-6", "--ipv6"),
                        flag("-0", "--packet"), flag("-S", "--sctp"), flag("-M", "--mptcp"), flag("-O", "--oneline"))),
                "ss(8): reports sockets; -K/--kill closes them, -D/--diag dumps to a file",
                "-K --kill", "closes the sockets it matches", "-D --diag", "writes raw information to a file",
                "-F --filter", "reads the filter from a file", "-N --net", "switches network namespace");
        add(List.of("nstat"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(0, -1, COUNTER),
                        flag("-a", "--ignore"), flag("-s", "--noupdate"), flag("-z", "--zeros"), flag("-j", "--json"),
                        flag("-p", "--pretty")).requiring("-s", "--noupdate")),
                "nstat(8): with -s it keeps no history file; without it, it writes one; -r/-n/-d reset or only update it",
                "requires", "without -s/--noupdate nstat writes its history file (nstat(8))",
                "-r --reset -n --nooutput", "updates or resets the history file", "-d --scan", "runs as a daemon writing history");
        add(List.of("iptables", "ip6tables", "iptables-legacy", "ip6tables-legacy", "iptables-nft", "ip6tables-nft"), Style.GNU,
                List.of(), List.of(Form.of("", Operands.of(0, 1, NAME),
                        flag("-S", "--list-rules"), flag("-L", "--list"), flag("-n", "--numeric"), flag("-v", "--verbose"),
                        flag("-x", "--exact"), flag("--line-numbers"), flag("-w", "--wait"),
                        value(fixed("filter", "nat", "mangle", "raw", "security"), "-t", "--table"))
                        .requiring("-S", "-L")),
                "iptables(8): -S/-L list rules; every other COMMAND changes rules, chains or counters (-Z zeroes them, also with -L)",
                "-A --append -D --delete -I --insert -R --replace -F --flush -N --new-chain -X --delete-chain -P --policy -E --rename-chain",
                "changes rules or chains", "-Z --zero", "zeroes the counters", "requires", "one of -S or -L lists; anything else changes the table");
        add(List.of("iptables-save", "ip6tables-save", "iptables-legacy-save", "iptables-nft-save", "ip6tables-legacy-save", "ip6tables-nft-save"),
                Style.GNU, List.of(), List.of(Form.of("", Operands.none(), flag("-c", "--counters"),
                        value(fixed("filter", "nat", "mangle", "raw", "security"), "-t", "--table"))),
                "iptables-save(8): dumps the rules to standard output; -f/--file writes a file",
                "-f --file", "writes the dump to a file");
        List<Opt> nftGlobal = opts(flag("-a", "--handle"), flag("-j", "--json"), flag("-n", "--numeric"), flag("-s", "--stateless"),
                flag("-t", "--terse"), flag("-y", "--numeric-priority"));
        add(List.of("nft"), Style.GNU, nftGlobal, List.of(
                        Form.of("list ruleset|tables|table|chains|chain|sets|set|maps|map|counters|counter|flowtables|flowtable|quotas|quota",
                                Operands.of(0, 3, NAME))),
                "nft(8): the list command only; every other command changes the ruleset (reset zeroes counters)",
                "add create insert replace delete destroy flush rename import", "changes the ruleset", "reset", "zeroes counters and quotas",
                "monitor", "never ends", "-f --file -i --interactive", "runs nft commands from a file or a prompt");
        add(List.of("conntrack"), Style.GNU, List.of(), List.of(Form.of("", Operands.none(),
                        flag("-S", "--stats"), flag("-C", "--count"), flag("-L", "--dump"),
                        value(NAME, "-p", "--proto"), value(IP, "-s", "--src", "--orig-src"), value(IP, "-d", "--dst", "--orig-dst"),
                        value(fixed("ipv4", "ipv6"), "-f", "--family"), value(NAMES, "-o", "--output"),
                        value(NUMBER, "--sport", "--orig-port-src"), value(NUMBER, "--dport", "--orig-port-dst"))
                        .requiring("-S", "-C", "-L")),
                "conntrack(8): -S, -C and -L only read the table",
                "-D --delete -F --flush -U --update -I --create -R --load-file", "changes the connection tracking table",
                "-z --zero", "zeroes counters", "-E --event", "watches events and never ends",
                "requires", "one of -S, -C or -L reads; the other commands change the table");
        add(List.of("ethtool"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(1, 1, INTERFACE),
                        flag("-S", "--statistics"), flag("-l", "--show-channels"), flag("-x", "--show-rxfh-indir", "--show-rxfh"),
                        flag("-i", "--driver"), flag("-k", "--show-features", "--show-offload"), flag("-g", "--show-ring"),
                        flag("-c", "--show-coalesce"), flag("-a", "--show-pause"), flag("-T", "--show-time-stamping"),
                        flag("-P", "--show-permaddr"), flag("--json"))),
                "ethtool(8): the show/query modes only; the set modes change the NIC",
                "-s --change -K --features --offload -L --set-channels -G --set-ring -C --coalesce -A --pause -X --set-rxfh-indir",
                "changes NIC settings", "-E --change-eeprom -f --flash", "writes the NIC's EEPROM or firmware",
                "-r --negotiate -p --identify --reset", "restarts, blinks or resets the NIC", "-N -U --config-nfc --config-ntuple",
                "changes flow rules");
        List<Opt> tcGlobal = opts(flag("-s", "-stats"), flag("-d", "-details"), flag("-j", "-json"), flag("-p", "-pretty"));
        add(List.of("tc"), Style.WORDS, tcGlobal, List.of(
                        Form.of("qdisc|class|filter show|list", Operands.none(), value(INTERFACE, "dev"), flag("ingress"), flag("root")),
                        Form.of("qdisc|class|filter", Operands.none(), value(INTERFACE, "dev"))),
                "tc(8): the show verb only",
                "add del delete change replace link", "changes traffic control", "-b -batch -force", "runs tc commands from a file");
        add(List.of("ipvsadm"), Style.GNU, List.of(), List.of(Form.of("", Operands.none(),
                        flag("-L", "-l", "--list"), flag("-n", "--numeric"), flag("--stats"), flag("--rate"), flag("--exact"),
                        flag("-c", "--connection")).requiring("-L", "-l")),
                "ipvsadm(8): -L lists the virtual server table",
                "-A --add-service -E --edit-service -D --delete-service -C --clear -R --restore -a --add-server -e --edit-server -d --delete-server --set",
                "changes the virtual server table", "-Z --zero", "zeroes counters", "requires", "-L lists; the other commands change the table");
        add(List.of("curl"), Style.GNU, List.of(), List.of(Form.of("", Operands.of(1, 1, HTTP_URL),
                        flag("-k", "--insecure"), flag("-s", "--silent"), flag("-S", "--show-error"), flag("-I", "--head"),
                        flag("-f", "--fail"), flag("-4", "--ipv4"), flag("-6", "--ipv6"), flag("-g", "--globoff"),
                        value(fixed("/dev/null"), "-o", "--output"), value(CURL_WRITE_OUT, "-w", "--write-out"),
                        value(NUMBER, "-m", "--max-time"), value(NUMBER, "--connect-timeout"))),
                "curl(1): a GET (or HEAD) of an http(s) URL whose body goes to /dev/null; -w's %output{} (curl 8.3+) is refused",
                "-X --request", "sends another method than GET",
                "-d --data --data-raw --data-binary --data-urlencode --data-ascii -F --form --form-string --json", "sends a request body",
                "-T --upload-file", "uploads a file", "-O --remote-name -J --remote-header-name --output-dir", "writes files",
                "-K --config", "reads options from a file", "-b --cookie -c --cookie-jar -D --dump-header", "reads or writes files",
                "--unix-socket --abstract-unix-socket", "talks to local daemons' sockets (the container runtime's, Docker's)",
                "-x --proxy", "sends the request elsewhere");
        add(List.of("aws"), Style.GNU, List.of(), List.of(Form.of("ec2 describe-instances", Operands.of(0, -1, INSTANCE_ID),
                        value(REGION, "--region"), value(INSTANCE_ID, "--instance-ids"), value(TEXT, "--query"),
                        value(fixed("json", "text", "table", "yaml"), "--output"), flag("--no-cli-pager"), flag("--no-paginate"))),
                "AWS CLI reference, ec2 describe-instances: the DescribeInstances action reads instance metadata options; no other service or action",
                "--debug", "logs request signing details", "--profile --endpoint-url", "not needed: the node's own role and endpoint");

        // ---- containers ----
        Opt crictlOut = value(fixed("json", "yaml", "table"), "-o", "--output");
        add(List.of("crictl"), Style.GNU, List.of(), List.of(
                        Form.of("ps", Operands.none(), flag("-a", "--all"), flag("-q", "--quiet"), flag("-v", "--verbose"),
                                flag("--no-trunc"), flag("-l", "--latest"), crictlOut, value(NAME, "--name"), value(NAME, "--label"),
                                value(CONTAINER, "-p", "--pod"), value(NAME, "--state"), value(NAME, "--image")),
                        Form.of("pods", Operands.none(), flag("-q", "--quiet"), flag("-v", "--verbose"), flag("--no-trunc"),
                                crictlOut, value(NAME, "--name"), value(NAME, "--namespace"), value(NAME, "--label"), value(NAME, "--state")),
                        Form.of("inspect", Operands.of(1, -1, CONTAINER), crictlOut),
                        Form.of("inspectp", Operands.of(1, -1, CONTAINER), crictlOut),
                        Form.of("images|img", Operands.none(), flag("-q", "--quiet"), flag("-v", "--verbose"), crictlOut),
                        Form.of("info", Operands.none(), crictlOut), Form.of("version", Operands.none()),
                        Form.of("stats", Operands.of(0, -1, CONTAINER), flag("-a", "--all"), crictlOut),
                        Form.of("logs", Operands.of(1, 1, CONTAINER), value(COUNT, "--tail"), value(JOURNAL_TIME, "--since"),
                                flag("-t", "--timestamps"), flag("-p", "--previous"))),
                "crictl(1): ps, pods, inspect, inspectp, images, info, version, stats and logs only read from the runtime",
                "rm rmp rmi stop stopp start create run runp update pull", "creates, changes or removes containers, pods or images",
                "exec attach port-forward", "runs a command in a container or opens a stream into it",
                "checkpoint", "writes a checkpoint", "config", "writes crictl's config", "-f --follow", "follows the log and never ends");
    }

    static CommandSpec find(String program) {
        for (CommandSpec s : SPECS) if (s.names().contains(program)) return s;
        return null;
    }

    static Set<String> programs() {
        Set<String> out = new java.util.TreeSet<>();
        for (CommandSpec s : SPECS) out.add(s.program());
        return out;
    }
}
