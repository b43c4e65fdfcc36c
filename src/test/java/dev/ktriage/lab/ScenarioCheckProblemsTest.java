package dev.ktriage.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ktriage.lab.scenario.Expectation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What expect.yaml's confidence, mustNotSay and mustSay make a run fail on, one line each. */
class ScenarioCheckProblemsTest {

    private static Expectation expect(String diagnosis, String confidence, List<String> mustNotSay, List<String> mustSay) {
        return new Expectation("martian-source", Map.of(), Map.of(), diagnosis, List.of("rp-filter-all-overrides"), confidence,
                mustNotSay, mustSay);
    }

    private static final ScenarioCheck.Concluded STRICT = new ScenarioCheck.Concluded("rp-filter-strict-on-cni-device", "medium",
            "lxc1 has rp_filter=1\nthe route back goes via cilium_host");

    @Test
    void aConclusionThatHoldsHasNoProblem() {
        assertEquals(List.of(), ScenarioCheck.problems(expect("rp-filter-strict-on-cni-device", "medium", List.of("rp_filter = 0"),
                List.of("via cilium_host")), List.of(STRICT), null));
    }

    @Test
    void eachDifferenceIsOneLine() {
        assertEquals(List.of("rp-filter-strict-on-cni-device has confidence medium, expected high",
                        "says \"rp_filter=1\", which it must not", "does not say \"martian source\""),
                ScenarioCheck.problems(expect("rp-filter-strict-on-cni-device", "high", List.of("rp_filter=1"), List.of("martian source")),
                        List.of(STRICT), null));
    }

    @Test
    void theInconclusiveReasonCountsAsSaid() {
        assertEquals(List.of("expected no diagnosis, got [rp-filter-strict-on-cni-device]"),
                ScenarioCheck.problems(expect("none", null, List.of(), List.of("cilium_host")), List.of(STRICT), "no martians"));
        assertEquals(List.of(), ScenarioCheck.problems(expect("none", null, List.of(), List.of("is an IPv6 address")), List.of(),
                "fd00::1 is an IPv6 address: rp_filter cannot drop it"));
        ScenarioCheck.Concluded all = new ScenarioCheck.Concluded("rp-filter-all-overrides", "high", "conf.all wins");
        assertEquals(List.of("expected no diagnosis, got [rp-filter-all-overrides]", "reached rp-filter-all-overrides, which it must not"),
                ScenarioCheck.problems(expect("none", null, List.of(), List.of()), List.of(all), null));
    }

    @Test
    void anExpectedConclusionMustBeTheRunsAndBeReported() {
        Expectation healthy = new Expectation("martian-source", Map.of(), Map.of(), "none", List.of(), null, List.of(), List.of(), "healthy");
        assertEquals(List.of(), ScenarioCheck.problems(healthy, List.of(), "no martians", "healthy"));
        assertEquals(List.of("expected conclusion healthy, got could-not-tell (step 'kernel-log' inconclusive)"),
                ScenarioCheck.problems(healthy, List.of(), "step 'kernel-log' inconclusive", "could-not-tell"));
        assertEquals(List.of("expected conclusion healthy, got none reported (no martians)"),
                ScenarioCheck.problems(healthy, List.of(), "no martians"), "a caller that does not know the conclusion cannot pass it");
        assertEquals(List.of(), ScenarioCheck.problems(expect("none", null, List.of(), List.of()), List.of(), "x", "could-not-tell"),
                "without 'conclusion' any is fine");
    }
}
