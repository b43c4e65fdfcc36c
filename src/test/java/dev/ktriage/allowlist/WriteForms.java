package dev.ktriage.allowlist;

import java.util.List;

/**
 * Commands that write to a node, escape to another program, or read a secret, as an attacker or a
 * careless author would type them; shared by the allow-list's own test and by the tests that send
 * them through a playbook load, the REPL, the lab and a real sshd. Each line is a command as
 * written in a playbook's {@code run:} (single quotes group).
 */
public final class WriteForms {

    private WriteForms() {
    }

    /** Writes, escapes to another program, or never ends: each must be refused. */
    public static final List<String> WRITES = List.of(
            "find / -name x -delete", "find /var/lib -exec rm x +", "find / -execdir id +", "find / -ok rm", "find / -okdir rm",
            "find / -fprint /tmp/x", "find / -fprintf /tmp/x %p", "find / -fls /tmp/x", "find / -fprint0 /tmp/x",
            "sed -i s/a/b/ /etc/hosts", "sed -n w/tmp/x /etc/hosts", "env X=1 id", "timeout 1 rm /x", "xargs rm",
            "journalctl --vacuum-size=1", "journalctl --vacuum-time=1s", "journalctl --vacuum-files 1", "journalctl --rotate",
            "journalctl --flush", "journalctl --sync", "journalctl --relinquish-var", "journalctl --setup-keys",
            "journalctl --cursor-file=/tmp/x", "journalctl -f", "tee /etc/x", "dd if=/dev/zero of=/dev/sda",
            "sysctl -w net.ipv4.ip_forward=1", "sysctl net.ipv4.ip_forward=1", "sysctl -p /etc/sysctl.conf", "sysctl --system",
            "sysctl --sys", "ip link set eth0 down", "ip route add 10.0.0.0/8 via 10.0.0.1", "ip addr del 10.0.0.1/24 dev eth0",
            "ip route flush cache", "ip -batch /tmp/cmds", "ip netns exec x id", "awk 'BEGIN{system(\"id\")}'",
            "perl -e 'system(1)'", "python3 -c 'import os'", "less /etc/hosts", "vi /etc/hosts", "tar -xf /tmp/a.tar",
            "cp /etc/hosts /tmp/x", "mv /etc/hosts /tmp/x", "ln -s /a /b", "chmod 777 /etc", "chown root /etc",
            "truncate -s 0 /var/log/syslog", "mkfifo /tmp/x", "systemctl start kubelet", "systemctl stop kubelet",
            "systemctl restart kubelet", "systemctl mask kubelet", "systemctl daemon-reload", "systemctl --no-pager enable kubelet",
            "crictl rm abc", "crictl stop abc", "crictl exec abc id", "crictl config --set x=y", "iptables -F",
            "iptables -A INPUT -j DROP", "iptables -D INPUT 1", "iptables -L -Z", "iptables -t nat -N x", "nft add table inet x",
            "nft flush ruleset", "nft reset counters", "nft -f /tmp/rules", "conntrack -D -p tcp", "conntrack -F",
            "ethtool -s eth0 speed 100", "ethtool -K eth0 gro off", "ethtool -E eth0 magic 1", "tc qdisc add dev eth0 root netem",
            "tc qdisc del dev eth0 root", "sh -c id", "bash -c id", "sudo rm /x", "nice rm /x", "nohup rm /x",
            "/usr/bin/cat /etc/hosts", "rm -rf /", "curl -X POST http://10.0.0.1/", "curl -o /tmp/x http://10.0.0.1/",
            "curl -w '%output{/tmp/x}' http://10.0.0.1/", "curl --unix-socket /run/containerd/containerd.sock http://x/",
            "curl file:///etc/hosts", "curl -d x=1 http://10.0.0.1/", "curl -T /etc/hosts http://10.0.0.1/", "nstat", "nstat -r",
            "dmesg -C", "dmesg -c", "dmesg -n 1", "hostname evil", "date -s 2020-01-01", "tail -f /var/log/syslog",
            "ss -K dst 10.0.0.1", "kubectl delete pod x", "mount /dev/sda1 /mnt", "ipvsadm -C",
            "aws ec2 terminate-instances --instance-ids i-0123456789abcdef0", "aws ec2 describe-instances --debug",
            "ps e", "ps auxe", "cat /proc/kmsg", "cat /sys/kernel/tracing/trace_pipe");

