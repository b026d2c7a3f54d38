package org.exactsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxVariantsTest {

    @Test
    void startsStrictAndReadsEachSwitchFromTheEnvironment() {
        assertThat(SandboxVariants.fromEnvironment(Map.of())).isEqualTo(SandboxVariants.strict());
        assertThat(SandboxVariants.fromEnvironment(Map.of("EXACT_SANDBOX_VARIANTS", "lenient")))
                .isEqualTo(SandboxVariants.lenient());
        SandboxVariants mixed = SandboxVariants.fromEnvironment(Map.of("EXACT_SANDBOX_TOP_SHAPE", "bare_capped",
                "EXACT_SANDBOX_BLOCK_HEADERS", "present", "EXACT_SANDBOX_OLD_REFRESH_STATUS", "401"));
        assertThat(mixed).isEqualTo(new SandboxVariants(SandboxVariants.TopShape.BARE_CAPPED, true, true, 401));
    }

    @Test
    void refusesAValueThatIsNoVariant() {
        assertThatThrownBy(() -> SandboxVariants.fromEnvironment(Map.of("EXACT_SANDBOX_CONTACTS_FILTER", "maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EXACT_SANDBOX_CONTACTS_FILTER");
        assertThatThrownBy(() -> SandboxVariants.strict().withOldRefreshTokenStatus(500))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePresetsDifferOnEveryPoint() {
        SandboxVariants strict = SandboxVariants.strict();
        SandboxVariants lenient = SandboxVariants.lenient();
        assertThat(strict.topShape()).isNotEqualTo(lenient.topShape());
        assertThat(strict.contactsFilterMandatory()).isNotEqualTo(lenient.contactsFilterMandatory());
        assertThat(strict.errorBlockRateHeaders()).isNotEqualTo(lenient.errorBlockRateHeaders());
        assertThat(strict.oldRefreshTokenStatus()).isNotEqualTo(lenient.oldRefreshTokenStatus());
    }
}
