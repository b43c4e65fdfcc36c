package dev.ktriage.gateway.node;

import com.hierynomus.sshj.key.KeyAlgorithms;
import com.hierynomus.sshj.transport.cipher.BlockCiphers;
import com.hierynomus.sshj.transport.cipher.ChachaPolyCiphers;
import com.hierynomus.sshj.transport.cipher.GcmCiphers;
import com.hierynomus.sshj.transport.kex.DHGroups;
import com.hierynomus.sshj.transport.kex.ExtInfoClientFactory;
import com.hierynomus.sshj.transport.mac.Macs;
import net.schmizz.sshj.Config;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.kex.Curve25519SHA256;
import net.schmizz.sshj.transport.kex.ECDHNistP;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The algorithms ktriage offers a node, built once per JVM: OpenSSH's own client defaults (as far
 * as sshj has them), so a node that takes {@code ssh} takes us. Nothing sshj would still offer
 * that OpenSSH dropped: no SHA-1 key exchange or ssh-rsa signatures, no CBC, 3DES, RC4, Blowfish
 * or MD5, no DSA. Preferred first, as the client's order decides: curve25519 (two cheap scalar
 * multiplications) and Ed25519 host keys, which are also the fastest to compute.
 *
 * <p>Building sshj's {@link DefaultConfig} costs a quarter of a second of CPU on a cold JVM: it
 * tries out every cipher it knows (thirty of them) to find the ones the JCE allows. Here the list
 * is fixed, and the build starts in the background as soon as a gateway is made ({@link #prepare}),
 * so it overlaps the cluster reads that come before the first node command.
 */
final class SshAlgorithms extends DefaultConfig {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CompletableFuture<Config> SHARED = new CompletableFuture<>();

    private SshAlgorithms() {
    }

    /** Starts building the shared config on a background thread, once per JVM; later calls do nothing. */
    static void prepare() {
        if (!STARTED.compareAndSet(false, true)) return;
        Thread t = new Thread(SshAlgorithms::build, "ssh-config");
        t.setDaemon(true);
        t.start();
    }

    /** The shared config, built here if nobody started it yet; never mutated once built, so clients share it. */
    static Config config() {
        if (STARTED.compareAndSet(false, true)) build();
        return SHARED.join();
    }

    private static void build() {
        try {
            // registering BouncyCastle as sshj's JCE provider is most of the cost: done here, not on the first connection
            SecurityUtils.getSecurityProvider();
            SHARED.complete(new SshAlgorithms());
        } catch (RuntimeException | Error e) {
            SHARED.completeExceptionally(e);
        }
    }

    @Override
    protected void initKeyExchangeFactories() {
        setKeyExchangeFactories(
                new Curve25519SHA256.Factory(),
                new Curve25519SHA256.FactoryLibSsh(),
                new ECDHNistP.Factory256(),
                new ECDHNistP.Factory384(),
                new ECDHNistP.Factory521(),
                // no diffie-hellman-group-exchange: sshj accepts groups down to 1024 bits, OpenSSH 2048
                DHGroups.Group16SHA512(),
                DHGroups.Group18SHA512(),
                DHGroups.Group14SHA256(),
                // tells the server we take its list of signature algorithms (rsa-sha2-* for RSA keys)
                new ExtInfoClientFactory());
    }

    @Override
    protected void initKeyAlgorithms() {
        setKeyAlgorithms(List.of(
                KeyAlgorithms.EdDSA25519CertV01(),
                KeyAlgorithms.EdDSA25519(),
                KeyAlgorithms.ECDSASHANistp256CertV01(),
                KeyAlgorithms.ECDSASHANistp256(),
                KeyAlgorithms.ECDSASHANistp384CertV01(),
                KeyAlgorithms.ECDSASHANistp384(),
                KeyAlgorithms.ECDSASHANistp521CertV01(),
                KeyAlgorithms.ECDSASHANistp521(),
                KeyAlgorithms.RSASHA512(),
                KeyAlgorithms.RSASHA256()));
    }

    @Override
    protected void initCipherFactories() {
        setCipherFactories(
                ChachaPolyCiphers.CHACHA_POLY_OPENSSH(),
                BlockCiphers.AES128CTR(),
                BlockCiphers.AES192CTR(),
                BlockCiphers.AES256CTR(),
                GcmCiphers.AES128GCM(),
                GcmCiphers.AES256GCM());
    }

    @Override
    protected void initMACFactories() {
        setMACFactories(
                Macs.HMACSHA2256Etm(),
                Macs.HMACSHA2512Etm(),
                Macs.HMACSHA1Etm(),
                Macs.HMACSHA2256(),
                Macs.HMACSHA2512(),
                Macs.HMACSHA1());
    }
}
