package io.wsmon.core.alert.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wsmon.api.AlertLevel;
import io.wsmon.core.alert.TestAlerts;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertFilterTest {

    @Test
    void minimumLevelWarning_acceptsBothLevels() {
        AlertFilter filter = AlertFilter.minimumLevel(AlertLevel.WARNING);

        assertThat(filter.accepts(TestAlerts.memoryWarning())).isTrue();
        assertThat(filter.accepts(TestAlerts.diskCritical())).isTrue();
    }

    @Test
    void minimumLevelCritical_refusesWarnings() {
        AlertFilter filter = AlertFilter.minimumLevel(AlertLevel.CRITICAL);

        assertThat(filter.accepts(TestAlerts.memoryWarning())).isFalse();
        assertThat(filter.accepts(TestAlerts.diskCritical())).isTrue();
    }

    @Test
    void components_acceptOnlyTheListedOnes() {
        AlertFilter filter = AlertFilter.components("memory", "cpu");

        assertThat(filter.accepts(TestAlerts.memoryWarning())).isTrue();
        assertThat(filter.accepts(TestAlerts.diskCritical())).isFalse();
    }

    @Test
    void components_equalSets_areEqualFilters() {
        assertThat(AlertFilter.components("memory", "disk")).isEqualTo(AlertFilter.components(List.of("disk", "memory")));
    }

    @Test
    void components_none_isRejected() {
        assertThatThrownBy(() -> AlertFilter.components(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("component filter needs at least one component");
    }

    @Test
    void components_blankName_isRejectedShowingIt() {
        assertThatThrownBy(() -> AlertFilter.components("memory", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("component filter: component name must not be blank, got ' '");
    }
}
