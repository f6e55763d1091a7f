package cl.aula.sige;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCipherUnitTest {

    @TempDir
    Path dir;

    @Test
    void encryptsSoThatTheTokenIsNotInTheStoredBytesAndDecryptsBack() {
        TokenCipher cipher = new TokenCipher("", dir.toString());

        TokenCipher.Sealed sealed = cipher.encrypt(7, "secreto-del-convenio");

        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("secreto");
        assertThat(cipher.decrypt(7, sealed)).isEqualTo("secreto-del-convenio");
    }

    @Test
    void aTokenCopiedToAnotherSchoolDoesNotDecrypt() {
        TokenCipher cipher = new TokenCipher("", dir.toString());
        TokenCipher.Sealed sealed = cipher.encrypt(7, "secreto");

        assertThatThrownBy(() -> cipher.decrypt(8, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theGeneratedKeyFileIsReadableOnlyByItsOwnerAndReusedByTheNextStart() throws Exception {
        TokenCipher first = new TokenCipher("", dir.toString());
        TokenCipher.Sealed sealed = first.encrypt(1, "x");

        TokenCipher second = new TokenCipher("", dir.toString());

        assertThat(second.decrypt(1, sealed)).isEqualTo("x");
        assertThat(Files.getPosixFilePermissions(dir.resolve("sige-token.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void twoEncryptionsOfOneTokenDiffer() {
        TokenCipher cipher = new TokenCipher("", dir.toString());

        assertThat(cipher.encrypt(1, "x").ciphertext())
                .isNotEqualTo(cipher.encrypt(1, "x").ciphertext());
    }
}
