package cl.aula.sige;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts agreement tokens at rest with AES-256-GCM. The key comes from {@code aula.sige.token-key}
 * (Base64, 32 bytes); without it, a key file beside the embedded database's data is created once,
 * readable only by its owner. The school id is bound as associated data, so a token copied to another
 * school's row does not decrypt.
 */
@Component
class TokenCipher {

    private static final Logger log = LoggerFactory.getLogger(TokenCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    TokenCipher(
            @Value("${aula.sige.token-key:}") String configuredKey, @Value("${aula.data-dir:./data}") String dataDir) {
        byte[] bytes = configuredKey.isBlank() ? keyFile(Path.of(dataDir, "sige-token.key")) : decode(configuredKey);
        if (bytes.length != 32) {
            throw new IllegalStateException("aula.sige.token-key must be 32 bytes in Base64");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    record Sealed(byte[] nonce, byte[] ciphertext) {}

    Sealed encrypt(long schoolId, String token) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(schoolId));
            return new Sealed(nonce, cipher.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token encryption failed", e);
        }
    }

    String decrypt(long schoolId, Sealed sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(associatedData(schoolId));
            return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the agreement token of school " + schoolId + " does not decrypt: was the key changed?", e);
        }
    }

    private static byte[] associatedData(long schoolId) {
        return ByteBuffer.allocate(Long.BYTES).putLong(schoolId).array();
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("aula.sige.token-key is not valid Base64");
        }
    }

    private byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                    log.info("Created the agreement-token key file {}; keep it with the database backups", file);
                } catch (FileAlreadyExistsException raced) {
                    // Another instance created it first: use theirs.
                }
            }
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("the agreement-token key file " + file + " cannot be read or created", e);
        }
    }
}
