package dev.ktriage.lab.ssh;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.util.OpenSSHPrivateKeyUtil;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A fresh Ed25519 key pair in the two shapes the lab needs: JCA keys for MINA, and the OpenSSH
 * text forms that sshj and OpenSSH's {@code ssh} both read. Generated with BouncyCastle because
 * MINA cannot write a JDK-generated Ed25519 key.
 *
 * @param publicKeyLine  {@code ssh-ed25519 BASE64}, as in known_hosts and authorized_keys
 * @param privateKeyPem  an {@code OPENSSH PRIVATE KEY} block without passphrase
 */
record Ed25519Keys(KeyPair keyPair, String publicKeyLine, String privateKeyPem) {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    static Ed25519Keys generate() {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519", BC);
            KeyPair jca = new KeyPair(
                    factory.generatePublic(new X509EncodedKeySpec(
                            SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()).getEncoded())),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(
                            PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate()).getEncoded())));
            String publicLine = "ssh-ed25519 "
                    + Base64.getEncoder().encodeToString(OpenSSHPublicKeyUtil.encodePublicKey(pair.getPublic()));
            return new Ed25519Keys(jca, publicLine, pem(OpenSSHPrivateKeyUtil.encodePrivateKey(pair.getPrivate())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available from BouncyCastle", e);
        }
    }

    /** Never prints the private key: a record's default toString would, into any log that shows it. */
    @Override
    public String toString() {
        return "Ed25519Keys[" + publicKeyLine + "]";
    }

    /** OpenSSH wraps the base64 at 70 columns; both readers accept that layout. */
    private static String pem(byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        for (int i = 0; i < b64.length(); i += 70) {
            out.append(b64, i, Math.min(b64.length(), i + 70)).append('\n');
        }
        return out.append("-----END OPENSSH PRIVATE KEY-----\n").toString();
    }
}
