package org.openrma.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class VirtualThreadsByDefaultTests {

    @Test
    void requestsRunOnVirtualThreadsByDefaultFromTheFirstJdkThatNoLongerPinsThemInsideSynchronized() {
        assertThat(VirtualThreadsByDefault.byDefault(21)).isFalse();
        assertThat(VirtualThreadsByDefault.byDefault(23)).isFalse();
        assertThat(VirtualThreadsByDefault.byDefault(24)).isTrue();
        assertThat(VirtualThreadsByDefault.byDefault(25)).isTrue();
    }

    @Test
    void withoutASettingTheDefaultFollowsTheRunningJdk() {
        StandardEnvironment environment = new StandardEnvironment();
        new VirtualThreadsByDefault().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(VirtualThreadsByDefault.PROPERTY, Boolean.class))
                .isEqualTo(Runtime.version().feature() >= VirtualThreadsByDefault.FIRST_JDK_WITHOUT_PINNING);
    }

    @Test
    void anExplicitSettingWinsOverTheDefaultEitherWay() {
        for (boolean setting : new boolean[] {false, true}) {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("operator", Map.of(VirtualThreadsByDefault.PROPERTY, setting)));
            new VirtualThreadsByDefault().postProcessEnvironment(environment, new SpringApplication());

            assertThat(environment.getProperty(VirtualThreadsByDefault.PROPERTY, Boolean.class)).isEqualTo(setting);
        }
    }
}