    /** Files that hold secrets, or folders read recursively that do: each must be refused. */
    public static final List<String> SENSITIVE = List.of(
            "cat /etc/shadow", "cat /etc/gshadow", "head /etc/shadow-", "cat /etc/ssh/ssh_host_ed25519_key",
            "cat /root/.ssh/id_rsa", "tail -n 5 /home/admin/.ssh/id_ed25519", "cat /etc/kubernetes/pki/ca.key",
            "cat /etc/kubernetes/pki/etcd/server.key", "cat /etc/kubernetes/pki/sa.key", "cat /var/lib/kubelet/pki/kubelet-client-current.pem",
            "cat /var/lib/kubelet/pki/kubelet.key", "cat /proc/1/environ", "cat /proc/self/environ", "cat /proc/1/task/1/environ",
            "cat /proc/kcore", "cat /proc/1/root/etc/shadow", "cat /etc/../etc/shadow", "cat //etc//shadow",
            "cat /var/lib/kubelet/pods/0b1c/volumes/kubernetes.io~projected/kube-api-access-x/token",
            "cat /run/secrets/kubernetes.io/serviceaccount/token", "cat /var/run/secrets/kubernetes.io/serviceaccount/token",
            "cat /var/lib/rancher/k3s/server/token", "cat /etc/kubernetes/encryption-config.yaml", "cat /root/.aws/credentials",
            "cat /var/lib/kubelet/config.json", "grep -r x /etc", "grep -r token /var/lib/kubelet", "grep -rs rp_filter /etc/kubernetes",
            "grep token /etc/kubernetes/admin.conf", "cat -n /etc/kubernetes/admin.conf", "head /etc/kubernetes/kubelet.conf",
            "cat /etc/kubernetes/admin.conf /etc/hosts", "cat /dev/mem", "cat /tmp/x", "grep -f /etc/shadow x /etc/hosts",
            "cat /run/containerd/io.containerd.runtime.v2.task/k8s.io/abc/rootfs/etc/shadow");

    /** Read-only forms that must pass (besides every command the playbooks use). */
    public static final List<String> READS = List.of(
            "sysctl -n net.ipv4.conf.all.rp_filter", "sysctl -a --pattern 'rp_filter|log_martians'", "sysctl net.ipv4.conf.eth0/100.rp_filter",
            "sysctl -a -r rp_filter", "ip -j route get 10.0.0.1", "ip route get 10.0.0.1 from 10.0.0.2 iif eth0", "ip -o link show",
            "ip addr show dev eth0", "ip -6 route show", "ip route", "ip -j -d link show lxc3c160d6c7aa0", "ip r get fd00::1",
            "ss -tlnp", "ss -s", "ss -tn state established", "nstat -asz TcpExtListenOverflows", "nstat -s", "journalctl -k --no-pager -n 100 -o short-iso",
            "journalctl -u kubelet --since -1h --no-pager", "journalctl -b --no-pager -g martian", "journalctl --boot=-1 -k",
            "journalctl _SYSTEMD_UNIT=kubelet.service", "find /etc/sysctl.d -name '*.conf' -type f", "find -L /etc -maxdepth 2 -name x -print",
            "find /var/lib/kubelet -maxdepth 1 '(' -name a -o -name b ')'", "ls -l /etc/sysctl.d", "ls -la --full-time /etc/kubernetes/pki",
            "stat -c %a /etc/kubernetes", "ps -o args= -C kubelet", "ps aux", "ps -ef", "uname -r", "uname -a", "crictl ps -a -o json",
            "crictl inspect abc123", "crictl inspectp abc123", "crictl pods --namespace kube-system -o json", "crictl logs --tail 50 abc123",
            "systemctl show kubelet -p ExecStart", "systemctl status kubelet --no-pager", "systemctl cat kubelet", "systemctl --no-pager status kubelet",
            "systemctl is-active irqbalance", "iptables -t nat -S", "iptables -L -n -v", "ip6tables -S", "iptables-save -t nat",
            "nft list ruleset", "nft -j list table inet filter", "conntrack -S", "conntrack -C", "conntrack -L -p tcp --dport 443",
            "ethtool -S eth0", "ethtool -l eth0", "ethtool -x eth0", "ethtool -i eth0", "ethtool eth0", "tc -s qdisc show dev eth0",
            "cat /etc/kubernetes/kubelet.conf", "cat /proc/net/softnet_stat", "cat /proc/1/cmdline", "head -n 20 /var/log/syslog",
            "tail -n 100 /var/log/messages", "grep -rs rp_filter /etc/sysctl.d /run/sysctl.d /usr/lib/sysctl.d /etc/sysctl.conf",
            "grep -c processor /proc/cpuinfo", "dmesg -T", "dmesg --level err,warn", "test -e /etc/sysctl.d/99-zzz-override_cilium.conf",
            "date +%s", "hostname -f", "df -h /var/lib/kubelet", "readlink -f /etc/resolv.conf", "ipvsadm -L -n",
            "curl -k -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 10 http://10.0.0.113:8181/ready",
            "aws ec2 describe-instances --region us-east-2 --instance-ids i-0123456789abcdef0 --query 'Reservations[0]' --output json");
}
