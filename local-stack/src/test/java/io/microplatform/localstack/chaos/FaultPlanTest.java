package io.microplatform.localstack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    private static final List<String> INSTANCES = List.of("order-service", "payment-service", "inventory-service",
            "inventory-service-2", "shipping-service", "saga-orchestrator", "saga-orchestrator-2");

    @Test
    void theSameSeedGivesTheSamePlan() {
        assertThat(FaultPlan.of(42, Duration.ofSeconds(120), Duration.ofSeconds(8), INSTANCES))
                .isEqualTo(FaultPlan.of(42, Duration.ofSeconds(120), Duration.ofSeconds(8), INSTANCES));
        assertThat(FaultPlan.of(43, Duration.ofSeconds(120), Duration.ofSeconds(8), INSTANCES))
                .isNotEqualTo(FaultPlan.of(42, Duration.ofSeconds(120), Duration.ofSeconds(8), INSTANCES));
    }

    @Test
    void outagesFollowOneAnotherAfterTheWarmUpAndStartBeforeTheEnd() {
        FaultPlan plan = FaultPlan.of(7, Duration.ofSeconds(300), Duration.ofSeconds(8), INSTANCES);

        assertThat(plan.outages()).hasSizeGreaterThan(5);
        assertThat(plan.outages().get(0).at()).isEqualTo(Duration.ofSeconds(8));
        for (int i = 1; i < plan.outages().size(); i++) {
            FaultPlan.Fault before = plan.outages().get(i - 1);
            assertThat(plan.outages().get(i).at()).isGreaterThan(before.at().plus(before.hold()));
        }
        assertThat(plan.outages()).allMatch(f -> f.at().compareTo(Duration.ofSeconds(294)) <= 0);
        // every kind of outage before any repeats
        assertThat(plan.outages().subList(0, 7)).extracting(FaultPlan.Fault::kind).doesNotHaveDuplicates();
        assertThat(plan.extras()).extracting(FaultPlan.Fault::kind)
                .containsExactly(FaultPlan.Kind.DUPLICATES, FaultPlan.Kind.POISON, FaultPlan.Kind.UNPUBLISHABLE);
    }

    /**
     * The seeds PlatformIT runs in CI (50 s each, on a stack that gives a silent step up after 14 s and reports an order
     * stalled after 12 s): together they draw every kind of outage, so CI sees each fault at least once.
     */
    @Test
    void theSeedsCiRunsDrawEveryKindOfOutage() {
        FaultPlan.Timings ci = new FaultPlan.Timings(Duration.ofSeconds(14), 3, Duration.ofSeconds(12),
                Duration.ofSeconds(5));
        java.util.Set<FaultPlan.Kind> drawn = java.util.EnumSet.noneOf(FaultPlan.Kind.class);
        List<String> platformIt = List.of("order-service", "payment-service", "inventory-service", "shipping-service",
                "saga-orchestrator", "saga-orchestrator-2");
        for (long seed : new long[] { 3, 6, 264 }) {
            FaultPlan.of(seed, Duration.ofSeconds(50), Duration.ofSeconds(8), platformIt, ci).outages()
                    .forEach(fault -> drawn.add(fault.kind()));
        }

        assertThat(drawn).containsExactlyInAnyOrder(FaultPlan.Kind.KILL, FaultPlan.Kind.CRASH, FaultPlan.Kind.BROKER_KILL,
                FaultPlan.Kind.POSTGRES_STOP, FaultPlan.Kind.PAUSE, FaultPlan.Kind.SLOW_CALLS, FaultPlan.Kind.FAILING_CALLS,
                FaultPlan.Kind.UNPROCESSABLE, FaultPlan.Kind.SLOW_CONFIRMATION);
    }

    @Test
    void crashRulesNameAPointAndATargetTheServicesAccept() {
        assertThat(FaultPlan.CRASH_SITES).allSatisfy(site -> {
            assertThat(site.crash()).isIn("before-commit", "after-commit");
            assertThat(site.targetType()).isIn("kafka", "inbound-http");
        });
        assertThat(FaultPlan.CRASH_SITES).extracting(FaultPlan.CrashSite::targetName)
                .contains("payment.RefundPayment", "inventory.ReleaseStock", "/api/orders");
    }
}
