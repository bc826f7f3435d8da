package trunkops.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Secret values are masked wherever they could come from: AMI headers, CLI output, config text, log messages. */
class SecretTextTest {

    @Test
    void amiSecretHeadersAreMasked() {
        assertEquals("Password: ********", SecretText.maskAmiLine("Password: labsecret"));
        assertEquals("Secret: ********", SecretText.maskAmiLine("Secret: nocsecret"));
        assertEquals("Md5Cred: ********", SecretText.maskAmiLine("Md5Cred: 0123456789abcdef"));
        assertEquals("OauthSecret: ********", SecretText.maskAmiLine("OauthSecret: x"));
        assertEquals("RefreshToken: ********", SecretText.maskAmiLine("RefreshToken: x"));
        assertEquals("PasswordDigest: ********", SecretText.maskAmiLine("PasswordDigest: x"));
        String empty = "Password: ";
        assertSame(empty, SecretText.maskAmiLine(empty), "an empty value shows there is none");
        String using = "UsingPassword: 0";
        assertSame(using, SecretText.maskAmiLine(using), "SuccessfulAuth's flag is no secret");
        String user = "Username: labuser";
        assertSame(user, SecretText.maskAmiLine(user));
        String key = "Key: weight/trunk1";
        assertSame(key, SecretText.maskAmiLine(key), "a DBGetTree key is no secret");
    }

    @Test
    void cliOutputAndConfigTextAreMasked() {
        assertEquals("Output:  password         : ********",
                SecretText.maskAmiLine("Output:  password         : labsecret"));
        String conf = "[pjtrunk2-auth]\ntype=auth\nusername=labuser\npassword=labsecret\n[trunk1]\nsecret = s3cr3t\n"
                + "md5_cred=abc\n";
        String masked = SecretText.mask(conf);
        assertFalse(masked.contains("labsecret"), masked);
        assertFalse(masked.contains("s3cr3t"), masked);
        assertFalse(masked.contains("=abc"), masked);
        assertTrue(masked.contains("username=labuser"), masked);
        assertEquals("register => user:********@sip.example.com:5060/100",
                SecretText.mask("register => user:pw123@sip.example.com:5060/100"));
        String plain = "login refused for user 'noc' \u2014 wrong secret? Check the AMI user and its secret";
        assertSame(plain, SecretText.mask(plain), "words about secrets are no secrets");
    }
}
