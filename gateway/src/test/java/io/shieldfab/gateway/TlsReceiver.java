package io.shieldfab.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A webhook receiver on HTTPS (WireMock on a dynamic port) whose certificate names {@code receiver.test} only,
 * made by the JDK's keytool for this run (valid for two days, never stored), and the gateway trusting it through
 * the {@code webhook} TLS configuration (docs/operations.md, "Webhook targets").
 */
public class TlsReceiver implements QuarkusTestResourceLifecycleManager {

    static final String NAME = "receiver.test";
    static WireMockServer server;
    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("shieldfab-tls-receiver");
            Path keystore = dir.resolve("receiver.p12");
            Path certificate = dir.resolve("receiver.pem");
            String password = "receiver-test-only";
            keytool("-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + NAME, "-ext", "SAN=dns:" + NAME, "-validity", "2",
                    "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
            keytool("-exportcert", "-rfc", "-alias", "receiver", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                    "-storepass", password, "-file", certificate.toString());
            server = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
                    .keystorePath(keystore.toString()).keystoreType("PKCS12")
                    .keystorePassword(password).keyManagerPassword(password));
            server.start();
            return Map.of("quarkus.tls.webhook.trust-store.pem.certs", certificate.toString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not make the test receiver's certificate", e);
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a temporary folder; the system cleans it up
            }
        }
    }
}
