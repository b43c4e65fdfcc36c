package dev.ktriage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cycle check of ArchitectureTest on graphs whose cycles are known. */
class PackageGraphTest {

    @TempDir
    Path src;

    @Test
    void aTreeOfLayersHasNoCycle() {
        PackageGraph g = new PackageGraph();
        g.add("dev.ktriage.cli", "dev.ktriage.engine");
        g.add("dev.ktriage.cli", "dev.ktriage.ui");
        g.add("dev.ktriage.ui", "dev.ktriage.engine");
        g.add("dev.ktriage.ui.tui", "dev.ktriage.ui");
        assertEquals(List.of(), g.cycles());
    }

    @Test
    void twoPackagesThatImportEachOtherAreOneCycle() {
        PackageGraph g = new PackageGraph();
        g.add("dev.ktriage.transcript", "dev.ktriage.gateway.replay");
        g.add("dev.ktriage.gateway.replay", "dev.ktriage.transcript");
        g.add("dev.ktriage.gateway.replay", "dev.ktriage.gateway");
        assertEquals(List.of("dev.ktriage.gateway.replay -> dev.ktriage.transcript -> dev.ktriage.gateway.replay"), g.cycles());
    }

    @Test
    void eachPackageOfALargerTangleIsOnItsShortestCycle() {
        PackageGraph g = new PackageGraph();
        g.add("a", "b");
        g.add("b", "a");
        g.add("a", "c");
        g.add("c", "d");
        g.add("d", "b");
        g.add("x", "y");
        g.add("y", "x");
        assertEquals(List.of("a -> b -> a", "a -> c -> d -> b -> a", "x -> y -> x"), g.cycles());
    }

    @Test
    void aPackageAndItsSubPackageAreDistinctNodes() throws IOException {
        write("ui/A.java", "package dev.ktriage.ui;\nimport dev.ktriage.ui.tui.B;\nclass A {}\n");
        write("ui/tui/B.java", "package dev.ktriage.ui.tui;\nclass B { dev.ktriage.ui.A a; }\n");
        write("ui/tui/C.java", "package dev.ktriage.ui.tui;\nimport static dev.ktriage.ui.tui.B.x;\nclass C {}\n");
        PackageGraph g = PackageGraph.of(src);
        assertEquals(Set.of("dev.ktriage.ui", "dev.ktriage.ui.tui"), g.packages());
        assertEquals(List.of("dev.ktriage.ui -> dev.ktriage.ui.tui -> dev.ktriage.ui"), g.cycles(),
                "the qualified name in B's code is a dependency too; C's import of its own package is none");
    }

    @Test
    void commentsAndStringsAreNoDependencies() throws IOException {
        write("a/A.java", """
                package dev.ktriage.a;
                import dev.ktriage.b.*;
                /** Not {@link dev.ktriage.c.C}. */
                class A {
                    String s = "dev.ktriage.c.C /proc/*";
                    char q = '"';
                    String t = \"""
                        dev.ktriage.c.C \\\"""
                        \""";
                    // dev.ktriage.c.C
                    Object o = new dev.ktriage.d.D();
                }
                """);
        write("c/C.java", "package dev.ktriage.c;\nimport dev.ktriage.a.A;\nclass C {}\n");
        SourceReferences refs = SourceReferences.of(Files.readString(src.resolve("a/A.java")));
        assertEquals("dev.ktriage.a", refs.pkg());
        assertEquals(Set.of("dev.ktriage.b", "dev.ktriage.d"), refs.packages());
        assertEquals(List.of(), PackageGraph.of(src).cycles());
    }

    private void write(String relative, String text) throws IOException {
        Path f = src.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }
}
