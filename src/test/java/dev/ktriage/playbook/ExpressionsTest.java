package dev.ktriage.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ktriage.playbook.expr.Evaluator;
import dev.ktriage.playbook.expr.ExprException;
import dev.ktriage.playbook.expr.ExprParser;
import dev.ktriage.playbook.expr.Template;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

    private final Map<String, Object> vars = new HashMap<>(Map.of(
            "allRp", "0", "deviceRp", "2", "device", "lxc3c160d6c7aa0", "pod.name", "coredns-1",
            "lines", List.of("martian source 10.0.0.253 from 10.0.0.113, on dev lxc1", "ll header: 00"),
            "ports", List.of(new BigDecimal(53), new BigDecimal(9153))));

    private Object eval(String e) {
        return Evaluator.of(vars).eval(ExprParser.parse(e));
    }

    private boolean test(String e) {
        return Evaluator.of(vars).test(ExprParser.parse(e));
    }

    @Test
    void numericStringsCompareAsNumbers() {
        assertTrue(test("deviceRp >= 1"));
        assertTrue(test("max(allRp, deviceRp) == 2"));
        assertFalse(test("allRp > deviceRp"));
        assertTrue(test("'10' > 9"), "numbers, not text order");
    }

    @Test
    void regexMatchListsAndFunctions() {
        assertTrue(test("device =~ '^lxc'"));
        assertFalse(test("device =~ '^cilium'"));
        assertEquals(new BigDecimal(1), eval("count(lines, 'martian source')"));
        assertEquals("10.0.0.113", eval("capture(lines, ' from ([0-9.]+),')"));
        assertTrue(test("8181 in [8181, 8080]"));
        assertFalse(test("8181 in ports"));
        assertTrue(test("53 in ports"));
        assertEquals("53, 9153", eval("join(ports)"));
        assertEquals("b", eval("if(len(ports) > 1, 'b', 'c')"));
    }

    @Test
    void arithmeticForProbeBudgets() {
        vars.put("initialDelaySeconds", "10");
        vars.put("failureThreshold", new BigDecimal(3));
        vars.put("periodSeconds", "10");
        assertEquals(new BigDecimal(40), eval("initialDelaySeconds + failureThreshold * periodSeconds"));
        assertEquals(new BigDecimal("2.5"), eval("5 / 2"));
        assertEquals(null, eval("5 / 0"));
        assertTrue(test("1500 / 1000 > 1"));
    }

    @Test
    void unknownVariablesAreNullAndNeverTrue() {
        assertFalse(test("missing == 1"));
        assertFalse(test("missing > 0"));
        assertTrue(test("!exists(missing)"));
        assertEquals(BigDecimal.ZERO, eval("len(missing)"));
    }

    @Test
    void dottedNamesAndPrecedence() {
        assertEquals("coredns-1", eval("pod.name"));
        assertTrue(test("1 == 1 || 1 == 2 && 1 == 3"));
        assertFalse(test("!(1 == 1)"));
    }

    @Test
    void syntaxErrorsCarryAnOffset() {
        ExprException e = assertThrows(ExprException.class, () -> ExprParser.parse("a == "));
        assertEquals(5, e.offset());
        assertThrows(ExprException.class, () -> ExprParser.parse("nosuch(1)"));
        assertThrows(ExprException.class, () -> ExprParser.parse("'open"));
    }

    @Test
    void templatesRenderExpressions() {
        Template t = Template.parse("rp_filter on ${device} is ${deviceRp}, max ${max(allRp, deviceRp)}");
        assertEquals("rp_filter on lxc3c160d6c7aa0 is 2, max 2", t.render(vars));
        assertEquals(List.of("allRp", "device", "deviceRp"), List.copyOf(t.variables()));
    }
}
