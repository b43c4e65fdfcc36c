package dev.ktriage.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor r = new Redactor();

    /** IMDS credentials as seed 004 quotes them (values made up, same shapes). */
    private static final String IMDS = """
            {
              "Code" : "Success",
              "LastUpdated" : "2023-05-02T05:57:36Z",
              "Type" : "AWS-HMAC",
              "AccessKeyId" : "ASIAQXZ7EXAMPLEKEY12",
              "SecretAccessKey" : "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYzz",
              "Token" : "IQoJb3JpZ2luX2VjEJr//////////wEaDmFwLW5vcnRoZWFzdC0yIkcwRQIhAKexample",
              "Expiration" : "2023-05-02T12:22:33Z"
            }""";

    @Test
    void imdsCredentialsInText() {
        String out = r.text(IMDS);
        assertFalse(out.contains("wJalrXUtnFEMI"), out);
        assertFalse(out.contains("IQoJb3JpZ2lu"), out);
        assertFalse(out.contains("EXAMPLEKEY12"), out);
        assertTrue(out.contains("\"Expiration\" : \"2023-05-02T12:22:33Z\""), "non-secrets stay");
    }

    @Test
    void tokensKeysAndSecretData() throws Exception {
        assertEquals("Authorization: Bearer <redacted>", r.text("Authorization: Bearer abcdefghijklmnop.qrs"));
        assertFalse(r.text("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----").contains("b3BlbnNzaC1rZXk"));
        assertFalse(r.text("token=eyJhbGciOiJSUzI1NiIsImtpZCI6Ik.eyJpc3MiOiJrdWJlcm5ldGVz.sig").contains("eyJpc3Mi"));
        JsonNode secret = new ObjectMapper().readTree("{\"kind\":\"Secret\",\"data\":{\"password\":\"aHVudGVyMg==\",\"user\":\"YWRtaW4=\"},\"metadata\":{\"name\":\"db\"}}");
        String out = r.json(secret).toString();
        assertFalse(out.contains("aHVudGVyMg=="));
        assertFalse(out.contains("YWRtaW4="));
        assertTrue(out.contains("\"name\":\"db\""));
        JsonNode kubeconfig = new ObjectMapper().readTree("{\"users\":[{\"user\":{\"client-key-data\":\"LS0tLS1CRUdJTi\"}}]}");
        assertFalse(r.json(kubeconfig).toString().contains("LS0tLS1CRUdJTi"));
    }

    /** Seed 004 quotes the IMDS answer with made-up values of odd shapes: not AKIA-like, a quote, spaces. */
    @Test
    void seed004ImdsBlockAsQuoted() throws Exception {
        String block = dev.ktriage.Seeds.imdsBlock();
        String out = r.text(block);
        for (String secret : new String[] {"holyMoly", "It'sreal..", "Mamma Mia!!"}) {
            assertTrue(block.contains(secret), "the seed holds " + secret);
            assertFalse(out.contains(secret), out);
        }
        assertTrue(out.contains("\"Type\": \"AWS-HMAC\""), out);
    }

    @Test
    void moreShapes() {
        assertFalse(r.text("{\"Token\": \"ab\\\"cd-secret\"}").contains("cd-secret"), "escaped quote inside the value");
        assertEquals("token: <redacted>\nuser: x", r.text("token: Mamma Mia!!\nuser: x"));
        assertEquals("  - password: <redacted>", r.text("  - password: two words"));
        assertEquals("aws_access_key_id=<redacted>", r.text("aws_access_key_id=AKIDEXAMPLE"));
        assertEquals("Authorization: Basic <redacted>", r.text("Authorization: Basic dXNlcjpodW50ZXIy"));
        assertEquals("secret:\n  name: db", r.text("secret:\n  name: db"), "a mapping key alone is not a value");
    }
}
